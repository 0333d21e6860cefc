/** insertTemplate: a new sheet from a TemplateDoc, with the extras each requirement set allows. */
import { insertTemplate, readSheet, TEMPLATE_SHEET_NAME } from '../../src/excel';
import { charsToPoints, freeSheetName } from '../../src/excel/template';
import type { TemplateDoc } from '../../src/form/template-doc';
import { emptyGrid, setCell } from '../../src/grid/grid';
import { strict } from './helpers';

function smallDoc(): TemplateDoc {
  const grid = emptyGrid('template');
  setCell(grid, { row: 0, col: 0 }, { value: '部门整体绩效目标申报表' });
  setCell(grid, { row: 1, col: 0 }, { value: '填报日期' });
  setCell(grid, { row: 2, col: 1 }, { value: 100, numberFormat: '#,##0.00' });
  setCell(grid, { row: 2, col: 2 }, { value: 0.5, numberFormat: '0.00%' });
  setCell(grid, { row: 3, col: 1 }, { value: null, formula: '=SUM(B3:B3)', numberFormat: '#,##0.00' });
  setCell(grid, { row: 3, col: 3 }, { value: '001' });
  grid.merges = [{ top: 0, left: 0, bottom: 0, right: 3 }];
  return {
    grid,
    styles: [
      { range: 'A1:D1', style: { bold: true, fontSize: 16, horizontal: 'center', vertical: 'middle' } },
      { range: 'A2:D4', style: { border: true, wrap: true } },
      { range: 'A2', style: { fill: '#F2F2F2' } },
    ],
    columnWidths: [12, 20, 10, 8],
    rowHeights: { 0: 30 },
    validations: [{ range: 'C3:C4', list: ['人员类', '运转类', '特定目标类'] }],
    names: [{ name: 'JX_Total', address: 'B4' }],
    page: { paperSize: 'A4', orientation: 'landscape', fitToWidth: 1, printArea: 'A1:D4', printTitleRows: '1:1' },
  };
}

const engine = { buildTemplate: () => smallDoc() };

describe('insertTemplate', () => {
  it('adds the sheet with content, merges, widths, validation, names and page setup in 2 syncs', async () => {
    const { xl, host } = strict({ apiVersion: '1.20' });
    const res = await insertTemplate(host, { engine });
    expect(res).toEqual({ sheetName: TEMPLATE_SHEET_NAME, syncs: 2 });
    const sheet = xl.sheet(TEMPLATE_SHEET_NAME);
    expect(xl.activeSheet).toBe(sheet);
    const cells = xl.exportSheet(TEMPLATE_SHEET_NAME).grid.cells;
    expect(cells.get('0,0')).toEqual({ value: '部门整体绩效目标申报表' });
    expect(cells.get('3,3')).toEqual({ value: '001' });
    expect(cells.get('3,1')).toEqual({ value: null, formula: '=SUM(B3:B3)', numberFormat: '#,##0.00' });
    expect(sheet.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
    expect(sheet.columnWidths[1]).toBe(charsToPoints(20));
    expect(sheet.rowHeights[0]).toBe(30);
    expect(sheet.validations).toEqual([
      { range: { top: 2, left: 2, bottom: 3, right: 2 }, list: ['人员类', '运转类', '特定目标类'], inCellDropDown: true },
    ]);
    expect(sheet.names).toEqual([{ name: 'JX_Total', reference: `=${TEMPLATE_SHEET_NAME}!B4`, comment: undefined }]);
    expect(sheet.pageLayout).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', printArea: 'A1:D4', printTitleRows: '1:1' });
    expect(sheet.cells.get('0,0')?.style).toMatchObject({ bold: true, fontSize: 16, horizontal: 'Center', vertical: 'Center' });
    expect(sheet.cells.get('1,0')?.fill).toEqual({ color: '#F2F2F2' });
    // A2 is the top-left corner of the bordered block: both edges, and the inside lines on its other sides.
    expect(sheet.cells.get('1,0')?.style?.borders).toEqual({ top: 'Continuous', bottom: 'Continuous', left: 'Continuous', right: 'Continuous' });
  });

  it('adds a suffix when the name is taken', async () => {
    const { xl, host } = strict();
    await insertTemplate(host, { engine });
    const second = await insertTemplate(host, { engine });
    expect(second.sheetName).toBe(`${TEMPLATE_SHEET_NAME} (2)`);
    expect(xl.wb.sheets.map((s) => s.name)).toEqual(['Sheet1', TEMPLATE_SHEET_NAME, `${TEMPLATE_SHEET_NAME} (2)`]);
    expect(freeSheetName(['a', TEMPLATE_SHEET_NAME, `${TEMPLATE_SHEET_NAME} (2)`])).toBe(`${TEMPLATE_SHEET_NAME} (3)`);
  });

  it('writes content and basic styles only on ExcelApi 1.1', async () => {
    const { xl, host } = strict({ apiVersion: '1.1' });
    const res = await insertTemplate(host, { engine });
    expect(res.syncs).toBe(2);
    const sheet = xl.sheet(TEMPLATE_SHEET_NAME);
    expect(xl.exportSheet(TEMPLATE_SHEET_NAME).grid.cells.get('2,2')).toEqual({ value: 0.5, numberFormat: '0.00%' });
    expect(sheet.merges).toEqual([]);
    expect(sheet.validations).toEqual([]);
    expect(sheet.names).toEqual([]);
    expect(sheet.cells.get('0,0')?.style?.bold).toBe(true);
  });

  it('reports a template that cannot be built', async () => {
    const { host } = strict();
    await expect(
      insertTemplate(host, {
        engine: {
          buildTemplate: () => {
            throw new Error('not yet');
          },
        },
      }),
    ).rejects.toMatchObject({ code: 'template-unavailable' });
  });

  it('round-trips: reading the inserted sheet gives back the template grid', async () => {
    const { host } = strict();
    await insertTemplate(host, { engine });
    const read = await readSheet(host);
    const doc = smallDoc();
    expect(read.cells).toEqual(doc.grid.cells);
    expect(read.merges).toEqual(doc.grid.merges);
  });
});
