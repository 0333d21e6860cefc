/** Reading and writing .xlsx files with ExcelJS; a failure is a WorkbookReadError naming the problem. */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import { classifyFileError, fileProblemText, isOle, isZip, type FileProblem } from '../i18n/file-errors';

/**
 * A file that could not be read. It carries the problem (see i18n/file-errors) so that each shell says it in
 * the user's language; its message is the English sentence, for logs.
 */
export class WorkbookReadError extends Error {
  readonly problem?: FileProblem;
  constructor(problem: FileProblem | string) {
    super(typeof problem === 'string' ? problem : fileProblemText(problem, 'en-US'));
    this.name = 'WorkbookReadError';
    if (typeof problem !== 'string') this.problem = problem;
  }
}

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch (e) {
    throw new WorkbookReadError(classifyFileError(e, file, 'read'));
  }
  // Empty files, encrypted or .xls files (OLE) and files that are not zips are named before ExcelJS sees them.
  if (data.length === 0 || isOle(data) || !isZip(data)) throw new WorkbookReadError(classifyFileError(null, file, 'read', data.subarray(0, 8)));
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw new WorkbookReadError(classifyFileError(e, file, 'read', data.subarray(0, 8)));
  }
  return wb;
}

/** The worksheet to check: the named one, else the first visible sheet that is not one of ours. */
export function pickWorksheet(wb: ExcelJS.Workbook, name?: string, file?: string): ExcelJS.Worksheet {
  if (name) {
    const ws = wb.getWorksheet(name);
    if (!ws) {
      const sheets = wb.worksheets.map((w) => `“${w.name}”`).join(', ');
      throw new WorkbookReadError({ code: 'sheet-missing', operation: 'read', file: file ?? '', data: { sheet: name, sheets } });
    }
    return ws;
  }
  const ws = wb.worksheets.find((w) => w.state === 'visible' && !isOwnSheet(w.name)) ?? wb.worksheets[0];
  if (!ws) throw new WorkbookReadError({ code: 'no-sheets', operation: 'read', file: file ?? '' });
  return ws;
}

export const RESULT_SHEET = '检查结果';
/** The results sheet of an English annotate: the workbook then speaks one language. */
export const RESULT_SHEET_EN = 'Check results';
export function isOwnSheet(name: string): boolean {
  return name === RESULT_SHEET || name === RESULT_SHEET_EN || name.startsWith('jixiao');
}
