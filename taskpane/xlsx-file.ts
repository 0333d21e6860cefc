/**
 * Reading an .xlsx file the user picked, in the browser. ExcelJS is loaded by dynamic import() at that
 * moment only, so it never lands in the pane's initial bundle (webpack puts it into its own chunk, and the
 * build fails if it ever becomes an initial one).
 */
import type ExcelJS from 'exceljs';
import type { Grid } from '../src/grid/types';
import { worksheetToGrid } from '../src/xlsx/to-grid';

export type FileProblem = 'not-xlsx' | 'unreadable' | 'empty';

export class XlsxFileError extends Error {
  constructor(
    readonly problem: FileProblem,
    readonly detail = '',
  ) {
    super(detail || problem);
    this.name = 'XlsxFileError';
  }
}

export interface XlsxSheet {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  grid: Grid;
  /** Solid fills by A1 address, as '#RRGGBB'. */
  fills: Record<string, string>;
}

type ExcelJSModule = typeof ExcelJS;

async function loadExcelJS(): Promise<ExcelJSModule> {
  const mod = (await import(/* webpackChunkName: "exceljs" */ 'exceljs')) as unknown as ExcelJSModule & { default?: ExcelJSModule };
  return mod.default && typeof mod.default.Workbook === 'function' ? mod.default : mod;
}

function isLegacyOrEncrypted(bytes: Uint8Array): boolean {
  // An OLE compound file: legacy .xls, or an .xlsx encrypted with a password.
  return bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
}

export async function openWorkbook(data: ArrayBuffer): Promise<ExcelJS.Workbook> {
  const bytes = new Uint8Array(data);
  if (bytes.length === 0) throw new XlsxFileError('empty');
  if (isLegacyOrEncrypted(bytes) || !isZip(bytes)) throw new XlsxFileError('not-xlsx');
  const ExcelJSLib = await loadExcelJS();
  const wb = new ExcelJSLib.Workbook();
  try {
    await wb.xlsx.load(data);
  } catch (e) {
    const first = (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200);
    throw new XlsxFileError('unreadable', first);
  }
  return wb;
}

/** Sheets the add-in or the command line keep for themselves (records, explanations, check results). */
export function isHelperSheet(name: string): boolean {
  return name.startsWith('jixiao') || name === '检查结果';
}

/** The sheet a form is expected on: the first visible one that is not a helper sheet. */
export function formSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  return wb.worksheets.find((w) => w.state === 'visible' && !isHelperSheet(w.name)) ?? wb.worksheets[0];
}

function fillsOf(ws: ExcelJS.Worksheet): Record<string, string> {
  const out: Record<string, string> = {};
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      const fill = cell.fill as ExcelJS.FillPattern | undefined;
      const argb = fill?.type === 'pattern' && fill.pattern === 'solid' ? fill.fgColor?.argb : undefined;
      if (argb && /^[0-9A-Fa-f]{8}$/.test(argb)) out[cell.address] = `#${argb.slice(2).toUpperCase()}`;
    });
  });
  return out;
}

/** The grid of the form's sheet of an .xlsx file (for 导入上年申报表). */
export async function readFormGrid(data: ArrayBuffer): Promise<Grid> {
  const wb = await openWorkbook(data);
  const ws = formSheet(wb);
  if (!ws) throw new XlsxFileError('empty');
  return worksheetToGrid(ws);
}

/** Every sheet of an .xlsx file, with its visibility and fills (for the workbench). */
export async function readAllSheets(data: ArrayBuffer): Promise<{ sheets: XlsxSheet[]; active: string }> {
  const wb = await openWorkbook(data);
  const sheets = wb.worksheets.map((ws) => ({
    name: ws.name,
    state: (ws.state === 'hidden' || ws.state === 'veryHidden' ? ws.state : 'visible') as XlsxSheet['state'],
    grid: worksheetToGrid(ws),
    fills: fillsOf(ws),
  }));
  const form = formSheet(wb);
  if (!form) throw new XlsxFileError('empty');
  return { sheets, active: form.name };
}
