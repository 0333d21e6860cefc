/**
 * 写入检查结果: the 检查结果 sheet (the list the command line's `annotate` writes, laid out by
 * review/result-table) written into the open workbook, each row linking to its cells.
 *
 * Undo. Adding a worksheet is undoable in Excel itself (WorksheetCollection.add is not among the APIs
 * without undo support), but deleting one is not: Worksheet.delete clears Excel's undo stack
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities). So:
 *  - a new sheet: the pane's 撤销 deletes it, but only while it still holds exactly what was written (a
 *    sheet the user has typed into is left alone, and the pane says so);
 *  - an existing 检查结果 sheet is rewritten in place (never deleted and re-added), and 撤销 puts its
 *    previous cells back like any other patch.
 * Links are HYPERLINK formulas (ExcelApi 1.1; Range.hyperlink needs 1.7), which Excel follows on click.
 *
 * Syncs: 1 to learn the sheet names, then 1 to write a new sheet, or 2 (read, write) to rewrite one (more
 * only when a huge old sheet must be read in blocks).
 */
import { columnName } from '../grid/address';
import { emptyGrid } from '../grid/grid';
import { invertPatch, type CellWrite, type Patch } from '../patch';
import { RESULT_SHEET, resultSheetName, resultTable, type ResultRow, type ResultTable } from '../review/result-table';
import type { Locale } from '../rules/rule';
import { AdapterError, toAdapterError } from './errors';
import { capabilities, runOptions, SyncCounter, type Caps, type ExcelHost } from './host';
import { pushPatchUndo, pushUndoStep, queuePatchWrite } from './patch-actions';
import { queueSheetRead } from './read';

export { RESULT_SHEET };

export interface WriteResultsOptions {
  /** The checked sheet the links point into. */
  sheetName: string;
  rows: ResultRow[];
  locale?: Locale;
}

export interface WriteResultsResult {
  sheetName: string;
  rows: number;
  /** True when the sheet was added now (撤销 removes it); false when an existing one was rewritten. */
  created: boolean;
  syncs: number;
}

const HEADER_FILL = '#D9E1F2';
const LINK_COLOR = '#0563C1';
const SEVERITY_COLOR = { error: '#C00000', warning: '#9C5700' } as const;
/** Excel refuses a text constant over 255 characters inside a formula. */
const MAX_FORMULA_TEXT = 255;

function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

export function linkFormula(target: string, text: string): string {
  const shown = text.length > MAX_FORMULA_TEXT - 1 ? `${text.slice(0, MAX_FORMULA_TEXT - 2)}…` : text;
  return `=HYPERLINK(${quoted(`#${target}`)},${quoted(shown)})`;
}

/** The table as cell writes from A1: the header row, then one row per issue. */
export function resultWrites(table: ResultTable): CellWrite[] {
  const writes: CellWrite[] = table.headers.map((h, c) => ({ address: `${columnName(c)}1`, value: h, reason: 'hygiene' }));
  table.rows.forEach((r, i) => {
    r.values.forEach((v, c) => {
      const address = `${columnName(c)}${i + 2}`;
      if (r.link && r.link.col === c) writes.push({ address, formula: linkFormula(r.link.target, r.link.text), reason: 'hygiene' });
      else writes.push({ address, value: v === '' ? null : v, reason: 'hygiene' });
    });
  });
  return writes;
}

function queueLayout(ws: Excel.Worksheet, caps: Caps, table: ResultTable): void {
  const last = columnName(table.headers.length - 1);
  const header = ws.getRange(`A1:${last}1`);
  header.format.font.bold = true;
  header.format.fill.color = HEADER_FILL;
  if (table.rows.length) {
    const body = ws.getRange(`A2:${last}${table.rows.length + 1}`);
    body.format.wrapText = true;
    body.format.verticalAlignment = 'Top' as Excel.VerticalAlignment;
  }
  table.rows.forEach((r, i) => {
    const sev = ws.getRange(`${columnName(table.severityCol)}${i + 2}`);
    sev.format.font.bold = true;
    sev.format.font.color = SEVERITY_COLOR[r.severity];
    if (r.link) {
      const link = ws.getRange(`${columnName(r.link.col)}${i + 2}`);
      link.format.font.color = LINK_COLOR;
      link.format.font.underline = 'Single' as Excel.RangeUnderlineStyle;
    }
  });
  if (caps.v1_2) {
    // Widths in characters of the default font (7 px a digit), as Excel sets them in points.
    table.widths.forEach((w, c) => (ws.getRange(`${columnName(c)}:${columnName(c)}`).format.columnWidth = Math.round((w * 7 + 5) * 0.75)));
  }
  if (caps.v1_9) {
    const pl = ws.pageLayout;
    pl.orientation = 'Landscape' as Excel.PageOrientation;
    pl.paperSize = 'A4' as Excel.PaperType;
    pl.zoom = { horizontalFitToPages: 1 };
    pl.setPrintTitleRows('$1:$1');
  }
}

/** What a cell of the written sheet reads back as, for comparing before a removal. */
function writtenText(w: CellWrite): string {
  if (w.formula !== undefined) return w.formula;
  const v = w.value;
  return v === null || v === undefined ? '' : String(v);
}

function readBackText(f: unknown): string {
  const s = f === null || f === undefined ? '' : String(f);
  return s.startsWith("'") ? s.slice(1) : s;
}

/** 撤销 of a new 检查结果 sheet: removes it if it still holds exactly what was written. */
function removeIfUnchanged(sheetId: string, sheetName: string, writes: CellWrite[]) {
  return async (host: ExcelHost): Promise<number> => {
    const caps = capabilities(host);
    try {
      return await host.run(async (ctx) => {
        const counter = new SyncCounter();
        const ws = ctx.workbook.worksheets.getItem(sheetId);
        ws.load('name');
        const used = ws.getUsedRange();
        used.load('rowIndex,columnIndex,formulas');
        await counter.sync(ctx);
        const expected = new Map(writes.map((w) => [w.address, writtenText(w)]));
        let same = true;
        used.formulas.forEach((line, r) =>
          line.forEach((f, c) => {
            const address = `${columnName(used.columnIndex + c)}${used.rowIndex + r + 1}`;
            if (readBackText(f) !== (expected.get(address) ?? '')) same = false;
          }),
        );
        if (!same) throw new AdapterError('result-sheet-changed', { sheet: ws.name });
        ws.delete();
        await counter.sync(ctx);
        return counter.count;
      }, runOptions(caps, 'structure'));
    } catch (e) {
      throw toAdapterError(e, sheetName);
    }
  };
}

export async function writeResultSheet(host: ExcelHost, options: WriteResultsOptions): Promise<WriteResultsResult> {
  const caps = capabilities(host);
  const locale = options.locale ?? 'zh-CN';
  const table = resultTable(options.sheetName, options.rows, locale);
  const writes = resultWrites(table);
  // The sheet is named in the pane's language (检查结果 / Check results), like the command line's copy.
  const name = resultSheetName(locale);
  try {
    return await host.run(async (ctx) => {
      const counter = new SyncCounter();
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name');
      await counter.sync(ctx);
      const existing = sheets.items.find((s) => s.name.toLowerCase() === name.toLowerCase());
      if (!existing) {
        const ws = sheets.add(name);
        ws.load('id,name');
        const patch: Patch = { sheetName: name, writes, skipped: [] };
        queuePatchWrite(ctx, ws, caps, patch);
        queueLayout(ws, caps, table);
        await counter.sync(ctx);
        pushUndoStep(host, ws.id, ws.name, removeIfUnchanged(ws.id, ws.name, writes));
        return { sheetName: ws.name, rows: table.rows.length, created: true, syncs: counter.count };
      }
      // Rewrite in place: the old list's cells past the new one are cleared, all of it undoable.
      const read = queueSheetRead(ctx, caps, { sheet: existing.name }, { merges: false });
      await counter.sync(ctx);
      const snap = await read.finish(ctx, counter);
      if (caps.v1_2 && snap.protected) throw new AdapterError('sheet-protected', { sheet: snap.sheetName });
      const written = new Set(writes.map((w) => w.address));
      const clears: CellWrite[] = [];
      for (const k of snap.grid.cells.keys()) {
        const [row, col] = k.split(',').map(Number);
        const address = `${columnName(col)}${row + 1}`;
        if (!written.has(address)) clears.push({ address, value: null, reason: 'hygiene' });
      }
      const patch: Patch = { sheetName: snap.sheetName, writes: [...writes, ...clears], skipped: [] };
      const before = snap.grid.cells.size ? snap.grid : emptyGrid(snap.sheetName);
      const inverse = invertPatch(before, patch);
      queuePatchWrite(ctx, read.worksheet, caps, patch);
      queueLayout(read.worksheet, caps, table);
      await counter.sync(ctx);
      pushPatchUndo(host, snap.sheetId, snap.sheetName, inverse);
      return { sheetName: snap.sheetName, rows: table.rows.length, created: false, syncs: counter.count };
    }, runOptions(caps, 'structure'));
  } catch (e) {
    throw toAdapterError(e, name);
  }
}
