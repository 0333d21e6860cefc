/**
 * 改为应为值, 写入检查结果, the first-run guide and when the results are out of date: the controller over
 * the strict in-memory Excel with the paper form (test/fixtures/paper.xlsx).
 */
import { StrictExcel } from '../support/strict-excel';
import { readSheet, undoDepth } from '../../src/excel';
import * as engine from '../../src/engine';
import { RESULT_SHEET } from '../../src/review/result-table';
import { ruleTitle } from '../../src/i18n/messages';
import { canApply, type PaneState } from '../../taskpane/controller';
import { SETTINGS_KEY, parseSettings } from '../../taskpane/settings';
import { paperGrid } from '../support/forms';
import { paneOver, type PaneSetupOptions } from '../support/pane';
import type { Grid } from '../../src/grid/types';
import { toA1 } from '../../src/grid/address';

let paper: Grid;
beforeAll(async () => {
  paper = await paperGrid();
});

const setup = (options: PaneSetupOptions = {}) => paneOver(paper, options);

const cellOf = (xl: StrictExcel, a1: string, sheet?: string) => xl.snapshot(sheet).find((s) => s.address === a1);
const value = (xl: StrictExcel, a1: string, sheet?: string) => cellOf(xl, a1, sheet)?.value ?? null;
const msg = (s: PaneState) => s.message?.text['zh-CN'] ?? '';
/** The finding of `rule` whose first blamed cell is `first`. */
const finding = (s: PaneState, rule: string, first: string) => s.check!.issues.find((i) => i.rule === rule && i.cells[0] && toA1(i.cells[0]) === first)!;

/**
 * The paper form with two 支出 slips that have an expected value whatever else the check says about the
 * form: 运转类项目支出's share typed as 1.5% (103.11 of 7969.3 is 1.29%) and the 2022 支出合计 left empty.
 */
function spendingSlips(xl: StrictExcel): void {
  xl.userEdit('申报表', 'E11', '1.5%');
  xl.userEdit('申报表', 'G13', '');
}

describe('改为应为值', () => {
  it('previews a 支出 finding, writes the expected value, and 撤销 puts the typed value back', async () => {
    const { xl, host, c } = setup();
    spendingSlips(xl);
    await c.check();
    const share = finding(c.getState(), 'funding-share', 'E11');
    expect(share.expected).toBe('1.29%');
    await c.previewFix(share);
    const p = c.getState().preview!;
    expect(p.kind).toBe('fix');
    expect(p.rows).toEqual([expect.objectContaining({ address: 'E11', oldValue: 0.015, newValue: 0.0129, reason: 'fix', overwrites: true })]);
    expect(value(xl, 'E11')).toBe(0.015); // a preview writes nothing

    await c.applyFix();
    expect(value(xl, 'E11')).toBe(0.0129);
    expect(msg(c.getState())).toContain('已改为应为值');
    const after = c.getState().check!;
    expect(after.stale).toBe(true);
    // This finding, and the 占比-sum finding whose proposal was the same 1.29%, show as corrected.
    expect(after.fixed).toContain(after.issues.indexOf(share));
    expect(after.fixed!.map((i) => after.issues[i].rule).sort()).toEqual(['funding-share', 'funding-shares-sum']);
    expect(undoDepth(host)).toBe(1);
    // No share finding is left on a fresh check of the sheet as it now is.
    const again = engine.check(await readSheet(host));
    expect(again.issues.filter((i) => i.rule.startsWith('funding-share'))).toEqual([]);

    await c.undo();
    expect(value(xl, 'E11')).toBe(0.015);
    // 撤销 with marks on the sheet checks again: the list is current and nothing shows as corrected.
    expect(c.getState().check!.stale).toBe(false);
    expect(c.getState().check!.fixed ?? []).toEqual([]);

    // The empty 2022 支出合计 the same way.
    const total = finding(c.getState(), 'funding-total', 'G13');
    expect(total.expected).toBe('10037.95');
    await c.previewFix(total);
    expect(c.getState().preview!.rows).toEqual([expect.objectContaining({ address: 'G13', oldValue: null, newValue: 10037.95, overwrites: false })]);
    await c.applyFix();
    expect(value(xl, 'G13')).toBe(10037.95);
    await c.undo();
    expect(value(xl, 'G13')).toBeNull();
  });

  it('shows a formula it would replace in the preview', async () => {
    const { xl, c } = setup();
    xl.userEdit('申报表', 'D13', '=D10+D11+D12+0.05');
    await c.check();
    const d13 = finding(c.getState(), 'funding-total', 'D13');
    expect(d13.fix).toBeDefined();
    await c.previewFix(d13);
    const row = c.getState().preview!.rows[0];
    expect(row).toEqual(expect.objectContaining({ address: 'D13', oldFormula: '=D10+D11+D12+0.05', overwrites: true, newValue: 7969.25 }));
    await c.applyFix();
    expect(cellOf(xl, 'D13')?.formula).toBeUndefined();
    await c.undo();
    expect(cellOf(xl, 'D13')?.formula).toBe('=D10+D11+D12+0.05');
  });

  it('never writes over a change made after the preview: shows the new preview instead', async () => {
    const { xl, host, c } = setup();
    spendingSlips(xl);
    await c.check();
    await c.previewFix(finding(c.getState(), 'funding-share', 'E11'));
    xl.userEdit('申报表', 'D11', 110); // the item changes: its expected share is another one now
    await c.applyFix();
    expect(c.getState().message?.intent).toBe('warning');
    expect(value(xl, 'E11')).toBe(0.015);
    expect(undoDepth(host)).toBe(0);
    const p = c.getState().preview!;
    expect(p.kind).toBe('fix');
    expect(p.rows[0].newValue).toBe(0.0138);
  });

  it('says so when the finding has gone meanwhile, writing nothing', async () => {
    const { xl, host, c } = setup();
    spendingSlips(xl);
    await c.check();
    await c.previewFix(finding(c.getState(), 'funding-share', 'E11'));
    xl.userEdit('申报表', 'E11', '1.29%');
    await c.applyFix();
    expect(c.getState().message?.code).toBe('fix-gone');
    expect(c.getState().preview).toBeNull();
    expect(undoDepth(host)).toBe(0);
  });
});

describe('写入检查结果', () => {
  it('adds the 检查结果 sheet with a linked row per issue; 撤销 removes it', async () => {
    const { xl, host, c } = setup();
    await c.check();
    const issues = c.getState().check!.issues;
    const sheetsBefore = xl.wb.sheets.map((s) => s.name);
    await c.writeResults();
    expect(msg(c.getState())).toContain('已添加“检查结果”工作表');
    const rows = xl.snapshot(RESULT_SHEET);
    expect(value(xl, 'A1', RESULT_SHEET)).toBe('序号');
    expect(value(xl, 'D1', RESULT_SHEET)).toBe('单元格');
    expect(rows.filter((r) => r.address.startsWith('A') && r.address !== 'A1')).toHaveLength(issues.length);
    const first = issues[0].cells.map(toA1);
    expect(cellOf(xl, 'D2', RESULT_SHEET)?.formula).toBe(`=HYPERLINK("#'申报表'!${first[0]}","${first.join(', ')}")`);
    expect(value(xl, 'D2', RESULT_SHEET)).toBe(first.join(', ')); // the link's text, as Excel shows it
    expect(value(xl, 'E2', RESULT_SHEET)).toBe(engine.issueMessage(issues[0], 'zh-CN'));
    expect(xl.wb.activeSheetId).toBe(xl.sheet('申报表').id); // the checked sheet stays active
    expect(undoDepth(host)).toBe(1);

    await c.undo();
    expect(xl.wb.sheets.map((s) => s.name)).toEqual(sheetsBefore);
  });

  it('in English: a "Check results" sheet, headers and checks in words, nothing Chinese of ours', async () => {
    const { xl, c } = setup();
    c.updateSettings({ language: 'en-US' });
    await c.check();
    const issues = c.getState().check!.issues;
    await c.writeResults();
    const sheet = 'Check results';
    expect(xl.wb.sheets.map((s) => s.name)).toContain(sheet);
    expect(xl.wb.sheets.map((s) => s.name)).not.toContain(RESULT_SHEET);
    expect(['A1', 'B1', 'G1', 'H1'].map((a) => value(xl, a, sheet))).toEqual(['No.', 'Severity', 'Check', 'Explanation']);
    expect(value(xl, 'E2', sheet)).toBe(engine.issueMessage(issues[0], 'en-US'));
    expect(value(xl, 'G2', sheet)).toBe(ruleTitle(issues[0].rule, 'en-US'));
    // The sheet's own words are English; a check may quote the form's own word in brackets, as in "(…率)".
    const ours = xl.snapshot(sheet).filter((r) => /^[A-CGH]\d+$/.test(r.address)).map((r) => String(r.value ?? '').replace(/\(…?[\u4e00-\u9fff]+\)/g, ''));
    expect(ours.filter((t) => /[\u4e00-\u9fff]/.test(t))).toEqual([]);
  });

  it('rewrites an existing 检查结果 sheet in place, clearing rows the new list no longer has; 撤销 restores it', async () => {
    const { xl, c } = setup();
    await c.check();
    const n1 = c.getState().check!.issues.length;
    await c.writeResults();
    // Two findings corrected by hand, check again: two issues fewer, written over the old list.
    xl.userEdit('申报表', 'F33', '计划标准');
    xl.userEdit('申报表', 'E43', '100%');
    await c.check();
    const n2 = c.getState().check!.issues.length;
    expect(n2).toBe(n1 - 2);
    const id = xl.sheet(RESULT_SHEET).id;
    await c.writeResults();
    expect(msg(c.getState())).toContain('已更新');
    expect(xl.sheet(RESULT_SHEET).id).toBe(id); // the same sheet, not deleted and re-added
    expect(value(xl, `A${n2 + 1}`, RESULT_SHEET)).toBe(n2);
    expect(value(xl, `A${n1 + 1}`, RESULT_SHEET)).toBeNull();
    expect(value(xl, `E${n1 + 1}`, RESULT_SHEET)).toBeNull();
    await c.undo();
    expect(value(xl, `A${n1 + 1}`, RESULT_SHEET)).toBe(n1);
  });

  it('leaves a new 检查结果 sheet the user has typed into, and says why', async () => {
    const { xl, c } = setup();
    await c.check();
    await c.writeResults();
    xl.userEdit(RESULT_SHEET, 'J2', '已核对');
    await c.undo();
    expect(c.getState().message?.code).toBe('result-sheet-changed');
    expect(value(xl, 'J2', RESULT_SHEET)).toBe('已核对');
  });

  it('works on ExcelApi 1.1 (no column widths or page layout there)', async () => {
    const { xl, c } = setup({ api: '1.1' });
    await c.check();
    await c.writeResults();
    expect(c.getState().message?.intent).toBe('success');
    expect(cellOf(xl, 'D2', RESULT_SHEET)?.formula).toContain('HYPERLINK');
  });

  it('asks for a check first', async () => {
    const { xl, c } = setup();
    await c.writeResults();
    expect(c.getState().message?.code).toBe('no-check');
    expect(xl.wb.sheets.map((s) => s.name)).not.toContain(RESULT_SHEET);
  });
});

describe('when the results are out of date', () => {
  it('清除标记 after a write and its 撤销 leaves the results current', async () => {
    const { xl, c } = setup();
    spendingSlips(xl);
    await c.check();
    await c.previewFix(finding(c.getState(), 'funding-share', 'E11'));
    await c.applyFix();
    expect(c.getState().check!.stale).toBe(true);
    await c.undo();
    await c.clearMarks();
    expect(c.getState().check!.stale).toBe(false);
  });

  it('插入模板 marks the list as about another sheet', async () => {
    const { c } = setup();
    await c.check();
    await c.insertTemplate();
    const check = c.getState().check!;
    expect(check.stale).toBe(true);
    expect(check.movedTo).toBe('绩效目标申报表');
  });

  it('an import with nothing to write cannot be applied', async () => {
    const { xl, host, c } = setup({ readFile: async () => paper });
    await c.previewImport({ name: 'same.xlsx', arrayBuffer: async () => new ArrayBuffer(0) });
    const p = c.getState().preview!;
    expect(p.kind).toBe('import');
    expect(p.rows).toHaveLength(0);
    expect(canApply(p)).toBe(false);
    const before = xl.snapshot();
    await c.applyImport();
    expect(c.getState().message?.intent).toBe('info');
    expect(msg(c.getState())).toBe('没有需要写入的单元格。'); // not "已导入…写入 0 个单元格。可以撤销。"
    expect(c.getState().preview).toBeNull();
    expect(xl.snapshot()).toEqual(before);
    expect(undoDepth(host)).toBe(0);
  });
});

describe('first-run guide', () => {
  it('shows until dismissed, remembers that, and 帮助 brings it back', () => {
    const { c, stored } = setup();
    expect(c.getState().settings.guideDismissed).toBe(false);
    c.dismissGuide();
    expect(c.getState().settings.guideDismissed).toBe(true);
    expect(parseSettings(stored[SETTINGS_KEY]).guideDismissed).toBe(true);
    c.toggleGuide();
    expect(parseSettings(stored[SETTINGS_KEY]).guideDismissed).toBe(false);
    expect(parseSettings('{"guideDismissed":"yes"}').guideDismissed).toBe(false);
  });
});
