/** Plain grid cells -> ExcelJS cells (values, formulas, number formats), and patches onto a worksheet. */
import type ExcelJS from 'exceljs';
import { parseA1 } from '../grid/address';
import { isCellError, type Cell, type CellValue, type Grid } from '../grid/types';
import type { Patch } from '../patch';

function excelValue(value: CellValue): ExcelJS.CellValue {
  if (isCellError(value)) return { error: value.error } as ExcelJS.CellErrorValue;
  return value;
}

export function writeCell(target: ExcelJS.Cell, cell: Cell): void {
  if (cell.formula) {
    target.value = { formula: cell.formula.replace(/^=/, ''), result: cell.value === null ? undefined : (excelValue(cell.value) as number) } as ExcelJS.CellFormulaValue;
  } else {
    target.value = excelValue(cell.value);
  }
  if (cell.numberFormat) target.numFmt = cell.numberFormat;
}

export function writeGridCells(ws: ExcelJS.Worksheet, grid: Grid): void {
  for (const [key, cell] of grid.cells) {
    const [row, col] = key.split(',').map(Number);
    writeCell(ws.getCell(row + 1, col + 1), cell);
  }
}

/** Applies a patch's writes to a worksheet; notes on writes become cell notes. */
export function applyPatchToWorksheet(ws: ExcelJS.Worksheet, patch: Patch): void {
  for (const w of patch.writes) {
    const ref = parseA1(w.address);
    const cell = ws.getCell(ref.row + 1, ref.col + 1);
    if (w.formula !== undefined) cell.value = { formula: w.formula.replace(/^=/, '') } as ExcelJS.CellFormulaValue;
    else cell.value = excelValue(w.value ?? null);
    if (w.numberFormat) cell.numFmt = w.numberFormat;
    if (w.note) cell.note = w.note;
    else if (w.note === '') cell.note = undefined as unknown as string;
  }
}
