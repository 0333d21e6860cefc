/**
 * The adapter under every real-Excel profile of the strict Excel (test/support/strict-excel/profiles.ts):
 * the same core path (read, check, re-check, fill, undo, clear marks) must leave the sheet exactly as it
 * was, whatever the platform's limits, No Fill reading, undo rules, settings cap or Office.js library.
 * Then each behaviour a profile adds, shown where it bites.
 */
import { applyFill, checkAndHighlight, clearMarks, readSheet, SETTING_KEY, undo } from '../../src/excel';
import { EXPLANATION_SHEET, writeExplanations } from '../../src/excel/explanations';
import { MAX_MARKS, MAX_RECORD_CHARS } from '../../src/excel/marks-store';
import { buildTemplate, check } from '../../src/engine';
import type { CellWrite } from '../../src/patch';
import {
  BASELINE,
  DESKTOP_UNDO,
  LOCAL_OFFICE_JS_1_1_110,
  NO_FILL_ZERO,
  PROFILES,
  SETTINGS_CAP,
  StrictExcel,
  WEB,
  type RealExcelProfile,
} from '../support/strict-excel';
import { gridOf, paperGrid } from '../support/forms';
import { PaneController } from '../../taskpane/controller';
import { DEFAULT_SETTINGS } from '../../taskpane/settings';
import { formOfRows } from '../../bench/core';
import { fakeCheck, fakeFill, hostOf, issue, spreadIssues, tableGrid } from './helpers';

/** A theme colour with a tint ("Blue, Accent 1, Lighter 60%"); writing it back needs ExcelApi 1.9. */
const THEME_TINT = { color: '#4472C4', tintAndShade: 0.6 };

function fillPatch(rows: number) {
  const writes: CellWrite[] = [];
  for (let r = 2; r <= rows; r += 4) writes.push({ address: `D${r}`, value: r, reason: 'total' }, { address: `E${r}`, value: 0.5, numberFormat: '0.0%', reason: 'share' });
  return { sheetName: '申报表', writes, skipped: [] };
}

function workbook(profile: RealExcelProfile, rows: number) {
  const xl = new StrictExcel({ profile });
  const tints = profile.apiVersion !== '1.1'; // RangeFill.tintAndShade is ExcelApi 1.9
  xl.loadGrid(tableGrid(rows), { fills: { A1: '#D9D9D9', B2: '#FFFF00', ...(tints ? { C3: THEME_TINT } : {}) } });
  return { xl, host: hostOf(xl) };
}

describe.each(PROFILES)('under the $name profile', (profile) => {
  it.each([50, 5000])('reads, checks, re-checks, fills, undoes and clears marks; the sheet comes back cell for cell (%i rows)', async (rows) => {
    const { xl, host } = workbook(profile, rows);
    const before = xl.snapshot();
    // Issues on plain cells, on the grey and yellow ones and on the theme-tinted one.
    const issues = [...spreadIssues(rows, 9), issue([{ row: 0, col: 0 }, { row: 1, col: 1 }, { row: 2, col: 2 }], 'warning')];
    const engine = { ...fakeCheck(issues), ...fakeFill(fillPatch(rows)) };
    expect((await readSheet(host)).cells.size).toBeGreaterThan(rows);
    const checked = await checkAndHighlight(host, { engine });
    expect(checked.marked).toBeGreaterThan(rows / 9);
    expect(checked.notMarked).toBeUndefined();
    await checkAndHighlight(host, { engine });
    await applyFill(host, { engine });
    await undo(host);
    const cleared = await clearMarks(host);
    expect(cleared.restored).toBe(checked.marked);
    expect(xl.snapshot()).toEqual(before);
    // Cells that had No Fill have none again (never white); the theme fill kept its tint.
    expect(xl.fillAt('D5')).toBeUndefined();
    if (profile.apiVersion !== '1.1') expect(xl.fillAt('C3')).toEqual(THEME_TINT);
    expect(xl.batches.filter((b) => b.failed)).toEqual([]);
  });
});

describe('No Fill, read either way', () => {
  it.each([BASELINE, NO_FILL_ZERO])('清除标记 restores No Fill as No Fill when tintAndShade reads $noFill', async (profile) => {
    const xl = new StrictExcel({ profile });
    xl.loadGrid(tableGrid(20), { fills: { B3: THEME_TINT } });
    const host = hostOf(xl);
    await checkAndHighlight(host, { engine: fakeCheck([issue([{ row: 3, col: 1 }, { row: 4, col: 2 }, { row: 2, col: 1 }])]) });
    expect(xl.fillAt('B4')?.color).toBe('#FFC7CE');
    await clearMarks(host);
    expect(xl.fillAt('B4')).toBeUndefined();
    expect(xl.fillAt('C5')).toBeUndefined();
    expect(xl.fillAt('B3')).toEqual(THEME_TINT);
  });

  it('keeps an explicit white fill where the host tells it from No Fill, and takes it as No Fill where it cannot', async () => {
    for (const [profile, expected] of [
      [BASELINE, { color: '#FFFFFF' }],
      [NO_FILL_ZERO, undefined],
    ] as const) {
      const xl = new StrictExcel({ profile });
      xl.loadGrid(tableGrid(20), { fills: { B4: '#FFFFFF' } });
      const host = hostOf(xl);
      await checkAndHighlight(host, { engine: fakeCheck([issue([{ row: 3, col: 1 }, { row: 5, col: 1 }])]) });
      await clearMarks(host);
      expect([profile.name, xl.fillAt('B4')]).toEqual([profile.name, expected]);
      expect(xl.fillAt('B6')).toBeUndefined();
    }
  });
});

describe.each([DESKTOP_UNDO, WEB])('the user\'s undo stack ($name)', (profile) => {
  it('check, fill, 审核说明, undo and clear marks leave the earlier undo entries in place', async () => {
    const xl = new StrictExcel({ profile });
    xl.loadGrid(tableGrid(60));
    const host = hostOf(xl);
    xl.userEdit('申报表', 'A40', '用户输入一');
    xl.userEdit('申报表', 'A41', '用户输入二');
    const earlier = JSON.parse(JSON.stringify(xl.undoStack));
    expect(earlier).toHaveLength(2);

    await checkAndHighlight(host, { engine: fakeCheck(spreadIssues(60, 7)) });
    await applyFill(host, { engine: fakeFill(fillPatch(60)) });
    const explained = await writeExplanations(host, [{ key: 'k', rule: 'r', cells: 'B2', text: '说明', at: '2025-01-01' }], { exists: false, rows: 0 });
    await undo(host);
    await clearMarks(host);

    expect(xl.undoClears).toEqual([]);
    expect(xl.undoStack.slice(0, 2)).toEqual(earlier);
    expect(xl.undoStack.length).toBeGreaterThan(2);
    // Hiding a sheet is not undoable on the desktop: the 审核说明 sheet is created visible there, and said so.
    expect(explained.createdVisible).toBe(profile.undo!.platform === 'desktop' ? 'keeps-undo' : false);
    expect(xl.sheet(EXPLANATION_SHEET).visibility).toBe(profile.undo!.platform === 'desktop' ? 'Visible' : 'VeryHidden');
  });
});

describe('Excel on the web: limits', () => {
  it('checks a sheet formatted to row 1,048,576 (bounded reads of values only)', async () => {
    const xl = new StrictExcel({ profile: WEB });
    const grid = buildTemplate({ sample: true }).grid;
    xl.loadGrid(grid);
    xl.formatToLastRow(undefined, 0, 9);
    const host = hostOf(xl);
    const before = xl.snapshot();
    const res = await checkAndHighlight(host, { locale: 'zh-CN' });
    expect(res.found).toBe(true);
    expect(res.issues.map((i) => i.rule)).toEqual(check(grid).issues.map((i) => i.rule));
    expect(res.marked).toBeGreaterThan(0);
    expect(xl.batches.filter((b) => b.failed)).toEqual([]);
    expect(Math.max(...xl.batches.map((b) => b.readBytes))).toBeLessThan(200_000);
    await clearMarks(host);
    expect(xl.snapshot()).toEqual(before);
  });

  it('reads a sheet whose content is over 5 MB in bounded blocks, each response under the limit', async () => {
    const xl = new StrictExcel({ profile: { ...WEB, payloadLimit: 1_000_000 } });
    const grid = gridOf(formOfRows(5000));
    xl.loadGrid(grid);
    const read = await readSheet(hostOf(xl));
    expect(read.cells).toEqual(grid.cells);
    const ok = xl.batches.filter((b) => !b.failed);
    expect(ok.length).toBeGreaterThan(2);
    expect(Math.max(...ok.map((b) => b.readBytes))).toBeLessThanOrEqual(1_000_000);
  });

  it('says plainly when a sheet holds more than a form ever could', async () => {
    const xl = new StrictExcel({ profile: WEB });
    const sheet = xl.loadGrid(tableGrid(3));
    sheet.cells.set('2099999,300', { value: 'far away' }); // a stray value: the used range spans 630 million cells
    const err = await readSheet(hostOf(xl)).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'sheet-too-large' });
    expect((err as { text(l: string): string }).text('zh-CN')).toContain('过大');
    expect((err as { text(l: string): string }).text('en-US')).toContain('too much');
  });
});

describe('the marks record is bounded', () => {
  it('paints at most MAX_MARKS cells per check and keeps the setting far under the 2 MB cap', async () => {
    const xl = new StrictExcel({ profile: SETTINGS_CAP });
    xl.loadGrid(tableGrid(3000));
    const host = hostOf(xl);
    const res = await checkAndHighlight(host, { engine: fakeCheck(spreadIssues(3000, 1)), annotate: false });
    expect(res.marked).toBe(MAX_MARKS);
    expect(res.unmarked).toBeGreaterThan(0);
    const setting = String(xl.wb.settings[SETTING_KEY]);
    expect(setting.length).toBeLessThan(MAX_RECORD_CHARS / 10);
    // Errors are painted first.
    expect(xl.exportSheet().fills.D2?.color).toBe('#FFC7CE');
    await clearMarks(host);
    expect(Object.keys(xl.exportSheet().fills)).toEqual([]);
  });

  it('refuses to mark, changing nothing, when the record would outgrow its bound', async () => {
    const xl = new StrictExcel({ profile: SETTINGS_CAP });
    xl.loadGrid(tableGrid(40));
    // A record already near its bound (other sheets' marks).
    const filler = Array.from({ length: 60_000 }, (_, i) => [`A${i + 1}`, 0, '#FFC7CE']);
    xl.wb.settings[SETTING_KEY] = JSON.stringify({ v: 2, sheets: [{ id: '{x}', name: 'Other', fills: [null], marks: filler }] });
    const before = xl.snapshot();
    const res = await checkAndHighlight(hostOf(xl), { engine: fakeCheck(spreadIssues(40, 3)) });
    expect(res.notMarked).toBe('marks-record-full');
    expect(res.issues.length).toBeGreaterThan(0);
    expect(xl.snapshot()).toEqual(before);
  });
});

describe('a Microsoft 365 host at ExcelApi 1.20 running the local office.js 1.1.110', () => {
  it('checks, fills, undoes and clears marks without the members the library lacks', async () => {
    const xl = new StrictExcel({ profile: LOCAL_OFFICE_JS_1_1_110 });
    const grid = buildTemplate({ sample: true }).grid;
    xl.loadGrid(grid);
    const host = hostOf(xl);
    const before = xl.snapshot();
    const res = await checkAndHighlight(host, { locale: 'zh-CN' });
    expect(res.marked).toBeGreaterThan(0);
    // Threaded comments (1.10, in the library) carry the messages, since Worksheet.notes is missing.
    expect(Object.keys(xl.exportSheet().comments).length).toBe(res.annotated);
    const filled = await applyFill(host, {});
    expect(filled.patch.writes.length).toBeGreaterThan(0);
    await undo(host);
    await clearMarks(host);
    expect(xl.snapshot()).toEqual(before);
    // No run carried mergeUndoGroup: the library would drop it (each sync its own undo entry), harmlessly.
    expect(xl.runs.some((r) => r.options.mergeUndoGroup)).toBe(false);
  });
});

describe('the task pane over a desktop host with an undo stack', () => {
  it('检查表单, 审核说明, 填充计算列, 撤销 and 清除标记 keep the user\'s earlier undo entries, and the pane says why the sheet is visible', async () => {
    const xl = new StrictExcel({ profile: DESKTOP_UNDO });
    xl.loadGrid(await paperGrid());
    const host = hostOf(xl);
    const c = new PaneController({ host, displayLanguage: 'zh-CN', settings: { ...DEFAULT_SETTINGS }, storage: { setItem: () => undefined }, autoCalcDelay: 0 });
    xl.userEdit(xl.activeSheet.name, 'L1', '草稿');
    const earlier = JSON.parse(JSON.stringify(xl.undoStack));
    await c.check();
    const warning = c.getState().check!.issues.find((i) => i.severity === 'warning')!;
    await c.saveExplanation(warning, '已核实');
    expect(c.getState().message?.text['zh-CN']).toContain(EXPLANATION_SHEET);
    expect(c.getState().message?.text['en-US']).toContain('undo');
    await c.previewFill();
    await c.applyFill();
    await c.undo();
    await c.clearMarks();
    expect(c.getState().message?.intent).not.toBe('error');
    expect(xl.undoClears).toEqual([]);
    expect(xl.undoStack.slice(0, earlier.length)).toEqual(earlier);
    await c.dispose();
  });
});
