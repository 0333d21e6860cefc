/**
 * Cell fills: reading what a cell had, and painting groups of cells in as few operations as the host
 * allows (multi-area RangeAreas on ExcelApi 1.9, one rectangle per block before that).
 */
import { rangeToA1, type CellRef } from '../grid/address';
import { addressChunks, cellBlocks } from './cells';
import type { Caps } from './host';

/** A cell's background as the adapter records it; null is "No Fill". `tint` is a theme colour's tintAndShade. */
export type PrevFill = { color: string; pattern?: string; patternColor?: string; tint?: number } | null;

/** Light red and amber, the fills Excel's own "Bad" and "Neutral" styles use. */
export const MARK_COLORS = { error: '#FFC7CE', warning: '#FFEB9C' } as const;

export interface FillProps {
  color?: string | null;
  pattern?: string | null;
  patternColor?: string | null;
  tintAndShade?: number | null;
}

/**
 * From getCellProperties or a loaded RangeFill (ExcelApi 1.9). Excel reports "No Fill" with color #FFFFFF,
 * like a white fill, and pattern null for both (office-js#4900). tintAndShade tells them apart where the
 * platform reports null for No Fill (RangeFill docs, office-js#4900); some report 0 (office-js#6218), and
 * then white and No Fill read the same. `distinguishes` says whether this host was seen to answer null
 * (any No-Fill cell in the same read shows it): only then is white with tint 0 a real white fill. Otherwise
 * it is taken as No Fill, the far commoner case: restoring No Fill on a white cell changes only whether the
 * gridlines show, painting white over No Fill would hide them for good.
 */
export function fillFromProps(f: FillProps | undefined, distinguishes = true): PrevFill {
  if (!f || !f.color) return null;
  if (f.pattern === 'None' || f.tintAndShade === null) return null;
  const color = f.color.toUpperCase();
  const tint = typeof f.tintAndShade === 'number' ? f.tintAndShade : 0;
  const patterned = !!f.pattern && f.pattern !== 'Solid';
  if (color === '#FFFFFF' && tint === 0 && !patterned && !(distinguishes && f.tintAndShade === 0)) return null;
  const out: { color: string; pattern?: string; patternColor?: string; tint?: number } = { color };
  if (tint !== 0) out.tint = tint;
  if (patterned) {
    out.pattern = f.pattern!;
    if (f.patternColor) out.patternColor = f.patternColor.toUpperCase();
  }
  return out;
}

/** Whether a set of fill readings shows a host that reports No Fill with tintAndShade null. */
export function reportsNullForNoFill(list: (FillProps | undefined)[]): boolean {
  return list.some((f) => f?.tintAndShade === null);
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
  return f ? `${f.color}|${f.pattern ?? ''}|${f.patternColor ?? ''}|${f.tint ?? 0}` : 'none';
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

/**
 * Queues the writes that give each group its fill. No sync here; the caller syncs once for everything.
 * No Fill is restored with RangeFill.clear(), never as a white colour. Where the host has tintAndShade it
 * is always written after the colour: a theme fill gets its tint back, a mark is painted untinted.
 */
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
      if (caps.fillTint) t.tintAndShade = g.fill.tint ?? 0;
    }
  }
}

/**
 * Queues reading the fills of single cells, the ones about to be marked: getCellProperties per block where
 * the host has it (1.9), a RangeFill per cell before. The result maps cellKey ("row,col") to the fill.
 */
export function queueFillReads(ws: Excel.Worksheet, caps: Caps, refs: CellRef[]): () => Map<string, PrevFill> {
  if (refs.length === 0) return () => new Map();
  if (caps.cellProperties) {
    const spec = { format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: caps.fillTint } } };
    const reads = cellBlocks(refs).map((b) => ({ b, props: ws.getRange(rangeToA1(b)).getCellProperties(spec) }));
    return () => {
      const all = reads.flatMap(({ props }) => props.value.flat().map((p) => p.format?.fill as FillProps | undefined));
      const distinguishes = reportsNullForNoFill(all);
      const out = new Map<string, PrevFill>();
      for (const { b, props } of reads) {
        props.value.forEach((line, r) =>
          line.forEach((p, c) => out.set(`${b.top + r},${b.left + c}`, fillFromProps(p.format?.fill as FillProps | undefined, distinguishes))),
        );
      }
      return out;
    };
  }
  const fills = refs.map((ref) => {
    const fill = ws.getRange(rangeToA1({ top: ref.row, left: ref.col, bottom: ref.row, right: ref.col })).format.fill;
    fill.load(caps.fillTint ? 'color,pattern,patternColor,tintAndShade' : 'color');
    return { ref, fill };
  });
  return () => {
    const props = fills.map(({ fill }) =>
      caps.fillTint ? { color: fill.color, pattern: fill.pattern, patternColor: fill.patternColor, tintAndShade: fill.tintAndShade } : undefined,
    );
    const distinguishes = reportsNullForNoFill(props);
    const out = new Map<string, PrevFill>();
    fills.forEach(({ ref, fill }, i) => out.set(`${ref.row},${ref.col}`, caps.fillTint ? fillFromProps(props[i], distinguishes) : fillFromColor(fill.color)));
    return out;
  };
}
