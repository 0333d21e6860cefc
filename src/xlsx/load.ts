/** Opens a workbook file and the sheet to work on, as an ExcelJS sheet and as a plain grid. */
import type ExcelJS from 'exceljs';
import type { Grid } from '../grid/types';
import { worksheetToGrid } from './to-grid';
import { pickWorksheet, readWorkbook } from './workbook';

export interface LoadedSheet {
  workbook: ExcelJS.Workbook;
  worksheet: ExcelJS.Worksheet;
  grid: Grid;
}

export async function loadSheet(file: string, sheet?: string): Promise<LoadedSheet> {
  const workbook = await readWorkbook(file);
  const worksheet = pickWorksheet(workbook, sheet, file);
  return { workbook, worksheet, grid: worksheetToGrid(worksheet) };
}
