/** Opens a workbook file and the sheet to work on: the package (for surgical writes) and a plain grid. */
import type { Grid } from '../grid/types';
import type { SheetInfo } from '../ooxml/package';
import { pickSheet, readSheetGrid, readWorkbook, type OpenedWorkbook } from './workbook';

export interface LoadedSheet {
  workbook: OpenedWorkbook;
  sheet: SheetInfo;
  grid: Grid;
}

export async function loadSheet(file: string, sheet?: string): Promise<LoadedSheet> {
  const workbook = await readWorkbook(file);
  const info = pickSheet(workbook.pkg, sheet, file);
  return { workbook, sheet: info, grid: readSheetGrid(workbook, info) };
}
