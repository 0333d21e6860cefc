/** ExcelJS worksheet -> plain grid. The only place that knows ExcelJS's cell value shapes. */
import type ExcelJS from 'exceljs';
import { parseRange } from '../grid/address';
import { emptyGrid, setCell } from '../grid/grid';
import type { Cell, CellValue, Grid } from '../grid/types';

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

export function dateToSerialNumber(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH_MS) / 86400000;
}

/** A cell's value as Office.js would report it (dates as serial numbers, rich text flattened). */
export function plainValue(value: ExcelJS.CellValue): { value: CellValue; formula?: string } {
  if (value === null || value === undefined) return { value: null };
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return { value };
  if (value instanceof Date) return { value: dateToSerialNumber(value) };
  if (typeof value === 'object') {
    if ('error' in value && value.error) return { value: { error: String(value.error) } };
    if ('richText' in value && Array.isArray(value.richText)) return { value: value.richText.map((r) => r.text).join('') };
    if ('formula' in value || 'sharedFormula' in value) {
      const v = value as { formula?: string; sharedFormula?: string; result?: ExcelJS.CellValue };
      const result = v.result === undefined ? { value: null } : plainValue(v.result as ExcelJS.CellValue);
      const text = v.formula ?? v.sharedFormula ?? '';
      return { value: result.value, formula: text ? `=${text}` : undefined };
    }
    if ('text' in value) return { value: String((value as { text: unknown }).text) };
  }
  return { value: String(value) };
}

export function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const grid = emptyGrid(ws.name);
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // ExcelJS reports the master's value in every cell of a merged area; Excel keeps it in the top-left only.
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const { value, formula } = plainValue(cell.value);
      const numberFormat = cell.numFmt || undefined;
      if (value === null && !formula && !cell.note) return;
      const out: Cell = { value };
      if (formula) out.formula = formula;
      if (numberFormat && numberFormat !== 'General') out.numberFormat = numberFormat;
      const note = noteText(cell.note);
      if (note) out.note = note;
      setCell(grid, { row: rowNumber - 1, col: colNumber - 1 }, out);
    });
  });
  // ExcelJS keeps merges in `_merges` (master address -> range); `ws.model` would rebuild the whole sheet's model just to list them.
  const internal = (ws as unknown as { _merges?: Record<string, { range?: string; tl?: string; br?: string }> })._merges;
  const merges: string[] = internal
    ? Object.values(internal).map((m) => m.range ?? `${m.tl}:${m.br}`)
    : ((ws.model as unknown as { merges?: string[] }).merges ?? []);
  grid.merges = merges.map(parseRange);
  return grid;
}

function noteText(note: ExcelJS.Cell['note']): string | undefined {
  if (!note) return undefined;
  if (typeof note === 'string') return note;
  const texts = (note as ExcelJS.Comment).texts;
  return texts ? texts.map((t) => t.text).join('') : undefined;
}
