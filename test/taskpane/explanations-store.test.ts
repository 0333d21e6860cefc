/** src/excel/explanations.ts: the 审核说明 sheet through an ExcelHost, one sync each, ExcelApi 1.1 calls only. */
import ExcelJS from 'exceljs';
import { StrictExcel } from '../support/strict-excel';
import type { ExcelHost } from '../../src/excel';
import { EXPLANATION_SHEET, explanationRows, readExplanations, writeExplanations } from '../../src/excel/explanations';
import { EXPLANATION_SHEET as XLSX_SHEET, readExplanations as readFromXlsx, writeExplanations as writeToXlsx } from '../../src/xlsx/explanation-store';
import { worksheetToGrid } from '../../src/xlsx/to-grid';
import type { Explanation } from '../../src/review/explanations';

const A: Explanation = { key: 'indicator-unit|acrossYears|annual:a/b/c:value', rule: 'indicator-unit', cells: 'E101,F101', text: '口径调整，已说明', at: '2025-01-02T03:04:05.000Z' };
const B: Explanation = { key: 'funding-change|up|funding:expense:total:current', rule: 'funding-change', cells: 'D13', text: '=SUM(1,2) 新增项目', at: '2025-01-03T00:00:00.000Z' };
const TRICKY: Explanation = { key: '12.5', rule: 'x', cells: 'A1', text: "'引号开头 <b>bold</b> 100%", at: '2025-01-04' };

function host(api: string) {
  const xl = new StrictExcel({ apiVersion: api });
  xl.loadGrid({ sheetName: '申报表', cells: new Map([['0,0', { value: 'form' }]]), merges: [], rowCount: 1, colCount: 1 });
  return { xl, host: xl.host as unknown as ExcelHost };
}

describe.each(['1.1', '1.20'])('ExcelApi %s', (api) => {
  it('reads nothing from a workbook without the sheet, in one sync', async () => {
    const { xl, host: h } = host(api);
    const r = await readExplanations(h);
    expect(r).toEqual({ explanations: [], store: { exists: false, rows: 0 }, syncs: 1 });
    expect(xl.wb.sheets).toHaveLength(1);
  });

  it('writes and reads back exactly, one sync each; text that looks like a formula or number stays text', async () => {
    const { xl, host: h } = host(api);
    const w = await writeExplanations(h, [A, B, TRICKY], { exists: false, rows: 0 });
    // ExcelApi 1.1 cannot hide a sheet: it stays visible and the result says so.
    expect(w).toEqual({ store: { exists: true, rows: 4 }, syncs: 1, createdVisible: api === '1.1' ? 'excel-1.1' : false });
    const sheet = xl.sheet(EXPLANATION_SHEET);
    expect(sheet.visibility).toBe(api === '1.1' ? 'Visible' : 'VeryHidden');
    expect(xl.wb.sheets.find((s) => s.name === '申报表')!.id).toBe(xl.wb.activeSheetId);
    const r = await readExplanations(h);
    expect(r.syncs).toBe(1);
    expect(r.explanations).toEqual([A, B, TRICKY]);
    expect(r.store).toEqual({ exists: true, rows: 4 });
    expect(xl.snapshot(EXPLANATION_SHEET).some((c) => c.formula)).toBe(false);
  });

  it('a shorter list blanks the rows of the longer one', async () => {
    const { xl, host: h } = host(api);
    const first = await writeExplanations(h, [A, B, TRICKY], { exists: false, rows: 0 });
    const second = await writeExplanations(h, [B], first.store);
    expect(second.store).toEqual({ exists: true, rows: 2 });
    expect((await readExplanations(h)).explanations).toEqual([B]);
    expect(xl.snapshot(EXPLANATION_SHEET).map((c) => c.address).sort()).toEqual(['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'D1', 'D2', 'E1', 'E2']);
  });

  it('a stale store fails before writing anything', async () => {
    const { xl, host: h } = host(api);
    await writeExplanations(h, [A], { exists: false, rows: 0 });
    const before = xl.toJSON();
    await expect(writeExplanations(h, [B], { exists: false, rows: 0 })).rejects.toMatchObject({ name: 'AdapterError' });
    expect(xl.toJSON()).toEqual(before);
  });
});

it('reads what the command line wrote (same layout), and the command line reads what the pane wrote', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('申报表').getCell('A1').value = 'form';
  writeToXlsx(wb, [A, B]);
  const xl = new StrictExcel({ apiVersion: '1.20' });
  for (const ws of wb.worksheets) xl.loadGrid(worksheetToGrid(ws), { activate: false });
  const h = xl.host as unknown as ExcelHost;
  expect((await readExplanations(h)).explanations).toEqual([A, B]);

  const read = await readExplanations(h);
  await writeExplanations(h, [TRICKY], read.store);
  const back = new ExcelJS.Workbook();
  const ws = back.addWorksheet(XLSX_SHEET);
  const rows = explanationRows([TRICKY]);
  // The values the pane sends are Excel input: a leading apostrophe marks text and is not part of the value.
  rows.forEach((r) => ws.addRow(r.map((v) => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v))));
  expect(readFromXlsx(back)).toEqual([TRICKY]);
  const stored = xl.exportSheet(EXPLANATION_SHEET).grid;
  expect(stored.cells.get('1,3')?.value).toBe(TRICKY.text);
});
