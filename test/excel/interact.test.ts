/** selectCells and watchAmounts. */
import { applyPatch, selectCells, watchAmounts } from '../../src/excel';
import { strict, tableGrid } from './helpers';

describe('selectCells', () => {
  it('selects several separate cells as one multi-area selection on ExcelApi 1.18', async () => {
    const { xl, host } = strict({ apiVersion: '1.18' });
    xl.loadGrid(tableGrid(10));
    const res = await selectCells(host, [{ row: 1, col: 1 }, { row: 1, col: 2 }, { row: 5, col: 4 }]);
    expect(res.syncs).toBe(1);
    expect(xl.wb.selection?.areas).toEqual([
      { top: 1, left: 1, bottom: 1, right: 2 },
      { top: 5, left: 4, bottom: 5, right: 4 },
    ]);
  });

  it('selects the first block before 1.18, and accepts A1 addresses and a sheet name', async () => {
    const { xl, host } = strict({ apiVersion: '1.1' });
    xl.loadGrid(tableGrid(10));
    xl.addSheet('Other');
    xl.activate('Other');
    await selectCells(host, ['C3', 'D3', 'F9'], { sheet: '申报表' });
    expect(xl.activeSheet.name).toBe('申报表');
    expect(xl.wb.selection?.areas).toEqual([{ top: 2, left: 2, bottom: 2, right: 3 }]);
  });
});

describe('watchAmounts', () => {
  it('reports unsupported below ExcelApi 1.7', async () => {
    const { host } = strict({ apiVersion: '1.6' });
    const w = await watchAmounts(host, () => undefined);
    expect(w.supported).toBe(false);
    if (!w.supported) expect(w.reason.code).toBe('unsupported');
  });

  it('calls back on user edits, ignores its own writes (1.14), and unsubscribes', async () => {
    const { xl, host } = strict({ apiVersion: '1.20' });
    xl.loadGrid(tableGrid(10));
    const seen: string[] = [];
    const w = await watchAmounts(host, (c) => {
      seen.push(c.address);
    });
    expect(w.supported).toBe(true);
    xl.userEdit('申报表', 'B3', 123);
    await xl.flushEvents();
    expect(seen).toEqual(['B3']);
    await applyPatch(host, { sheetName: '申报表', writes: [{ address: 'D3', value: 1, reason: 'total' }], skipped: [] });
    await xl.flushEvents();
    expect(seen).toEqual(['B3']);
    if (w.supported) await w.unsubscribe();
    expect(xl.handlerCount).toBe(0);
    xl.userEdit('申报表', 'B4', 5);
    await xl.flushEvents();
    expect(seen).toEqual(['B3']);
  });

  it('ignores a co-author\'s edits (source Remote), which their own add-in recalculates', async () => {
    const { xl, host } = strict({ apiVersion: '1.20' });
    xl.loadGrid(tableGrid(10));
    const seen: string[] = [];
    const w = await watchAmounts(host, (c) => void seen.push(c.address));
    xl.remoteEdit('申报表', 'B5', 999);
    await xl.flushEvents();
    expect(seen).toEqual([]);
    xl.userEdit('申报表', 'B6', 1);
    await xl.flushEvents();
    expect(seen).toEqual(['B6']);
    if (w.supported) await w.unsubscribe();
  });

  it.each(['1.20', '1.7'])('follows the sheet the user is on, not the one active when it was turned on (ExcelApi %s)', async (api) => {
    const { xl, host } = strict({ apiVersion: api });
    xl.loadGrid(tableGrid(10, '2024'));
    xl.loadGrid(tableGrid(10, '2025'), { activate: false });
    const seen: string[] = [];
    const w = await watchAmounts(host, (c) => void seen.push(`${xl.sheet(c.worksheetId).name}!${c.address}`));
    xl.userEdit('2024', 'B3', 1);
    await xl.flushEvents();
    xl.activate('2025');
    await xl.flushEvents();
    xl.userEdit('2025', 'B4', 2);
    await xl.flushEvents();
    expect(seen).toEqual(['2024!B3', '2025!B4']);
    if (w.supported) await w.unsubscribe();
    expect(xl.handlerCount).toBe(0);
  });
});
