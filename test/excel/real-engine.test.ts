/**
 * The adapter over the real engine (check, fill, buildTemplate), asserting structure only: sync counts,
 * that marks match the issues' cells, that undo and clear put everything back.
 */
import { applyFill, checkAndHighlight, clearMarks, insertTemplate, MARK_COLORS, readSheet, undo } from '../../src/excel';
import { buildTemplate, check, fill } from '../../src/engine';
import { cellKey, toA1 } from '../../src/grid/address';
import { StrictExcel } from '../support/strict-excel';
import { copyForm, gridOf } from '../support/forms';
import { hostOf, strict } from './helpers';

/** The sample with one item's last-year amount at 0: its change rate cannot be computed and gets a note. */
function zeroBaseWorkbook(apiVersion: string) {
  const form = copyForm();
  const key = Object.keys(form.funding.expense.items)[0];
  form.funding.expense.items[key].prior[0] = '0';
  const { xl, host } = strict({ apiVersion });
  xl.loadGrid(gridOf(form));
  return { xl, host };
}

function sampleWorkbook(apiVersion = '1.20') {
  const { xl, host } = strict({ apiVersion });
  xl.loadGrid(buildTemplate({ sample: true }).grid);
  return { xl, host };
}

describe('with the real engine', () => {
  it('readSheet gives the engine the same grid it would get from the file', async () => {
    const { host } = sampleWorkbook();
    const grid = await readSheet(host);
    const direct = buildTemplate({ sample: true }).grid;
    expect(grid.cells).toEqual(direct.cells);
    expect(check(grid).issues.map((i) => i.rule)).toEqual(check(direct).issues.map((i) => i.rule));
  });

  it('check-and-highlight marks exactly the cells the issues blame, in 3 syncs (cells, fills of the marked cells, write)', async () => {
    const { xl, host } = sampleWorkbook();
    const before = xl.snapshot();
    const res = await checkAndHighlight(host, { locale: 'zh-CN' });
    expect(res.found).toBe(true);
    expect(res.syncs).toBe(3);
    const blamed = new Set(res.issues.flatMap((i) => i.cells.map(cellKey)));
    expect(res.marked).toBe(blamed.size);
    const fills = xl.exportSheet().fills;
    for (const i of res.issues) {
      for (const c of i.cells) {
        const color = fills[toA1(c)]?.color;
        expect([MARK_COLORS.error, MARK_COLORS.warning]).toContain(color);
        if (i.severity === 'error') expect(color).toBe(MARK_COLORS.error);
      }
    }
    await clearMarks(host);
    expect(xl.snapshot()).toEqual(before);
  });

  it('clears marks after save and reopen', async () => {
    const { xl, host } = sampleWorkbook();
    const before = xl.snapshot();
    await checkAndHighlight(host, { locale: 'en-US' });
    const reopened = StrictExcel.fromJSON(JSON.parse(JSON.stringify(xl.toJSON())), { newIds: true });
    await clearMarks(hostOf(reopened));
    expect(reopened.snapshot()).toEqual(before);
  });

  it('fills in at most 3 syncs and undo restores the sheet', async () => {
    const { xl, host } = sampleWorkbook();
    const before = xl.snapshot();
    const expected = fill(buildTemplate({ sample: true }).grid).patch;
    const res = await applyFill(host);
    expect(res.syncs).toBeLessThanOrEqual(3);
    expect(res.patch.writes).toEqual(expected.writes);
    if (res.patch.writes.length) {
      expect(xl.snapshot()).not.toEqual(before);
      await undo(host);
    }
    expect(xl.snapshot()).toEqual(before);
  });

  it('a second fill finds nothing left to write (what it wrote reads back the same, notes included)', async () => {
    const { host } = sampleWorkbook();
    await applyFill(host);
    const second = await applyFill(host);
    expect(second.patch.writes).toEqual([]);
  });

  it('writes the fill\'s notes on ExcelApi 1.18, reads them back, and undo removes them', async () => {
    const { xl, host } = zeroBaseWorkbook('1.18');
    const before = xl.snapshot();
    const first = await applyFill(host);
    const noted = first.patch.writes.filter((w) => w.note);
    expect(noted.length).toBeGreaterThan(0);
    expect(first.notesSkipped).toBe(0);
    for (const w of noted) expect(xl.exportSheet().notes[w.address]).toBe(w.note);
    const second = await applyFill(host);
    expect(second.patch.writes).toEqual([]);
    expect(second.syncs).toBe(2); // read, read the notes' places; nothing to write
    await undo(host);
    expect(xl.snapshot()).toEqual(before);
  });

  it('says how many notes it could not write before ExcelApi 1.18', async () => {
    const { xl, host } = zeroBaseWorkbook('1.17');
    const res = await applyFill(host);
    expect(res.notesSkipped).toBe(res.patch.writes.filter((w) => w.note !== undefined).length);
    expect(res.notesSkipped).toBeGreaterThan(0);
    expect(xl.exportSheet().notes).toEqual({});
  });

  it('runs the core path on ExcelApi 1.1', async () => {
    const { xl, host } = sampleWorkbook('1.1');
    const before = xl.snapshot();
    const checked = await checkAndHighlight(host);
    expect(checked.syncs).toBe(checked.issues.length ? 3 : 1);
    await clearMarks(host);
    expect(xl.snapshot('部门整体绩效目标申报表')).toEqual(before);
    const filled = await applyFill(host);
    expect(filled.syncs).toBeLessThanOrEqual(3);
    if (filled.patch.writes.length) await undo(host);
    expect(xl.snapshot('部门整体绩效目标申报表')).toEqual(before);
  });

  it('inserts the real template, which the engine then finds', async () => {
    const { xl, host } = strict();
    const res = await insertTemplate(host, { sample: true });
    expect(res.syncs).toBe(2);
    const doc = buildTemplate({ sample: true });
    const sheet = xl.sheet(res.sheetName);
    expect(sheet.merges).toHaveLength(doc.grid.merges.length);
    expect(sheet.validations).toHaveLength(doc.validations.length);
    expect(sheet.names.map((n) => n.name)).toEqual(doc.names.map((n) => n.name));
    const grid = await readSheet(host);
    expect(grid.cells).toEqual(doc.grid.cells);
    expect(check(grid).found).toBe(true);
  });
});
