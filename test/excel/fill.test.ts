/** Fills, patches and undo against the strict Excel, with injected patches. */
import { AdapterError, applyFill, applyPatch, previewFill, undo, undoDepth } from '../../src/excel';
import type { Patch, CellWrite } from '../../src/patch';
import { fakeFill, strict, tableGrid } from './helpers';

/** A patch touching many rows: totals as values, a formula, a share with a format, a code as text. */
function bigPatch(rows: number, sheetName = '申报表'): Patch {
  const writes: CellWrite[] = [];
  for (let r = 2; r <= rows; r += 3) {
    writes.push({ address: `D${r}`, value: r * 100, reason: 'total' });
    writes.push({ address: `E${r}`, value: 0.25, numberFormat: '0.00%', reason: 'share' });
  }
  writes.push({ address: 'B3', formula: '=C3*2', reason: 'total' });
  writes.push({ address: 'F4', value: '0042', reason: 'change' });
  writes.push({ address: 'H2', value: 'new cell', numberFormat: '@', reason: 'change' });
  writes.push({ address: 'A5', value: null, reason: 'change' });
  return { sheetName, writes, skipped: [] };
}

describe('applyFill', () => {
  it.each([50, 5000])('takes at most 3 syncs (snapshot included) for %i rows', async (rows) => {
    const { xl, host } = strict({ apiVersion: '1.20' });
    xl.loadGrid(tableGrid(rows));
    const res = await applyFill(host, { engine: fakeFill(bigPatch(rows)) });
    expect(res.syncs).toBeLessThanOrEqual(3);
    expect(res.syncs).toBe(2);
    expect(xl.syncCount).toBe(res.syncs);
    expect(xl.exportSheet().grid.cells.get('4,0')).toBeUndefined(); // A5 cleared
  });

  it('undo restores values, formulas and number formats exactly', async () => {
    const { xl, host } = strict({ apiVersion: '1.20' });
    xl.loadGrid(tableGrid(200), { fills: { D5: '#00B050' } });
    // An empty cell that only has a format must get that format back too.
    xl.sheet().cells.set('1,7', { value: null, numberFormat: '0.000' });
    const before = xl.snapshot();
    await applyFill(host, { engine: fakeFill(bigPatch(200)) });
    const after = xl.snapshot();
    expect(after).not.toEqual(before);
    expect(after.find((c) => c.address === 'F4')).toEqual({ address: 'F4', value: '0042' }); // text kept as text
    expect(after.find((c) => c.address === 'B3')).toMatchObject({ formula: '=C3*2' });
    expect(undoDepth(host)).toBe(1);
    const u = await undo(host);
    expect(u.syncs).toBe(2);
    expect(xl.snapshot()).toEqual(before);
    expect(undoDepth(host)).toBe(0);
    await expect(undo(host)).rejects.toMatchObject({ code: 'nothing-to-undo' });
  });

  it('undoes several fills in reverse order', async () => {
    const { xl, host } = strict();
    xl.loadGrid(tableGrid(20));
    const s0 = xl.snapshot();
    await applyFill(host, { engine: fakeFill({ sheetName: '申报表', writes: [{ address: 'B2', value: 1, reason: 'total' }], skipped: [] }) });
    const s1 = xl.snapshot();
    await applyFill(host, { engine: fakeFill({ sheetName: '申报表', writes: [{ address: 'B2', value: 2, reason: 'total' }], skipped: [] }) });
    await undo(host);
    expect(xl.snapshot()).toEqual(s1);
    await undo(host);
    expect(xl.snapshot()).toEqual(s0);
  });

  it('refuses a protected sheet with a clear message and leaves it unchanged', async () => {
    const { xl, host } = strict();
    xl.loadGrid(tableGrid(50));
    xl.protect();
    const before = xl.snapshot();
    const err = await applyFill(host, { engine: fakeFill(bigPatch(50)) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AdapterError);
    expect(err).toMatchObject({ code: 'sheet-protected' });
    expect((err as AdapterError).text('zh-CN')).toBe('工作表“申报表”受保护，未做任何修改。请先撤销工作表保护，再重试。');
    expect((err as AdapterError).text('en-US')).toBe('The sheet "申报表" is protected, so nothing was changed. Unprotect the sheet and try again.');
    expect(xl.snapshot()).toEqual(before);
    expect(xl.batches.every((b) => b.writes === 0)).toBe(true); // refused before queuing a single write
    expect(undoDepth(host)).toBe(0);
  });

  it('does not write when the fill has nothing to change', async () => {
    const { xl, host } = strict();
    xl.loadGrid(tableGrid(10));
    const res = await applyFill(host, { engine: fakeFill({ sheetName: '申报表', writes: [], skipped: [] }) });
    expect(res.syncs).toBe(1);
    expect(undoDepth(host)).toBe(0);
  });

  it('asks for one native undo step on ExcelApi 1.20, and always to wait out cell editing (no requirement set)', async () => {
    const modern = strict({ apiVersion: '1.20' });
    modern.xl.loadGrid(tableGrid(10));
    await applyFill(modern.host, { engine: fakeFill(bigPatch(10)) });
    expect(modern.xl.runs.map((r) => r.options)).toEqual([{ delayForCellEdit: true, mergeUndoGroup: true }]);

    const mid = strict({ apiVersion: '1.11' });
    mid.xl.loadGrid(tableGrid(10));
    await applyFill(mid.host, { engine: fakeFill(bigPatch(10)) });
    expect(mid.xl.runs.map((r) => r.options)).toEqual([{ delayForCellEdit: true }]);

    const old = strict({ apiVersion: '1.10' });
    old.xl.loadGrid(tableGrid(10));
    await applyFill(old.host, { engine: fakeFill(bigPatch(10)) });
    expect(old.xl.runs.map((r) => r.options)).toEqual([{ delayForCellEdit: true }]);
  });

  it('waits while the user is editing a cell, then fills', async () => {
    const { xl, host } = strict({ apiVersion: '1.11' });
    xl.loadGrid(tableGrid(10));
    xl.beginCellEdit();
    let settled = false;
    const pending = applyFill(host, { engine: fakeFill(bigPatch(10)) }).then((r) => {
      settled = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(settled).toBe(false);
    xl.endCellEdit();
    expect((await pending).syncs).toBe(2);
  });
});

describe('previewFill', () => {
  it('returns the patch in one sync without writing anything', async () => {
    const { xl, host } = strict();
    xl.loadGrid(tableGrid(30));
    const before = xl.snapshot();
    const patch = bigPatch(30);
    const res = await previewFill(host, { engine: fakeFill(patch) });
    expect(res.patch).toEqual(patch);
    expect(res.syncs).toBe(1);
    expect(xl.batches.every((b) => b.writes === 0)).toBe(true);
    expect(xl.snapshot()).toEqual(before);
    expect(undoDepth(host)).toBe(0);
  });
});

describe('applyPatch', () => {
  it('writes a patch in one write sync after one read, and can be undone', async () => {
    const { xl, host } = strict();
    xl.loadGrid(tableGrid(40));
    xl.addSheet('Other');
    const before = xl.snapshot('申报表');
    const res = await applyPatch(host, bigPatch(40));
    expect(res.syncs).toBe(2);
    expect(xl.batches.map((b) => b.writes > 0)).toEqual([false, true]);
    expect(res.inverse.writes.find((w) => w.address === 'B3')).toEqual({ address: 'B3', value: 20, numberFormat: '#,##0.00', reason: 'undo' });
    await undo(host);
    expect(xl.snapshot('申报表')).toEqual(before);
  });

  it('finds the sheet by name even when another sheet is active', async () => {
    const { xl, host } = strict();
    xl.loadGrid(tableGrid(10));
    xl.addSheet('Other');
    xl.activate('Other');
    await applyPatch(host, { sheetName: '申报表', writes: [{ address: 'B2', value: 5, reason: 'total' }], skipped: [] });
    expect(xl.sheet('申报表').cells.get('1,1')?.value).toBe(5);
    expect(xl.sheet('Other').cells.size).toBe(0);
  });

  it('refuses a protected sheet and leaves it exactly as it was', async () => {
    const { xl, host } = strict();
    xl.loadGrid(tableGrid(40));
    xl.protect();
    const before = xl.snapshot();
    await expect(applyPatch(host, bigPatch(40))).rejects.toMatchObject({ code: 'sheet-protected' });
    expect(xl.snapshot()).toEqual(before);
  });

  it('reports a missing sheet', async () => {
    const { host } = strict();
    await expect(applyPatch(host, { sheetName: 'Nope', writes: [{ address: 'A1', value: 1, reason: 'total' }], skipped: [] })).rejects.toMatchObject({
      code: 'sheet-missing',
    });
  });
});

describe('ExcelApi 1.1', () => {
  it('fills and undoes with the same sync counts', async () => {
    const { xl, host } = strict({ apiVersion: '1.1' });
    xl.loadGrid(tableGrid(300));
    const before = xl.snapshot();
    const res = await applyFill(host, { engine: fakeFill(bigPatch(300)) });
    expect(res.syncs).toBe(2);
    expect((await undo(host)).syncs).toBe(2);
    expect(xl.snapshot()).toEqual(before);
  });

  it('cannot read protection on 1.1, yet a protected sheet still comes out unchanged', async () => {
    const { xl, host } = strict({ apiVersion: '1.1' });
    xl.loadGrid(tableGrid(30));
    xl.protect();
    const before = xl.snapshot();
    // 1.1 cannot read protection, so Excel's AccessDenied is reported as what it is, not guessed at.
    const err = await applyFill(host, { engine: fakeFill(bigPatch(30)) }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'access-denied' });
    expect((err as { text(l: string): string }).text('zh-CN')).toContain('AccessDenied');
    expect(xl.snapshot()).toEqual(before);
  });
});

describe('notes in patches (ExcelApi 1.18)', () => {
  const withNotes = (): Patch => ({
    sheetName: '申报表',
    writes: [
      { address: 'D3', value: 1, reason: 'change', note: '上年为0，无法计算变动率' }, // new note
      { address: 'D4', value: 2, reason: 'change', note: 'replaced' }, // replaces the user's note
      { address: 'D5', value: 3, reason: 'change', note: '' }, // removes a note
      { address: 'D6', value: 4, reason: 'change' }, // leaves D6's note alone
    ],
    skipped: [],
  });

  function sheetWithNotes(apiVersion: string) {
    const s = strict({ apiVersion });
    s.xl.loadGrid(tableGrid(20), { notes: { D4: 'user note', D5: 'old note', D6: 'keep me' } });
    return s;
  }

  it('writes, replaces and removes notes, reads them first (3 syncs at most), and undo puts them back', async () => {
    const { xl, host } = sheetWithNotes('1.18');
    const before = xl.snapshot();
    const res = await applyFill(host, { engine: fakeFill(withNotes()) });
    expect(res.syncs).toBe(3); // the sheet has notes: read, read where they are, write
    expect(res.notesSkipped).toBe(0);
    expect(xl.exportSheet().notes).toEqual({ D3: '上年为0，无法计算变动率', D4: 'replaced', D6: 'keep me' });
    await undo(host);
    expect(xl.snapshot()).toEqual(before);
  });

  it('gives the engine the notes of the sheet, so it can tell what is already there', async () => {
    const { host } = sheetWithNotes('1.18');
    let seen: string | undefined;
    await previewFill(host, {
      engine: fakeFill((g) => {
        seen = g.cells.get('5,3')?.note;
        return { sheetName: g.sheetName, writes: [], skipped: [] };
      }),
    });
    expect(seen).toBe('keep me');
  });

  it('applyPatch reads the notes it touches in its single read sync', async () => {
    const { xl, host } = sheetWithNotes('1.20');
    const before = xl.snapshot();
    const res = await applyPatch(host, withNotes());
    expect(res.syncs).toBe(2);
    expect(res.inverse.writes.map((w) => w.note)).toEqual(['', 'user note', 'old note', undefined]);
    await undo(host);
    expect(xl.snapshot()).toEqual(before);
  });

  it('skips note writes before ExcelApi 1.18 and says how many', async () => {
    const { xl, host } = sheetWithNotes('1.17');
    const res = await applyFill(host, { engine: fakeFill(withNotes()) });
    expect(res).toMatchObject({ syncs: 2, notesSkipped: 3 });
    expect(xl.exportSheet().notes).toEqual({ D4: 'user note', D5: 'old note', D6: 'keep me' });
    expect(xl.exportSheet().grid.cells.get('2,3')?.value).toBe(1);
  });
});
