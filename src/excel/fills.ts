/**
 * Cell fills: reading what a cell had, and painting groups of cells in as few operations as the host
 * allows (multi-area RangeAreas on ExcelApi 1.9, one rectangle per block before that).
 */
import { rangeToA1, type CellRef } from '../grid/address';
import { addressChunks, cellBlocks } from './cells';
import type { Caps } from './host';

/** A cell's background as the adapter records it; null is "No Fill". */
export type PrevFill = { color: string; pattern?: string; patternColor?: string } | null;

/** Light red and amber, the fills Excel's own "Bad" and "Neutral" styles use. */
export const MARK_COLORS = { error: '#FFC7CE', warning: '#FFEB9C' } as const;

interface FillProps {
  color?: string | null;
  pattern?: string | null;
  patternColor?: string | null;
  tintAndShade?: number | null;
}

/**
 * From getCellProperties (ExcelApi 1.9) or a loaded RangeFill. Excel reports "No Fill" with color
 * #FFFFFF, the same as a white fill; the two differ in tintAndShade (null for No Fill) and pattern ('None').
 */
export function fillFromProps(f: FillProps | undefined): PrevFill {
  if (!f || !f.color) return null;
  if (f.pattern === 'None' || f.tintAndShade === null) return null;
  // A host that returned neither: fall back to the colour alone, as on ExcelApi 1.1.
  if (f.tintAndShade === undefined && (f.pattern === undefined || f.pattern === null)) return fillFromColor(f.color);
  const out: { color: string; pattern?: string; patternColor?: string } = { color: f.color.toUpperCase() };
  if (f.pattern && f.pattern !== 'Solid') {
    out.pattern = f.pattern;
    if (f.patternColor) out.patternColor = f.patternColor.toUpperCase();
  }
  return out;
}

/**
 * ExcelApi 1.1 only has RangeFill.color, which cannot tell white from No Fill; white is taken as No Fill,
 * so an explicitly white cell comes back without fill (it looks the same, bar the gridlines).
 */
export function fillFromColor(color: string | null | undefined): PrevFill {
  if (!color || color.toUpperCase() === '#FFFFFF') return null;
  return { color: color.toUpperCase() };
}

export function fillKey(f: PrevFill): string {
  return f ? `${f.color}|${f.pattern ?? ''}|${f.patternColor ?? ''}` : 'none';
}

export function sameFill(a: PrevFill, b: PrevFill): boolean {
  return fillKey(a) === fillKey(b);
}

/** Groups cells by the fill they should get. */
export function groupByFill(items: { ref: CellRef; fill: PrevFill }[]): { fill: PrevFill; cells: CellRef[] }[] {
  const groups = new Map<string, { fill: PrevFill; cells: CellRef[] }>();
  for (const it of items) {
    const k = fillKey(it.fill);
    const g = groups.get(k) ?? { fill: it.fill, cells: [] };
    g.cells.push(it.ref);
    groups.set(k, g);
  }
  return [...groups.values()];
}

/** Queues the writes that give each group its fill. No sync here; the caller syncs once for everything. */
export function queuePaint(ws: Excel.Worksheet, caps: Caps, groups: { fill: PrevFill; cells: CellRef[] }[]): void {
  for (const g of groups) {
    if (g.cells.length === 0) continue;
    const blocks = cellBlocks(g.cells);
    const targets: Excel.RangeFill[] = caps.v1_9
      ? addressChunks(blocks).map((a) => ws.getRanges(a).format.fill)
      : blocks.map((b) => ws.getRange(rangeToA1(b)).format.fill);
    for (const t of targets) {
      if (!g.fill) {
        t.clear();
        continue;
      }
      t.color = g.fill.color;
      if (caps.v1_9) {
        // Say "solid" outright, so a mark painted over a patterned cell is a plain colour and a restore
        // brings the pattern back exactly.
        t.pattern = (g.fill.pattern ?? 'Solid') as Excel.FillPattern;
        if (g.fill.patternColor) t.patternColor = g.fill.patternColor;
      }
    }
  }
}

/** Queues a fill read for single cells (the ExcelApi < 1.9 way to learn previous fills). */
export function queueFillReads(ws: Excel.Worksheet, caps: Caps, refs: CellRef[]): Map<string, Excel.RangeFill> {
  const out = new Map<string, Excel.RangeFill>();
  for (const ref of refs) {
    const a1 = rangeToA1({ top: ref.row, left: ref.col, bottom: ref.row, right: ref.col });
    const fill = ws.getRange(a1).format.fill;
    fill.load(caps.v1_9 ? 'color,pattern,patternColor,tintAndShade' : 'color');
    out.set(`${ref.row},${ref.col}`, fill);
  }
  return out;
}

export function fillFromLoaded(fill: Excel.RangeFill, caps: Caps): PrevFill {
  return caps.v1_9
    ? fillFromProps({ color: fill.color, pattern: fill.pattern, patternColor: fill.patternColor, tintAndShade: fill.tintAndShade })
    : fillFromColor(fill.color);
}
