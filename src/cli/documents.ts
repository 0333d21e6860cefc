/**
 * A file to check, whatever it is: a workbook (.xlsx; every visible sheet is searched for forms, a cover
 * sheet is passed over) or a Word document (.docx; every table is searched). A .docx is also turned into a
 * workbook, one sheet per table, so fill and annotate can write their copy as .xlsx.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import path from 'path';
import type { CellRef } from '../grid/address';
import { toA1 } from '../grid/address';
import type { Grid } from '../grid/types';
import { docxAddress, readDocxTables } from '../docx/tables';
import { writeGridCells } from '../xlsx/from-grid';
import { worksheetToGrid } from '../xlsx/to-grid';
import { isOwnSheet, readWorkbook, WorkbookReadError } from '../xlsx/workbook';
import { classifyFileError } from '../i18n/file-errors';

export interface FormDocument {
  kind: 'xlsx' | 'docx';
  workbook: ExcelJS.Workbook;
  /** The sheets (or tables) to search, as grids, in order. */
  grids: Grid[];
  worksheet(name: string): ExcelJS.Worksheet;
  /** A cell as this kind of file names it: A1 on a sheet, 表1!R3C4 in a Word document. */
  address(sheet: string, ref: CellRef): string;
}

export function isDocx(file: string): boolean {
  return /\.docx$/i.test(file);
}

function pickGrids<T extends { sheetName: string }>(grids: T[], sheet: string | undefined, file: string): T[] {
  if (!sheet) return grids;
  const hit = grids.filter((g) => g.sheetName === sheet);
  if (hit.length === 0) {
    const sheets = grids.map((g) => `“${g.sheetName}”`).join(', ');
    throw new WorkbookReadError({ code: 'sheet-missing', operation: 'read', file, data: { sheet, sheets } });
  }
  return hit;
}

async function openDocx(file: string, sheet: string | undefined): Promise<FormDocument> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    throw new WorkbookReadError(classifyFileError(e, file, 'read'));
  }
  const tables = await readDocxTables(bytes).catch((e: Error) => {
    throw new WorkbookReadError(classifyFileError(e, file, 'read', bytes.subarray(0, 8)));
  });
  if (tables.length === 0) throw new WorkbookReadError({ code: 'no-tables', operation: 'read', file });
  const workbook = new ExcelJS.Workbook();
  for (const grid of tables) {
    const ws = workbook.addWorksheet(grid.sheetName);
    writeGridCells(ws, grid);
    for (const m of grid.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  return {
    kind: 'docx',
    workbook,
    grids: pickGrids(tables, sheet, file),
    worksheet: (name) => workbook.getWorksheet(name)!,
    address: (s, ref) => docxAddress(s, ref),
  };
}

async function openXlsx(file: string, sheet: string | undefined): Promise<FormDocument> {
  const workbook = await readWorkbook(file);
  const sheets = sheet ? workbook.worksheets : workbook.worksheets.filter((w) => w.state === 'visible' && !isOwnSheet(w.name));
  const chosen = pickGrids(sheets.map((ws) => ({ sheetName: ws.name, ws })), sheet, file);
  if (chosen.length === 0) throw new WorkbookReadError({ code: 'no-sheets', operation: 'read', file });
  return {
    kind: 'xlsx',
    workbook,
    grids: chosen.map((c) => worksheetToGrid(c.ws)),
    worksheet: (name) => workbook.getWorksheet(name)!,
    address: (_s, ref) => toA1(ref),
  };
}

export async function openDocument(file: string, sheet?: string): Promise<FormDocument> {
  return isDocx(file) ? openDocx(file, sheet) : openXlsx(file, sheet);
}

/** Where fill and annotate write a document's copy: a Word document's copy is a workbook. */
export function checkOutputKind(input: string, out: string): string | null {
  if (isDocx(input) && !/\.xlsx$/i.test(out)) return `--out ${path.basename(out)}: a .docx is written as a workbook; give an .xlsx name`;
  return null;
}
