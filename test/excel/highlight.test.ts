/** Check-and-highlight and clear-marks against the strict Excel, with injected issues. */
import { StrictExcel } from '../support/strict-excel';
import { AdapterError, checkAndHighlight, clearMarks, MARK_COLORS, RECORD_SHEET, SETTING_KEY } from '../../src/excel';
import { fakeCheck, hostOf, issue, spreadIssues, strict, tableGrid } from './helpers';

const ERROR = MARK_COLORS.error;
const WARNING = MARK_COLORS.warning;

describe('sync budget', () => {
  it.each([50, 5000])('takes 3 syncs on a modern host for a sheet of %i rows, 2 to re-check the same cells', async (rows) => {
    const { xl, host } = strict({ apiVersion: '1.20' });
    xl.loadGrid(tableGrid(rows));
    const issues = spreadIssues(rows, 7);
    const res = await checkAndHighlight(host, { engine: fakeCheck(issues), annotate: false });
    // Read the cells; read the fills of the cells to mark; write.
    expect(res.syncs).toBe(3);
    expect(xl.syncCount).toBe(3);
    expect(res.marked).toBeGreaterThan(rows / 7);
    // The second check knows every marked cell's fill from the record: no fill read.
    xl.resetStats();
    const again = await checkAndHighlight(host, { engine: fakeCheck(issues), annotate: false });
    expect(again.syncs).toBe(2);
    expect(xl.syncCount).toBe(2);
  });

  it.each([50, 5000])('takes a constant 3 syncs on an ExcelApi 1.1 host for %i rows', async (rows) => {
    const { xl, host } = strict({ apiVersion: '1.1' });
    xl.loadGrid(tableGrid(rows));
    const issues = spreadIssues(rows, 7);
    const res = await checkAndHighlight(host, { engine: fakeCheck(issues) });
    expect(res.syncs).toBe(3);
    expect(xl.syncCount).toBe(3);
    xl.resetStats();
    expect((await checkAndHighlight(host, { engine: fakeCheck(issues) })).syncs).toBe(3);
    expect(xl.syncCount).toBe(3);
  });

  it('writes marks in a handful of operations, not one per cell', async () => {
    const { xl, host } = strict({ apiVersion: '1.20' });
    xl.loadGrid(tableGrid(5000));
    await checkAndHighlight(host, { engine: fakeCheck(spreadIssues(5000, 7)), annotate: false });
    const write = xl.batches[2];
    // About 1,400 cells marked; multi-area ranges keep the operation count far below that.
    expect(write.ops).toBeLessThan(200);
  });

  it('does no write sync when there is nothing to mark and nothing to restore', async () => {
    const { xl, host } = strict();
    xl.loadGrid(tableGrid(20));
    const res = await checkAndHighlight(host, { engine: fakeCheck([]) });
    expect(res.syncs).toBe(1);
    expect(xl.batches.every((b) => b.writes === 0)).toBe(true);
  });
});

describe('marking', () => {
  it('paints errors red and warnings amber; an error wins a cell both blame', async () => {
    const { xl, host } = strict();
    xl.loadGrid(tableGrid(10));
    const issues = [issue([{ row: 2, col: 1 }], 'warning'), issue([{ row: 2, col: 1 }, { row: 3, col: 1 }], 'error'), issue([{ row: 5, col: 4 }], 'warning')];
    await checkAndHighlight(host, { engine: fakeCheck(issues), annotate: false });
    expect(xl.fillAt('B3')).toEqual({ color: ERROR });
    expect(xl.fillAt('B4')).toEqual({ color: ERROR });
    expect(xl.fillAt('E6')).toEqual({ color: WARNING });
    expect(xl.fillAt('B2')).toBeUndefined();
  });

  it('re-checking restores the previous marks first, so fills never stack', async () => {
    const { xl, host } = strict();
    xl.loadGrid(tableGrid(10), { fills: { B3: '#00B050' } });
    const before = xl.snapshot();
    await checkAndHighlight(host, { engine: fakeCheck([issue([{ row: 2, col: 1 }]), issue([{ row: 4, col: 1 }])]), annotate: false });
    // Second check: B3 still wrong, B5 fixed, C7 newly wrong.
    await checkAndHighlight(host, { engine: fakeCheck([issue([{ row: 2, col: 1 }]), issue([{ row: 6, col: 2 }], 'warning')]), annotate: false });
    expect(xl.fillAt('B3')).toEqual({ color: ERROR });
    expect(xl.fillAt('B5')).toBeUndefined();
    expect(xl.fillAt('C7')).toEqual({ color: WARNING });
    // Clearing brings back B3's own green, not the red it had during the first check.
    await clearMarks(host);
    expect(xl.snapshot()).toEqual(before);
  });
});

/** A sheet with fills of every kind, so restoring is tested against more than "no fill". */
function decorated(xl: StrictExcel, rows = 30) {
  return xl.loadGrid(tableGrid(rows), {
    fills: {
      B2: '#00B050',
      C2: '#FFFFFF', // white, not "no fill"
      D2: { color: '#FFFF00', pattern: 'Gray50', patternColor: '#FF0000' },
      E3: '#DDEBF7',
    },
  });
}

/** The snapshot with one cell's fill removed (what a 1.1 host restores for a white cell). */
function withoutFill(snap: ReturnType<StrictExcel['snapshot']>, address: string) {
  return snap.map((c) => {
    if (c.address !== address) return c;
    const { fill: _fill, ...rest } = c;
    return rest;
  });
}

const onDecorated = [
  issue([{ row: 1, col: 1 }, { row: 1, col: 2 }, { row: 1, col: 3 }]),
  issue([{ row: 2, col: 4 }], 'warning'),
  issue([{ row: 9, col: 0 }], 'warning'),
];

describe('clearMarks', () => {
  it('restores the sheet cell for cell: values, formulas, number formats, fills (white and patterns too)', async () => {
    const { xl, host } = strict({ apiVersion: '1.20' });
    decorated(xl);
    const before = xl.snapshot();
    await checkAndHighlight(host, { engine: fakeCheck(onDecorated), annotate: false });
    expect(xl.snapshot()).not.toEqual(before);
    const res = await clearMarks(host);
    expect(res).toMatchObject({ restored: 5, syncs: 2 });
    expect(xl.snapshot()).toEqual(before);
    expect(xl.wb.settings[SETTING_KEY]).toBeUndefined();
  });

  it('works after the workbook is saved and reopened (sheet ids changed on reopen)', async () => {
    const { xl, host } = strict({ apiVersion: '1.20' });
    decorated(xl);
    const before = xl.snapshot();
    await checkAndHighlight(host, { engine: fakeCheck(onDecorated) });
    const saved = JSON.parse(JSON.stringify(xl.toJSON()));
    const reopened = StrictExcel.fromJSON(saved, { apiVersion: '1.20', newIds: true });
    await clearMarks(hostOf(reopened));
    expect(reopened.snapshot()).toEqual(before);
  });

  it('works after save and reopen on an ExcelApi 1.1 host, whose record is a worksheet', async () => {
    const { xl, host } = strict({ apiVersion: '1.1' });
    decorated(xl);
    const before = xl.snapshot();
    await checkAndHighlight(host, { engine: fakeCheck(onDecorated) });
    expect(xl.sheet(RECORD_SHEET).visibility).toBe('Visible'); // 1.1 cannot hide sheets
    const reopened = StrictExcel.fromJSON(JSON.parse(JSON.stringify(xl.toJSON())), { apiVersion: '1.1' });
    const res = await clearMarks(hostOf(reopened));
    expect(res.syncs).toBe(3);
    // On 1.1 a white fill cannot be told from no fill; everything else comes back exactly.
    expect(reopened.snapshot('申报表')).toEqual(withoutFill(before, 'C2'));
  });

  it('keeps the record sheet very hidden where the host can (ExcelApi 1.2, no settings before 1.4)', async () => {
    const { xl, host } = strict({ apiVersion: '1.2' });
    decorated(xl);
    const before = xl.snapshot();
    await checkAndHighlight(host, { engine: fakeCheck(onDecorated) });
    expect(xl.sheet(RECORD_SHEET).visibility).toBe('VeryHidden');
    await clearMarks(host);
    expect(xl.snapshot('申报表')).toEqual(withoutFill(before, 'C2'));
  });

  it('keeps the marks of other sheets', async () => {
    const { xl, host } = strict();
    xl.loadGrid(tableGrid(10, 'A表'));
    xl.loadGrid(tableGrid(10, 'B表'));
    await checkAndHighlight(host, { sheet: 'A表', engine: fakeCheck([issue([{ row: 1, col: 1 }])]) });
    await checkAndHighlight(host, { sheet: 'B表', engine: fakeCheck([issue([{ row: 2, col: 2 }])]) });
    await clearMarks(host, { sheet: 'A表' });
    expect(xl.fillAt('B2', 'A表')).toBeUndefined();
    expect(xl.fillAt('C3', 'B表')).toEqual({ color: ERROR });
    await clearMarks(host, { sheet: 'B表' });
    expect(xl.fillAt('C3', 'B表')).toBeUndefined();
  });

  it('is a one-sync no-op when nothing was marked', async () => {
    const { xl, host } = strict();
    xl.loadGrid(tableGrid(10));
    expect(await clearMarks(host)).toEqual({ restored: 0, notesRemoved: 0, syncs: 1 });
  });
});

describe('notes and comments', () => {
  it('adds notes on ExcelApi 1.18 and removes only its own', async () => {
    const { xl, host } = strict({ apiVersion: '1.18' });
    xl.loadGrid(tableGrid(10), { notes: { F2: 'the user wrote this' } });
    const before = xl.snapshot();
    const issues = [issue([{ row: 1, col: 1 }], 'error', 'sum'), issue([{ row: 1, col: 5 }], 'warning', 'code')];
    const first = await checkAndHighlight(host, { engine: fakeCheck(issues), locale: 'en-US' });
    // The sheet already had a note, so a sync learns where it is; the user's note is not replaced.
    expect(first.syncs).toBe(3);
    expect(first.annotated).toBe(1);
    const exported = xl.exportSheet();
    expect(exported.notes.B2).toBe('Form check: en-US:sum@1,1');
    expect(exported.notes.F2).toBe('the user wrote this');
    expect(xl.fillAt('F2')).toEqual({ color: WARNING });

    const again = await checkAndHighlight(host, { engine: fakeCheck(issues), locale: 'zh-CN' });
    expect(again.syncs).toBe(3);
    expect(xl.exportSheet().notes.B2).toBe('绩效申报检查：zh-CN:sum@1,1');

    const cleared = await clearMarks(host);
    expect(cleared).toMatchObject({ notesRemoved: 1, syncs: 3 });
    expect(xl.snapshot()).toEqual(before);
  });

  it('needs no extra sync for notes on a sheet without any', async () => {
    const { xl, host } = strict({ apiVersion: '1.20' });
    xl.loadGrid(tableGrid(50));
    const res = await checkAndHighlight(host, { engine: fakeCheck(spreadIssues(50, 5)) });
    expect(res.syncs).toBe(3); // cells, fills of the marked cells, write: nothing more for notes
    expect(res.annotated).toBeGreaterThan(0);
  });

  it('uses threaded comments where notes are missing (ExcelApi 1.10 to 1.17)', async () => {
    const { xl, host } = strict({ apiVersion: '1.12' });
    xl.loadGrid(tableGrid(10));
    const before = xl.snapshot();
    await checkAndHighlight(host, { engine: fakeCheck([issue([{ row: 3, col: 3 }])]) });
    expect(xl.exportSheet().comments.D4).toMatch(/^绩效申报检查：/);
    await clearMarks(host);
    expect(xl.snapshot()).toEqual(before);
  });

  it('fills only, below ExcelApi 1.10', async () => {
    const { xl, host } = strict({ apiVersion: '1.9' });
    xl.loadGrid(tableGrid(10));
    const res = await checkAndHighlight(host, { engine: fakeCheck([issue([{ row: 3, col: 3 }])]) });
    expect(res).toMatchObject({ marked: 1, annotated: 0, syncs: 3 });
    const ex = xl.exportSheet();
    expect([Object.keys(ex.notes), Object.keys(ex.comments)]).toEqual([[], []]);
  });
});

describe('protected sheet', () => {
  it('reports the issues but does not touch the sheet', async () => {
    const { xl, host } = strict();
    xl.loadGrid(tableGrid(10));
    xl.protect();
    const before = xl.snapshot();
    const res = await checkAndHighlight(host, { engine: fakeCheck([issue([{ row: 1, col: 1 }])]) });
    expect(res.issues).toHaveLength(1);
    expect(res.notMarked).toBe('sheet-protected');
    expect(res.syncs).toBe(1);
    expect(xl.snapshot()).toEqual(before);
  });

  it('on ExcelApi 1.1, which cannot read protection, still reports the issues and changes nothing', async () => {
    const { xl, host } = strict({ apiVersion: '1.1' });
    xl.loadGrid(tableGrid(10));
    xl.protect();
    const before = xl.snapshot();
    const res = await checkAndHighlight(host, { engine: fakeCheck([issue([{ row: 1, col: 1 }])]) });
    // Excel refused the write (AccessDenied); 1.1 cannot read protection, so the reason is not guessed.
    expect(res).toMatchObject({ notMarked: 'access-denied', marked: 0 });
    expect(res.issues).toHaveLength(1);
    expect(xl.snapshot()).toEqual(before);
    expect(xl.wb.sheets.map((s) => s.name)).toEqual(['申报表']); // no record sheet either
  });

  it('refuses to clear marks on a protected sheet, with a message in both languages', async () => {
    const { xl, host } = strict();
    xl.loadGrid(tableGrid(10));
    await checkAndHighlight(host, { engine: fakeCheck([issue([{ row: 1, col: 1 }])]) });
    xl.protect();
    const marked = xl.snapshot();
    const err = await clearMarks(host).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AdapterError);
    expect((err as AdapterError).code).toBe('sheet-protected');
    expect((err as AdapterError).text('zh-CN')).toContain('受保护');
    expect((err as AdapterError).text('en-US')).toContain('protected');
    expect(xl.snapshot()).toEqual(marked);
  });

  it('refuses to clear marks on a protected sheet on ExcelApi 1.1 too, changing nothing', async () => {
    const { xl, host } = strict({ apiVersion: '1.1' });
    xl.loadGrid(tableGrid(10));
    await checkAndHighlight(host, { engine: fakeCheck([issue([{ row: 1, col: 1 }])]) });
    xl.protect('申报表');
    const marked = xl.snapshot('申报表');
    const record = xl.snapshot(RECORD_SHEET);
    await expect(clearMarks(host)).rejects.toMatchObject({ code: 'access-denied' });
    expect(xl.snapshot('申报表')).toEqual(marked);
    expect(xl.snapshot(RECORD_SHEET)).toEqual(record);
  });
});

describe('annotate: false', () => {
  it('still removes the notes an earlier check added', async () => {
    const { xl, host } = strict({ apiVersion: '1.18' });
    xl.loadGrid(tableGrid(10));
    await checkAndHighlight(host, { engine: fakeCheck([issue([{ row: 1, col: 1 }])]) });
    expect(Object.keys(xl.exportSheet().notes)).toEqual(['B2']);
    await checkAndHighlight(host, { engine: fakeCheck([issue([{ row: 1, col: 1 }])]), annotate: false });
    expect(xl.exportSheet().notes).toEqual({});
    expect(xl.fillAt('B2')).toEqual({ color: ERROR });
  });
});

describe('notes the record knows', () => {
  it('rechecks and clears in 2 syncs when the only notes are the add-in\'s own', async () => {
    const { xl, host } = strict({ apiVersion: '1.20' });
    xl.loadGrid(tableGrid(100));
    const before = xl.snapshot();
    const issues = spreadIssues(100, 10);
    expect((await checkAndHighlight(host, { engine: fakeCheck(issues) })).syncs).toBe(3);
    const again = await checkAndHighlight(host, { engine: fakeCheck(issues.slice(2)) });
    expect(again.syncs).toBe(2);
    // Notes still wanted are kept as they are, not deleted and re-added.
    expect(xl.batches[xl.batches.length - 1].labels.filter((l) => l === 'NoteCollection.add()')).toEqual([]);
    expect(Object.keys(xl.exportSheet().notes)).toHaveLength(again.annotated);
    const cleared = await clearMarks(host);
    expect(cleared.syncs).toBe(2);
    expect(xl.snapshot()).toEqual(before);
  });

  it('falls back to locating the notes when one of ours was moved or deleted since', async () => {
    const { xl, host } = strict({ apiVersion: '1.20' });
    xl.loadGrid(tableGrid(20));
    const before = xl.snapshot();
    const issues = [issue([{ row: 1, col: 1 }], 'error', 'a'), issue([{ row: 3, col: 1 }], 'error', 'b')];
    await checkAndHighlight(host, { engine: fakeCheck(issues) });
    // The user cuts B2's note and pastes it onto H2: same texts, different place.
    const sheet = xl.sheet();
    const moved = sheet.cells.get('1,1')!.note!;
    delete sheet.cells.get('1,1')!.note;
    sheet.cells.set('1,7', { value: null, note: moved });
    xl.resetStats();
    const res = await clearMarks(host);
    expect(res.notesRemoved).toBe(2);
    expect(res.syncs).toBe(5); // read, the guess (fails before restoring anything), count, locate, write
    expect(xl.snapshot()).toEqual(before);
  });

  it('re-checking after a note of ours was moved puts it back where it belongs', async () => {
    const { xl, host } = strict({ apiVersion: '1.20' });
    xl.loadGrid(tableGrid(20));
    const issues = [issue([{ row: 1, col: 1 }], 'error', 'a'), issue([{ row: 3, col: 2 }], 'error', 'b')];
    await checkAndHighlight(host, { engine: fakeCheck(issues) });
    const sheet = xl.sheet();
    const moved = sheet.cells.get('3,2')!.note!;
    delete sheet.cells.get('3,2')!.note;
    sheet.cells.set('1,7', { value: null, note: moved });
    const res = await checkAndHighlight(host, { engine: fakeCheck(issues) });
    expect(res.syncs).toBe(5);
    expect(Object.keys(xl.exportSheet().notes).sort()).toEqual(['B2', 'C4']);
  });
});

describe('a response too large for Excel on the web', () => {
  it('reads the cells again in blocks and still marks and restores exactly', async () => {
    const { xl, host } = strict({ apiVersion: '1.20', payloadLimit: 600_000 });
    xl.loadGrid(tableGrid(5000), { fills: { B2: '#00B050', D9: '#FFFF00' } });
    const before = xl.snapshot();
    const issues = spreadIssues(5000, 7);
    const res = await checkAndHighlight(host, { engine: fakeCheck(issues), annotate: false });
    expect(xl.batches[0].failed).toBe('ResponsePayloadSizeLimitExceeded');
    expect(xl.batches.filter((b) => !b.failed).every((b) => b.readBytes <= 600_000)).toBe(true);
    expect(res.marked).toBeGreaterThan(1000);
    await clearMarks(host);
    expect(xl.snapshot()).toEqual(before);
  });
});
