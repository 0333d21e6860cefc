/** readSheet: one sync, exact cells, merges where the host has them. */
import { readSheet } from '../../src/excel';
import { emptyGrid, setCell } from '../../src/grid/grid';
import { strict, tableGrid } from './helpers';

function merged() {
  const g = tableGrid(12);
  g.merges = [
    { top: 0, left: 6, bottom: 0, right: 8 },
    { top: 3, left: 6, bottom: 5, right: 6 },
  ];
  setCell(g, { row: 0, col: 6 }, { value: '合并' });
  return g;
}

describe('readSheet', () => {
  it('returns the sheet as a grid in one sync: values, formulas, formats, errors', async () => {
    const { xl, host } = strict({ apiVersion: '1.13' });
    const source = merged();
    xl.loadGrid(source);
    const grid = await readSheet(host);
    expect(xl.syncCount).toBe(1);
    expect(grid.sheetName).toBe('申报表');
    expect(grid.cells).toEqual(source.cells);
  });

  it('reads errors as { error } and text codes as text', async () => {
    const { xl, host } = strict();
    xl.loadGrid(tableGrid(100));
    const grid = await readSheet(host);
    expect(grid.cells.get('97,4')).toEqual({ value: { error: '#DIV/0!' }, formula: '=B98/0' });
    expect(grid.cells.get('7,5')).toEqual({ value: '007' });
  });

  it('reads merged areas on ExcelApi 1.13, not before', async () => {
    const modern = strict({ apiVersion: '1.13' });
    modern.xl.loadGrid(merged());
    expect((await readSheet(modern.host)).merges).toEqual(merged().merges);
    const older = strict({ apiVersion: '1.12' });
    older.xl.loadGrid(merged());
    expect((await readSheet(older.host)).merges).toEqual([]);
    expect(older.xl.syncCount).toBe(1);
  });

  it('falls back to no merges when Excel refuses to list more than 512', async () => {
    const { xl, host } = strict();
    const g = tableGrid(600);
    g.merges = Array.from({ length: 513 }, (_, i) => ({ top: i + 1, left: 1, bottom: i + 1, right: 2 }));
    xl.loadGrid(g);
    const grid = await readSheet(host);
    expect(grid.merges).toEqual([]);
    expect(grid.cells.size).toBe(g.cells.size);
    expect(xl.syncCount).toBe(2);
  });

  it('reads a sheet that does not start at A1 at its true position', async () => {
    const { xl, host } = strict({ apiVersion: '1.1' });
    const g = emptyGrid('Far');
    setCell(g, { row: 9, col: 3 }, { value: 1 });
    setCell(g, { row: 12, col: 5 }, { value: 'x', numberFormat: '@' });
    xl.loadGrid(g);
    const grid = await readSheet(host);
    expect(grid.cells).toEqual(g.cells);
    expect([grid.rowCount, grid.colCount]).toEqual([13, 6]);
  });

  it('reads a named sheet, a blank sheet, and reports a missing one', async () => {
    const { xl, host } = strict();
    xl.loadGrid(tableGrid(5));
    xl.addSheet('空');
    expect((await readSheet(host, { sheet: '空' })).cells.size).toBe(0);
    await expect(readSheet(host, { sheet: 'missing' })).rejects.toMatchObject({ code: 'sheet-missing' });
  });
});

describe('readSheet with notes', () => {
  it('reads notes onto the grid cells (a second sync only when the sheet has notes)', async () => {
    const { xl, host } = strict({ apiVersion: '1.18' });
    xl.loadGrid(tableGrid(10), { notes: { B2: 'on a value', H9: 'alone' } });
    const grid = await readSheet(host, { notes: true });
    expect(grid.cells.get('1,1')).toEqual({ value: 10, numberFormat: '#,##0.00', note: 'on a value' });
    expect(grid.cells.get('8,7')).toEqual({ value: null, note: 'alone' });
    expect(xl.syncCount).toBe(2);

    const bare = strict({ apiVersion: '1.18' });
    bare.xl.loadGrid(tableGrid(10));
    await readSheet(bare.host, { notes: true });
    expect(bare.xl.syncCount).toBe(1);
  });
});
