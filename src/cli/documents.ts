/**
 * A file to check, whatever it is: a workbook (.xlsx; every visible sheet is searched for forms, a cover
 * sheet is passed over) or a Word document (.docx; every table is searched). A .docx is also turned into a
 * workbook, one sheet per table, so fill and annotate can write their copy as .xlsx.
 */
import ExcelJS from 'exceljs';
import path from 'path';
import type { CellRef } from '../grid/address';
import { toA1 } from '../grid/address';
import type { Grid } from '../grid/types';
import { boundedParts } from '../docx/parts';
import { docxAddress, readDocxTables } from '../docx/tables';
import { problemFor } from '../i18n/file-errors';
import { ZLIB_INFLATER } from '../ooxml/zip';
import { writeGridCells } from '../xlsx/from-grid';
import type { SheetInfo } from '../ooxml/package';
import type { Explanation } from '../review/explanations';
import { EXPLANATION_SHEET, explanationsFromGrid } from '../xlsx/explanation-store';
import { isOwnSheet, packageProblem, readInputBytes, readSheetGrid, readWorkbook, WorkbookReadError, type OpenedWorkbook } from '../xlsx/workbook';

export interface FormDocument {
  kind: 'xlsx' | 'docx';
  /** A .docx's tables as a new workbook (what fill and annotate write for a Word document). */
  workbook: ExcelJS.Workbook | null;
  /** A workbook's own package, read directly; copies are patched into it. */
  package: OpenedWorkbook | null;
  /** The sheets (or tables) to search, as grids, in order. */
  grids: Grid[];
  /** The ExcelJS sheet of a .docx table. */
  worksheet(name: string): ExcelJS.Worksheet;
  /** The package's sheet of that name (workbooks). */
  sheet(name: string): SheetInfo;
  /** 审核说明 stored in the workbook. */
  explanations(): Explanation[];
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
  // The same checks and zip limits as a workbook: a FIFO, an empty or encrypted file, a zip bomb.
  const bytes = await readInputBytes(file, 'docx');
  const tables = await readDocxTables(bytes, boundedParts(ZLIB_INFLATER)).catch((e: Error) => {
    // The reader's error carries the zip layer's (a bomb, a broken part) as its cause, which classifying follows.
    throw new WorkbookReadError(problemFor('docx', packageProblem(e, file, bytes.subarray(0, 8))), { cause: e });
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
    package: null,
    grids: pickGrids(tables, sheet, file),
    worksheet: (name) => workbook.getWorksheet(name)!,
    sheet: () => {
      throw new Error('a Word document has no workbook sheets');
    },
    explanations: () => [],
    address: (s, ref) => docxAddress(s, ref),
  };
}

async function openXlsx(file: string, sheet: string | undefined): Promise<FormDocument> {
  const opened = await readWorkbook(file);
  const worksheets = opened.pkg.sheets.filter((s) => s.part);
  const sheets = sheet ? worksheets : worksheets.filter((w) => w.state === 'visible' && !isOwnSheet(w.name));
  const chosen = pickGrids(sheets.map((info) => ({ sheetName: info.name, info })), sheet, file);
  if (chosen.length === 0) throw new WorkbookReadError({ code: 'no-sheets', operation: 'read', file });
  return {
    kind: 'xlsx',
    workbook: null,
    package: opened,
    grids: chosen.map((c) => readSheetGrid(opened, c.info)),
    worksheet: () => {
      throw new Error('workbooks are patched, not rebuilt');
    },
    sheet: (name) => worksheets.find((w) => w.name === name)!,
    explanations: () => {
      const stored = opened.pkg.sheet(EXPLANATION_SHEET);
      return stored?.part ? explanationsFromGrid(readSheetGrid(opened, stored)) : [];
    },
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
