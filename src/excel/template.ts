/**
 * Inserting a blank (or sample) form as a new worksheet, built by the engine's `buildTemplate`.
 * Content and basic styles need only ExcelApi 1.1; merges, widths and heights 1.2; sheet-scoped names
 * 1.4; list validation 1.8; page setup 1.9. Each extra is written only where the host has it.
 * Two syncs: one to learn the existing sheet names, one to write everything.
 */
import { columnName, parseRange, rangeToA1 } from '../grid/address';
import type { CellStyle, TemplateDoc } from '../form/template-doc';
import type { Patch } from '../patch';
import { engineWith, type EnginePort } from './engine-port';
import { AdapterError, toAdapterError } from './errors';
import { capabilities, runOptions, SyncCounter, type Caps, type ExcelHost } from './host';
import { queuePatchWrite } from './patch-actions';

export const TEMPLATE_SHEET_NAME = '绩效目标申报表';

/** "绩效目标申报表", or with " (2)", " (3)"... when taken (names compare case-insensitively, as in Excel). */
export function freeSheetName(taken: string[], base = TEMPLATE_SHEET_NAME): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base} (${i})`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/** Excel column widths are set in points; the template gives characters of the default font (7 px digit). */
export function charsToPoints(chars: number): number {
  const px = Math.round(chars * 7 + 5);
  return Math.round(px * 0.75 * 100) / 100;
}

const H: Record<NonNullable<CellStyle['horizontal']>, Excel.HorizontalAlignment> = {
  left: 'Left' as Excel.HorizontalAlignment,
  center: 'Center' as Excel.HorizontalAlignment,
  right: 'Right' as Excel.HorizontalAlignment,
};
const V: Record<NonNullable<CellStyle['vertical']>, Excel.VerticalAlignment> = {
  top: 'Top' as Excel.VerticalAlignment,
  middle: 'Center' as Excel.VerticalAlignment,
  bottom: 'Bottom' as Excel.VerticalAlignment,
};
const BORDERS = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const;

function queueStyle(range: Excel.Range, style: CellStyle, shape: { rows: number; cols: number }): void {
  const f = range.format;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.fontSize !== undefined) f.font.size = style.fontSize;
  if (style.wrap !== undefined) f.wrapText = style.wrap;
  if (style.horizontal) f.horizontalAlignment = H[style.horizontal];
  if (style.vertical) f.verticalAlignment = V[style.vertical];
  if (style.fill) f.fill.color = style.fill;
  if (style.border) {
    for (const side of BORDERS) {
      // Inside lines exist only where the range has more than one row / column.
      if (side === 'InsideHorizontal' && shape.rows < 2) continue;
      if (side === 'InsideVertical' && shape.cols < 2) continue;
      f.borders.getItem(side as Excel.BorderIndex).style = 'Continuous' as Excel.BorderLineStyle;
    }
  }
}

function templatePatch(doc: TemplateDoc, sheetName: string): Patch {
  const writes = [...doc.grid.cells.entries()].map(([k, cell]) => {
    const [row, col] = k.split(',').map(Number);
    const address = `${columnName(col)}${row + 1}`;
    return cell.formula
      ? { address, formula: cell.formula, numberFormat: cell.numberFormat, reason: 'template' as const }
      : { address, value: cell.value, numberFormat: cell.numberFormat, reason: 'template' as const };
  });
  return { sheetName, writes, skipped: [] };
}

function queueTemplate(ctx: Excel.RequestContext, ws: Excel.Worksheet, caps: Caps, doc: TemplateDoc, sheetName: string): void {
  queuePatchWrite(ctx, ws, caps, templatePatch(doc, sheetName));
  for (const { range, style } of doc.styles) {
    const r = parseRange(range);
    queueStyle(ws.getRange(range), style, { rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 });
  }
  if (caps.v1_2) {
    for (const m of doc.grid.merges) ws.getRange(rangeToA1(m)).merge(false);
    doc.columnWidths.forEach((w, col) => {
      if (w > 0) ws.getRange(`${columnName(col)}:${columnName(col)}`).format.columnWidth = charsToPoints(w);
    });
    for (const [row, h] of Object.entries(doc.rowHeights)) ws.getRange(`${Number(row) + 1}:${Number(row) + 1}`).format.rowHeight = h;
  }
  if (caps.validation) {
    for (const v of doc.validations) {
      // Excel's list source is comma-separated; commas inside an item would split it, so they become '，'.
      const source = v.list.map((s) => s.replace(/,/g, '，')).join(',');
      ws.getRange(v.range).dataValidation.rule = { list: { inCellDropDown: true, source } };
    }
  }
  if (caps.v1_4) {
    // Scoped to the new sheet, so a second copy of the template does not clash with the first.
    for (const n of doc.names) ws.names.add(n.name, ws.getRange(n.address));
  }
  if (caps.v1_9) {
    const pl = ws.pageLayout;
    pl.orientation = (doc.page.orientation === 'landscape' ? 'Landscape' : 'Portrait') as Excel.PageOrientation;
    pl.paperSize = 'A4' as Excel.PaperType;
    // One page wide; the height is left to Excel (as "fit all columns on one page" does).
    pl.zoom = { horizontalFitToPages: doc.page.fitToWidth };
    pl.setPrintArea(doc.page.printArea);
    if (doc.page.printTitleRows) pl.setPrintTitleRows(doc.page.printTitleRows);
  }
  ws.activate();
}

export async function insertTemplate(
  host: ExcelHost,
  options: { sample?: boolean; year?: number; engine?: Partial<EnginePort> } = {},
): Promise<{ sheetName: string; syncs: number }> {
  const caps = capabilities(host);
  const engine = engineWith(options.engine);
  let doc: TemplateDoc;
  try {
    doc = engine.buildTemplate({ sample: options.sample, year: options.year });
  } catch (e) {
    throw new AdapterError('template-unavailable', { detail: e instanceof Error ? e.message : String(e) }, e);
  }
  try {
    return await host.run(async (ctx) => {
      const counter = new SyncCounter();
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name');
      await counter.sync(ctx);
      const sheetName = freeSheetName(sheets.items.map((s) => s.name));
      const ws = sheets.add(sheetName);
      queueTemplate(ctx, ws, caps, doc, sheetName);
      await counter.sync(ctx);
      return { sheetName, syncs: counter.count };
    }, runOptions(caps, 'structure'));
  } catch (e) {
    throw toAdapterError(e, TEMPLATE_SHEET_NAME);
  }
}
