/**
 * Reading workbook files for the command line: the file is checked (a regular file of a format we read), its
 * package opened within the zip limits, and the sheet to work on read straight into a grid. Every failure is a
 * WorkbookReadError carrying the problem, said in the user's language by i18n/file-errors.
 */
import { promises as fs } from 'fs';
import path from 'path';
import type { Grid } from '../grid/types';
import { openPackage, PackageError, type SheetInfo, type SpreadsheetPackage } from '../ooxml/package';
import { sheetToGrid } from '../ooxml/sheet-grid';
import { DEFAULT_ZIP_LIMITS } from '../ooxml/zip';
import { RESULT_SHEET, RESULT_SHEET_EN } from '../review/result-table';
import { classifyFileError, fileProblemText, isOle, isZip, problemFor, type FileProblem, type FileProblemCode } from '../i18n/file-errors';


/**
 * A file that could not be read. It carries the problem (see i18n/file-errors) so that each shell says it in
 * the user's language; its message is the English sentence, for logs.
 */
export class WorkbookReadError extends Error {
  readonly problem: FileProblem;
  constructor(problem: FileProblem, options?: { cause?: unknown }) {
    super(fileProblemText(problem, 'en-US'));
    this.name = 'WorkbookReadError';
    this.problem = problem;
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}

/** Formats we do not read, each with its own way to convert (see i18n/file-errors). */
const CONVERT: Record<string, FileProblemCode> = { '.xls': 'legacy-xls', '.ods': 'ods-file', '.csv': 'csv-file' };

const read = (code: FileProblemCode, file: string, data?: Record<string, string>): FileProblem => ({ code, operation: 'read', file, data });

/** Stats a path the way a read will see it, refusing what is not a regular file before anything opens it. */
async function regularFileSize(file: string): Promise<number> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (e) {
    throw new WorkbookReadError(classifyFileError(e, file, 'read'), { cause: e });
  }
  if (stat.isDirectory()) throw new WorkbookReadError(read('is-folder', file));
  // A FIFO, socket or device would block or never end; only regular files are workbooks.
  if (!stat.isFile()) throw new WorkbookReadError(read('not-regular', file));
  return stat.size;
}

export interface OpenedWorkbook {
  file: string;
  bytes: Uint8Array;
  pkg: SpreadsheetPackage;
}

/**
 * The bytes of an input file (.xlsx or .docx), read only when it is a regular file no larger than the zip
 * limits allow, and refused at once when empty, an OLE file (password-protected or legacy binary) or no zip.
 */
export async function readInputBytes(file: string, kind: 'xlsx' | 'docx'): Promise<Uint8Array> {
  const size = await regularFileSize(file);
  if (size > DEFAULT_ZIP_LIMITS.maxPartBytes) throw new WorkbookReadError(read('too-large', file, { detail: `> ${DEFAULT_ZIP_LIMITS.maxPartBytes / 2 ** 20} MB` }));
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    throw new WorkbookReadError(classifyFileError(e, file, 'read'), { cause: e });
  }
  // Empty files, encrypted or legacy binary files (OLE) and files that are not zips are named before anything unzips.
  const head = bytes.subarray(0, 8);
  if (bytes.length === 0 || isOle(head) || !isZip(head)) throw new WorkbookReadError(problemFor(kind, classifyFileError(null, file, 'read', head)));
  return bytes;
}

export async function readWorkbook(file: string): Promise<OpenedWorkbook> {
  const ext = path.extname(file).toLowerCase();
  if (CONVERT[ext]) {
    await regularFileSize(file);
    throw new WorkbookReadError(read(CONVERT[ext], file));
  }
  const bytes = await readInputBytes(file, 'xlsx');
  const head = bytes.subarray(0, 8);
  try {
    return { file, bytes, pkg: openPackage(bytes) };
  } catch (e) {
    throw new WorkbookReadError(packageProblem(e, file, head), { cause: e });
  }
}

/** A failure of the zip or package layer as a problem; the zip bounds are named in the sentence. */
export function packageProblem(e: unknown, file: string, head?: Uint8Array): FileProblem {
  if (e instanceof PackageError) return read(e.reason === 'other-office' ? 'other-office' : 'not-xlsx', file);
  return classifyFileError(e, file, 'read', head);
}

/** The worksheet to check: the named one, else the first visible sheet that is not one of ours. */
export function pickSheet(pkg: SpreadsheetPackage, name?: string, file = ''): SheetInfo {
  const worksheets = pkg.sheets.filter((s) => s.part);
  if (name) {
    const s = worksheets.find((w) => w.name === name);
    if (!s) throw new WorkbookReadError(read('sheet-missing', file, { sheet: name, sheets: worksheets.map((w) => `“${w.name}”`).join(', ') }));
    return s;
  }
  const s = worksheets.find((w) => w.state === 'visible' && !isOwnSheet(w.name)) ?? worksheets[0];
  if (!s) throw new WorkbookReadError(read('no-sheets', file));
  return s;
}

/** A sheet's grid; reading errors (a part too large, damaged XML) become problems. */
export function readSheetGrid(opened: OpenedWorkbook, sheet: SheetInfo): Grid {
  try {
    return sheetToGrid(opened.pkg, sheet.part!, sheet.name);
  } catch (e) {
    const problem = packageProblem(e, opened.file);
    // Any other failure here is XML we could not parse: the part is damaged.
    throw new WorkbookReadError(problem.code === 'unknown' ? read('damaged', opened.file) : problem, { cause: e });
  }
}

export { RESULT_SHEET, RESULT_SHEET_EN };
/** A sheet the add-in or the command line wrote (results, stored state), never a form to check. */
export function isOwnSheet(name: string): boolean {
  return name === RESULT_SHEET || name === RESULT_SHEET_EN || name.startsWith('jixiao');
}
