/**
 * The whole core path — read, check, highlight, fill, undo, clear — on the oldest host (ExcelApi 1.1) and
 * a current one, on a small and a large sheet: the sheet comes back cell for cell and the number of syncs
 * of every step is the same whatever the size.
 */
import { applyFill, checkAndHighlight, clearMarks, readSheet, undo } from '../../src/excel';
import type { CellWrite } from '../../src/patch';
import { fakeCheck, fakeFill, spreadIssues, strict, tableGrid } from './helpers';

function fillPatch(rows: number) {
  const writes: CellWrite[] = [];
  for (let r = 2; r <= rows; r += 4) writes.push({ address: `D${r}`, value: r, reason: 'total' }, { address: `E${r}`, value: 0.5, numberFormat: '0.0%', reason: 'share' });
  return { sheetName: '申报表', writes, skipped: [] };
}

async function corePath(apiVersion: string, rows: number) {
  const { xl, host } = strict({ apiVersion });
  xl.loadGrid(tableGrid(rows), { fills: { A1: '#D9D9D9', B2: '#FFFF00' } });
  const before = xl.snapshot();
  const engine = { ...fakeCheck(spreadIssues(rows, 9)), ...fakeFill(fillPatch(rows)) };
  const counts: Record<string, number> = {};
  const step = async (name: string, f: () => Promise<unknown>) => {
    const start = xl.syncCount;
    await f();
    counts[name] = xl.syncCount - start;
  };
  await step('read', () => readSheet(host));
  await step('check', () => checkAndHighlight(host, { engine }));
  await step('recheck', () => checkAndHighlight(host, { engine }));
  await step('fill', () => applyFill(host, { engine }));
  await step('undo', () => undo(host));
  await step('clear', () => clearMarks(host));
  return { counts, same: JSON.stringify(xl.snapshot()) === JSON.stringify(before) };
}

describe('core path', () => {
  it.each([50, 5000])('works on ExcelApi 1.1 with constant syncs (%i rows)', async (rows) => {
    const { counts, same } = await corePath('1.1', rows);
    expect(counts).toEqual({ read: 1, check: 3, recheck: 3, fill: 2, undo: 2, clear: 3 });
    expect(same).toBe(true);
  });

  it.each([50, 5000])('works on ExcelApi 1.20 with constant syncs (%i rows)', async (rows) => {
    const { counts, same } = await corePath('1.20', rows);
    // The first check reads the fills of the cells it marks (sync 2); the recheck knows them from the record,
    // and the sheet's only notes are the add-in's, whose places the record knows: recheck and clear stay at 2.
    // The fill reads notes too (the engine compares them), which takes its second read sync here.
    expect(counts).toEqual({ read: 1, check: 3, recheck: 2, fill: 3, undo: 2, clear: 2 });
    expect(same).toBe(true);
  });
});
