/**
 * 审核说明 inside the workbook, through the ExcelHost: the same hidden sheet the command line reads and
 * writes with ExcelJS (src/xlsx/explanation-store.ts): sheet `jixiao_explanations`, row 1 the header
 * key | rule | cells | text | at, one explanation per row below.
 *
 * One sync each, with ExcelApi 1.1 calls only:
 *  - reading asks for the sheet's used range straight away; a workbook without the sheet answers
 *    ItemNotFound, which reads as "no explanations" (getItemOrNullObject would need 1.4);
 *  - writing replaces the rows in one rectangle that also blanks the rows of a longer previous list, so it
 *    needs to know whether the sheet exists and how many rows it had: the `ExplanationStore` the last read
 *    or write returned. When that has gone stale (the sheet was deleted or added meanwhile), the batch fails
 *    at its first operation, before anything is written; read again and retry.
 * The sheet is made VeryHidden where the host can set visibility (ExcelApi 1.2) without harm. Setting
 * Worksheet.visibility is not undoable in Excel on Windows and Mac: on a host whose API writes join the
 * user's undo stack (ExcelUndoApiAll), that call would clear the whole stack
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities). There the sheet
 * is created visible (adding a sheet and writing cells are undoable) and the result says so, so the task
 * pane can tell the user, who may hide it. On a 1.1 host it stays visible too, its header saying what it is.
 */
import type { Explanation } from '../review/explanations';
import { toExcelInput } from './cells';
import { toAdapterError } from './errors';
import { capabilities, runOptions, SyncCounter, type ExcelHost } from './host';

export const EXPLANATION_SHEET = 'jixiao_explanations';
const HEADER = ['key', 'rule', 'cells', 'text', 'at'] as const;
const COLUMNS = HEADER.length;

/** What a write needs to know about the sheet as it is now. */
export interface ExplanationStore {
  exists: boolean;
  /** One past the last used row (0-based), i.e. the number of rows a full rewrite must cover. */
  rows: number;
}

export interface ExplanationsRead {
  explanations: Explanation[];
  store: ExplanationStore;
  syncs: number;
}

function text(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

/** Rows of the used range, by absolute position, into explanations (the header row and blank keys skipped). */
export function explanationsFromValues(values: unknown[][], rowIndex: number, columnIndex: number): Explanation[] {
  const out: Explanation[] = [];
  values.forEach((line, r) => {
    if (rowIndex + r === 0) return; // the header
    const at = (col: number) => text(line[col - columnIndex]);
    const e: Explanation = { key: at(0), rule: at(1), cells: at(2), text: at(3), at: at(4) };
    if (e.key.trim() !== '' && e.text.trim() !== '') out.push(e);
  });
  return out;
}

function isMissingSheet(e: unknown): boolean {
  return (e as { code?: unknown } | null)?.code === 'ItemNotFound';
}

/** The stored explanations, in one sync. A workbook without the sheet has none. */
export async function readExplanations(host: ExcelHost): Promise<ExplanationsRead> {
  const caps = capabilities(host);
  try {
    return await host.run(async (ctx) => {
      const counter = new SyncCounter();
      const used = ctx.workbook.worksheets.getItem(EXPLANATION_SHEET).getUsedRange();
      used.load('values,rowIndex,columnIndex,rowCount');
      try {
        await counter.sync(ctx);
      } catch (e) {
        if (isMissingSheet(e)) return { explanations: [], store: { exists: false, rows: 0 }, syncs: counter.count };
        throw e;
      }
      return {
        explanations: explanationsFromValues(used.values, used.rowIndex, used.columnIndex),
        store: { exists: true, rows: used.rowIndex + used.rowCount },
        syncs: counter.count,
      };
    }, runOptions(caps, 'read'));
  } catch (e) {
    throw toAdapterError(e, EXPLANATION_SHEET);
  }
}

/** The sheet's rows: the header, then one row per explanation; padded with blanks to `height`. */
export function explanationRows(explanations: readonly Explanation[], height = 0): (string | number | boolean)[][] {
  const rows: string[][] = [[...HEADER], ...explanations.map((e) => [e.key, e.rule, e.cells, e.text, e.at])];
  const out = rows.map((r) => r.map((v) => toExcelInput(v)));
  while (out.length < height) out.push(Array.from({ length: COLUMNS }, () => ''));
  return out;
}

/**
 * Replaces the stored explanations with `explanations`, in one sync. `store` is what the last read or
 * write returned; the result is the store to pass next time.
 */
export async function writeExplanations(
  host: ExcelHost,
  explanations: readonly Explanation[],
  store: ExplanationStore,
): Promise<{ store: ExplanationStore; syncs: number; createdVisible: false | 'keeps-undo' | 'excel-1.1' }> {
  const caps = capabilities(host);
  try {
    return await host.run(async (ctx) => {
      const counter = new SyncCounter();
      const sheets = ctx.workbook.worksheets;
      let ws: Excel.Worksheet;
      // Why a new sheet stays visible: hiding would clear the undo stack, or ExcelApi 1.1 cannot hide.
      let createdVisible: false | 'keeps-undo' | 'excel-1.1' = false;
      if (store.exists) ws = sheets.getItem(EXPLANATION_SHEET);
      else {
        ws = sheets.add(EXPLANATION_SHEET);
        if (!caps.v1_2) createdVisible = 'excel-1.1';
        else if (caps.hidingClearsUndo) createdVisible = 'keeps-undo';
        else ws.visibility = 'VeryHidden' as Excel.SheetVisibility;
      }
      const values = explanationRows(explanations, store.exists ? store.rows : 0);
      ws.getRange(`A1:E${values.length}`).values = values;
      await counter.sync(ctx);
      return { store: { exists: true, rows: explanations.length + 1 }, syncs: counter.count, createdVisible };
    }, runOptions(caps, 'structure'));
  } catch (e) {
    throw toAdapterError(e, EXPLANATION_SHEET);
  }
}
