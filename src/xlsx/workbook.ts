/**
 * Reading workbook files for the command line: the file is checked (a regular file of a format we read), its
 * package opened within the zip limits, and the sheet to work on read straight into a grid. Every failure is a
 * WorkbookReadError with a one-line zh-CN (en-US) reason.
 */
import { promises as fs } from 'fs';
import path from 'path';
import type { Grid } from '../grid/types';
import { openPackage, PackageError, type SheetInfo, type SpreadsheetPackage } from '../ooxml/package';
import { sheetToGrid } from '../ooxml/sheet-grid';
import { DEFAULT_ZIP_LIMITS, ZipError } from '../ooxml/zip';

export class WorkbookReadError extends Error {}

const CONVERT: Record<string, string> = {
  '.xls': '旧版 .xls 工作簿不能直接读取：请在 Excel 或 WPS 中“另存为” .xlsx，或运行 soffice --headless --convert-to xlsx 文件名.xls (legacy .xls: save it as .xlsx in Excel or WPS, or run soffice --headless --convert-to xlsx FILE.xls)',
  '.ods': '.ods 工作簿不能直接读取：请在 LibreOffice 或 WPS 中“另存为” .xlsx，或运行 soffice --headless --convert-to xlsx 文件名.ods (.ods: save it as .xlsx in LibreOffice or WPS, or run soffice --headless --convert-to xlsx FILE.ods)',
  '.csv': '.csv 文件没有申报表的合并单元格和格式：请在 Excel 或 WPS 中打开后“另存为” .xlsx (.csv holds no merged cells or formats: open it in Excel or WPS and save it as .xlsx)',
};

/** Stats a path the way a read will see it, refusing what is not a regular file before anything opens it. */
async function regularFileSize(file: string): Promise<number> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new WorkbookReadError(`文件不存在 (file not found): ${file}`);
    if (code === 'EACCES' || code === 'EPERM') throw new WorkbookReadError(`没有读取权限 (permission denied): ${file}`);
    throw new WorkbookReadError(`无法读取文件 (cannot read): ${file}: ${code ?? (e as Error).message}`);
  }
  if (stat.isDirectory()) throw new WorkbookReadError(`这是一个文件夹，不是工作簿文件 (a folder, not a workbook file): ${file}`);
  // A FIFO, socket or device would block or never end; only regular files are workbooks.
  if (!stat.isFile()) throw new WorkbookReadError(`不是普通文件（可能是管道或设备），已拒绝读取 (not a regular file, e.g. a pipe or device: refused): ${file}`);
  return stat.size;
}

export interface OpenedWorkbook {
  file: string;
  bytes: Uint8Array;
  pkg: SpreadsheetPackage;
}

/** Legacy binary (OLE) files: a workbook or document with a password to open, or an old .xls/.doc. */
const OLE_MESSAGE = {
  xlsx: '文件已加密（设置了打开密码）或为旧版 .xls 格式：请在 Excel 中取消密码或另存为 .xlsx 后再试 (encrypted with a password to open, or a legacy .xls workbook: remove the password or save it as .xlsx)',
  docx: '文件已加密（设置了打开密码）或为旧版 .doc 格式：请在 Word 中取消密码或另存为 .docx 后再试 (encrypted with a password to open, or a legacy .doc document: remove the password or save it as .docx)',
};

/**
 * The bytes of an input file (.xlsx or .docx), read only when it is a regular file no larger than the zip
 * limits allow, and refused at once when empty or an OLE file (password-protected or legacy binary).
 */
export async function readInputBytes(file: string, kind: 'xlsx' | 'docx'): Promise<Uint8Array> {
  const size = await regularFileSize(file);
  if (size > DEFAULT_ZIP_LIMITS.maxPartBytes) throw new WorkbookReadError(`文件过大（超过 ${DEFAULT_ZIP_LIMITS.maxPartBytes / 2 ** 20} MB），已拒绝读取 (the file is larger than ${DEFAULT_ZIP_LIMITS.maxPartBytes / 2 ** 20} MB: refused): ${file}`);
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new WorkbookReadError(`无法读取文件 (cannot read): ${file}: ${code ?? (e as Error).message}`);
  }
  if (bytes.length === 0) throw new WorkbookReadError(`文件为空（0 字节） (the file is empty): ${file}`);
  if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new WorkbookReadError(`${OLE_MESSAGE[kind]}: ${file}`);
  }
  return bytes;
}

export async function readWorkbook(file: string): Promise<OpenedWorkbook> {
  const ext = path.extname(file).toLowerCase();
  if (CONVERT[ext]) {
    await regularFileSize(file);
    throw new WorkbookReadError(`${CONVERT[ext]}: ${file}`);
  }
  const bytes = await readInputBytes(file, 'xlsx');
  try {
    return { file, bytes, pkg: openPackage(bytes) };
  } catch (e) {
    if (e instanceof ZipError || e instanceof PackageError) throw new WorkbookReadError(`${e.message}: ${file}`);
    throw new WorkbookReadError(`不是有效的 .xlsx 文件 (not a valid .xlsx file): ${file}: ${String((e as Error).message ?? e).split('\n')[0]}`);
  }
}

/** The worksheet to check: the named one, else the first visible sheet that is not one of ours. */
export function pickSheet(pkg: SpreadsheetPackage, name?: string): SheetInfo {
  const worksheets = pkg.sheets.filter((s) => s.part);
  if (name) {
    const s = worksheets.find((w) => w.name === name);
    if (!s) throw new WorkbookReadError(`找不到工作表 (no sheet named) "${name}"; sheets: ${worksheets.map((w) => w.name).join(', ')}`);
    return s;
  }
  const s = worksheets.find((w) => w.state === 'visible' && !isOwnSheet(w.name)) ?? worksheets[0];
  if (!s) throw new WorkbookReadError('工作簿中没有工作表 (the workbook has no sheets)');
  return s;
}

/** A sheet's grid; reading errors (a part too large, damaged XML) become one-line reasons. */
export function readSheetGrid(opened: OpenedWorkbook, sheet: SheetInfo): Grid {
  try {
    return sheetToGrid(opened.pkg, sheet.part!, sheet.name);
  } catch (e) {
    if (e instanceof ZipError || e instanceof PackageError) throw new WorkbookReadError(`${e.message}: ${opened.file}`);
    throw new WorkbookReadError(`工作表 ${sheet.name} 无法读取 (sheet ${sheet.name} cannot be read): ${opened.file}: ${String((e as Error).message ?? e).split('\n')[0]}`);
  }
}

export const RESULT_SHEET = '检查结果';
export function isOwnSheet(name: string): boolean {
  return name === RESULT_SHEET || name.startsWith('jixiao');
}
