/** Reading and writing .xlsx files with ExcelJS; errors become one-line reasons for the command line. */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';

export class WorkbookReadError extends Error {}

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new WorkbookReadError(code === 'ENOENT' ? `文件不存在 (file not found): ${file}` : `无法读取文件 (cannot read): ${file}: ${code ?? e}`);
  }
  if (data.length >= 8 && data.readUInt32BE(0) === 0xd0cf11e0) {
    throw new WorkbookReadError(`文件已加密或为旧版 .xls 格式，无法读取 (encrypted or legacy .xls workbook): ${file}`);
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw new WorkbookReadError(`不是有效的 .xlsx 文件 (not a valid .xlsx file): ${file}: ${(e as Error).message.split('\n')[0].split(' : ')[0]}`);
  }
  return wb;
}

/** The worksheet to check: the named one, else the first visible sheet that is not one of ours. */
export function pickWorksheet(wb: ExcelJS.Workbook, name?: string): ExcelJS.Worksheet {
  if (name) {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new WorkbookReadError(`找不到工作表 (no sheet named) "${name}"; sheets: ${wb.worksheets.map((w) => w.name).join(', ')}`);
    return ws;
  }
  const ws = wb.worksheets.find((w) => w.state === 'visible' && !isOwnSheet(w.name)) ?? wb.worksheets[0];
  if (!ws) throw new WorkbookReadError('工作簿中没有工作表 (the workbook has no sheets)');
  return ws;
}

export const RESULT_SHEET = '检查结果';
export function isOwnSheet(name: string): boolean {
  return name === RESULT_SHEET || name.startsWith('jixiao');
}
