/** 审核说明 inside the workbook: a very hidden sheet both the add-in and the command line read and write. */
import type ExcelJS from 'exceljs';
import type { Grid } from '../grid/types';
import type { Explanation } from '../review/explanations';

export const EXPLANATION_SHEET = 'jixiao_explanations';
const HEADER = ['key', 'rule', 'cells', 'text', 'at'];

export function readExplanations(wb: ExcelJS.Workbook): Explanation[] {
  const ws = wb.getWorksheet(EXPLANATION_SHEET);
  if (!ws) return [];
  const out: Explanation[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const v = (i: number) => String(row.getCell(i).value ?? '');
    if (v(1) && v(4)) out.push({ key: v(1), rule: v(2), cells: v(3), text: v(4), at: v(5) });
  });
  return out;
}

export function writeExplanations(wb: ExcelJS.Workbook, explanations: readonly Explanation[]): void {
  const old = wb.getWorksheet(EXPLANATION_SHEET);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(EXPLANATION_SHEET, { state: 'veryHidden' });
  ws.addRow(HEADER);
  for (const e of explanations) ws.addRow([e.key, e.rule, e.cells, e.text, e.at]);
}

/** The same rows read from a grid of the explanations sheet (the command line reads sheets as grids). */
export function explanationsFromGrid(grid: Grid): Explanation[] {
  const out: Explanation[] = [];
  for (let row = 1; row < grid.rowCount; row++) {
    const v = (col: number) => String(grid.cells.get(`${row},${col}`)?.value ?? '');
    if (v(0) && v(3)) out.push({ key: v(0), rule: v(1), cells: v(2), text: v(3), at: v(4) });
  }
  return out;
}
