/**
 * The task pane's controller over the strict in-memory Excel: what each button does to the workbook, what
 * it shows, and that nothing half-done or unseen is ever written.
 */
import { StrictExcel } from '../support/strict-excel';
import type { ExcelHost } from '../../src/excel';
import { MARK_COLORS } from '../../src/excel';
import { EXPLANATION_SHEET } from '../../src/excel/explanations';
import { PaneController, type PaneState } from '../../taskpane/controller';
import { DEFAULT_SETTINGS } from '../../taskpane/settings';
import { XlsxFileError } from '../../taskpane/xlsx-file';
import { copyForm, gridOf, paperGrid } from '../support/forms';
import { paneOver, type PaneSetupOptions } from '../support/pane';
import type { Grid } from '../../src/grid/types';
import { toA1 } from '../../src/grid/address';

let paper: Grid;
beforeAll(async () => {
  paper = await paperGrid();
});

const setup = (options: PaneSetupOptions = {}) => paneOver(paper, options);

const value = (xl: StrictExcel, a1: string) => xl.snapshot().find((s) => s.address === a1)?.value ?? null;
const fill = (xl: StrictExcel, a1: string) => xl.fillAt(a1)?.color;
const msg = (s: PaneState) => s.message?.text['zh-CN'] ?? '';

async function settle(xl: StrictExcel, c: PaneController): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await xl.flushEvents();
    await new Promise((r) => setTimeout(r, 5));
    await c.idle();
  }
}

describe('检查表单', () => {
  it('lists the issues, paints the sheet and reads the stored explanations', async () => {
    const { xl, c } = setup();
    await c.check();
    const s = c.getState();
    expect(s.busy).toBeNull();
    expect(s.check?.found).toBe(true);
    // 支出 items add to 7969.25 against 合计 7969.3, which 收入合计 corroborates: the items are blamed, no new total proposed.
    expect(s.check?.issues.find((i) => i.rule === 'funding-total' && i.messageId === 'itemsLikelyWrong' && i.expected === undefined)).toBeDefined();
    expect(fill(xl, 'D13')).toBe(MARK_COLORS.error);
    expect(fill(xl, 'E43')).toBe(MARK_COLORS.warning);
    expect(s.explanations).toEqual([]);
  });

  it('explains a warning: stored in the hidden sheet, attached at once and on the next check, no longer painted', async () => {
    const { xl, c } = setup();
    await c.check();
    const warning = c.getState().check!.issues.find((i) => i.rule === 'indicator-rate-percent')!;
    await c.saveExplanation(warning, '按项目个数计，100 即 100%');
    expect(msg(c.getState())).toContain('已保存');
    expect(c.getState().check!.issues.find((i) => i.rule === 'indicator-rate-percent')?.explanation).toBe('按项目个数计，100 即 100%');
    const sheet = xl.sheet(EXPLANATION_SHEET);
    expect(sheet.visibility).toBe('VeryHidden');

    await c.check();
    const again = c.getState().check!.issues.find((i) => i.rule === 'indicator-rate-percent')!;
    expect(again.explanation).toBe('按项目个数计，100 即 100%');
    expect(fill(xl, 'E43')).toBeUndefined();
    expect(fill(xl, 'D13')).toBe(MARK_COLORS.error);

    // Empty text removes it.
    await c.saveExplanation(again, '  ');
    expect(c.getState().explanations).toEqual([]);
    expect(msg(c.getState())).toContain('已删除');
  });

  it('refuses to explain an error, writing nothing', async () => {
    const { xl, c } = setup();
    await c.check();
    const error = c.getState().check!.issues.find((i) => i.severity === 'error')!;
    await c.saveExplanation(error, 'no');
    expect(c.getState().message?.intent).toBe('error');
    expect(c.getState().message?.code).toBe('error-not-explainable');
    expect(xl.wb.sheets.map((s) => s.name)).not.toContain(EXPLANATION_SHEET);
  });

  it('writes again after re-reading when the explanation sheet changed under it', async () => {
    const { xl, c } = setup();
    await c.check(); // learns: no explanation sheet
    const warning = c.getState().check!.issues.find((i) => i.rule === 'indicator-rate-percent')!;
    // Meanwhile another explanation arrives in the workbook (another pane, the command line...).
    const other = new PaneController({ host: xl.host as unknown as ExcelHost, settings: { ...DEFAULT_SETTINGS } });
    await other.check();
    const dup = other.getState().check!.issues.find((i) => i.rule === 'indicator-duplicate')!;
    await other.saveExplanation(dup, '两处指标含义不同');
    await c.saveExplanation(warning, '已确认');
    expect(c.getState().message?.intent).toBe('success');
    expect(c.getState().explanations.map((e) => e.text).sort()).toEqual(['两处指标含义不同', '已确认']);
  });

  it('uses the threshold of the settings', async () => {
    const { c } = setup();
    c.updateSettings({ thresholdPercent: 1 });
    await c.check();
    const low = c.getState().check!.issues.filter((i) => i.rule === 'funding-change').length;
    c.updateSettings({ thresholdPercent: 1000 });
    await c.check();
    expect(c.getState().check!.issues.filter((i) => i.rule === 'funding-change')).toHaveLength(0);
    expect(low).toBeGreaterThan(5);
  });

  it('shows a protected sheet: issues listed, nothing painted', async () => {
    const { xl, c } = setup();
    xl.protect();
    await c.check();
    expect(c.getState().check?.notMarked).toBe('sheet-protected');
    expect(fill(xl, 'D13')).toBeUndefined();
  });
});

describe('填充计算列', () => {
  it('previews what it writes and what it leaves alone, then writes exactly that, undoably', async () => {
    const { xl, c } = setup();
    xl.userEdit(paper.sheetName, 'D13', '');
    await c.previewFill();
    const p = c.getState().preview;
    expect(p?.kind).toBe('fill');
    expect(p?.rows.map((r) => [r.address, r.oldValue, r.newValue])).toEqual([['D13', null, 7969.25]]);
    // G13 agrees with 收入 2022 (the items are the likelier mistake); the new D13 differs from 收入合计: both listed.
    expect(p?.skipped.map((k) => [k.address, k.because])).toEqual([
      ['G13', 'items-likely-wrong'],
      ['D13', 'unbalanced'],
    ]);
    expect(value(xl, 'D13')).toBeNull(); // a preview writes nothing

    await c.applyFill();
    expect(value(xl, 'D13')).toBe(7969.25);
    expect(c.getState().preview).toBeNull();
    expect(c.getState().undoDepth).toBe(1);
    expect(msg(c.getState())).toContain('已填充 1 个单元格');

    await c.undo();
    expect(value(xl, 'D13')).toBeNull();
    expect(c.getState().undoDepth).toBe(0);
  });

  it('does not write when the sheet changed since the preview: it shows the new preview', async () => {
    const { xl, c } = setup();
    xl.userEdit(paper.sheetName, 'D13', '');
    await c.previewFill();
    xl.userEdit(paper.sheetName, 'D10', '800');
    await c.applyFill();
    expect(value(xl, 'D13')).toBeNull();
    expect(c.getState().message?.intent).toBe('warning');
    expect(c.getState().preview?.rows.find((r) => r.address === 'D13')?.newValue).toBe(8015.11);
    await c.applyFill();
    expect(value(xl, 'D13')).toBe(8015.11);
  });

  it('overwrite is shown as such; a protected sheet is refused with nothing written', async () => {
    const { xl, c } = setup();
    xl.userEdit(paper.sheetName, 'D13', '5000');
    await c.previewFill({ only: ['totals'], overwrite: true, mode: 'values' });
    const row = c.getState().preview!.rows.find((r) => r.address === 'D13')!;
    expect(row).toMatchObject({ oldValue: 5000, newValue: 7969.25, overwrites: true });
    xl.protect();
    const before = xl.snapshot();
    await c.applyFill();
    expect(c.getState().message?.code).toBe('sheet-protected');
    expect(c.getState().message?.text['zh-CN']).toContain('受保护');
    expect(c.getState().message?.text['en-US']).toContain('protected');
    expect(xl.snapshot()).toEqual(before);
    expect(c.getState().preview?.kind).toBe('fill'); // still there to apply once unprotected
  });

  it('says when there is no form', async () => {
    const { xl, c } = setup();
    xl.loadGrid({ sheetName: 'Other', cells: new Map([['0,0', { value: 'hello' }]]), merges: [], rowCount: 1, colCount: 1 });
    await c.previewFill();
    expect(c.getState().message?.code).toBe('form-not-found');
    expect(c.getState().preview).toBeNull();
  });
});

describe('开始新年度 and 导入上年申报表', () => {
  it('rolls after a preview, undoably', async () => {
    const { xl, c } = setup();
    await c.previewRoll();
    const p = c.getState().preview;
    expect(p).toMatchObject({ kind: 'roll', fromYear: 2024, toYear: 2025 });
    expect(value(xl, 'F5')).toBe('2023年');
    await c.applyRoll();
    expect([value(xl, 'F5'), value(xl, 'G5'), value(xl, 'F6'), value(xl, 'G12'), value(xl, 'D13')]).toEqual(['2024年', '2023年', 7969.3, 7865.5, null]);
    await c.undo();
    expect([value(xl, 'F5'), value(xl, 'D13')]).toEqual(['2023年', 7969.3]);
  });

  it('after 撤销 of a roll, a later check’s red marks do not stay on cells that are correct again', async () => {
    const { xl, c } = setup();
    await c.check();
    expect(fill(xl, 'A2')).not.toBe(MARK_COLORS.error);
    await c.previewRoll();
    await c.applyRoll();
    await c.check();
    // The roll cleared 填报日期: the check after it marks the empty date (the cell beside the label) red.
    expect(value(xl, 'A2')).toBe('填报日期：');
    const date = c.getState().check!.issues.find((i) => i.rule === 'header-required')!.cells.map(toA1)[0];
    expect(fill(xl, date)).toBe(MARK_COLORS.error);
    await c.undo();
    expect(value(xl, 'A2')).toBe('填报日期：2024年1月12日');
    expect(fill(xl, date)).not.toBe(MARK_COLORS.error);
    // The filed form's own error is still marked, and the list matches the sheet again.
    expect(fill(xl, 'D13')).toBe(MARK_COLORS.error);
    expect(c.getState().check?.stale).toBe(false);
    expect(c.getState().check?.issues.some((i) => i.rule === 'header-required')).toBe(false);
    expect(msg(c.getState())).toContain('撤销');
  });

  it('after 清除标记, 撤销 does not paint the sheet again', async () => {
    const { xl, c } = setup();
    await c.check();
    await c.clearMarks();
    await c.previewRoll();
    await c.applyRoll();
    await c.undo();
    expect(fill(xl, 'D13')).not.toBe(MARK_COLORS.error);
  });

  it('imports last year’s form through the file reader, listing unmatched rows', async () => {
    const last = copyForm();
    last.annual.find((r) => r[2] === '会议服务次数')![2] = '会议服务保障次数';
    const lastGrid = gridOf(last);
    const { xl, c } = setup({ readFile: async () => lastGrid });
    await c.previewRoll();
    await c.applyRoll();
    await c.previewImport({ name: 'last.xlsx', arrayBuffer: async () => new ArrayBuffer(8) });
    const p = c.getState().preview;
    expect(p?.kind).toBe('import');
    if (p?.kind !== 'import') return;
    expect(p.matched).toBeGreaterThan(10);
    expect(p.unmatched.map((u) => `${u.side}:${u.label}`)).toEqual(expect.arrayContaining([expect.stringMatching(/^last:.*会议服务保障次数$/)]));
    const writes = p.rows.length;
    await c.applyImport();
    expect(c.getState().preview).toBeNull();
    if (writes) expect(c.getState().undoDepth).toBe(2);
    expect(xl.sheet().name).toBe(paper.sheetName);
  });

  it('turns file problems into messages in both languages', async () => {
    const { c } = setup({
      readFile: async () => {
        throw new XlsxFileError('not-xlsx');
      },
    });
    await c.previewImport({ name: 'old.xls', arrayBuffer: async () => new ArrayBuffer(8) });
    const m = c.getState().message!;
    expect(m.code).toBe('file-not-xlsx');
    expect(m.text['zh-CN']).toContain('.xlsx');
    expect(m.text['en-US']).toContain('.xlsx');
  });
});

describe('自动计算', () => {
  it('refreshes cells the pane filled when amounts change, and never a typed one', async () => {
    const { xl, c } = setup();
    for (const a of ['D13', 'E10', 'E11', 'E12', 'E13']) xl.userEdit(paper.sheetName, a, '');
    await c.previewFill();
    await c.applyFill();
    expect(value(xl, 'D13')).toBe(7969.25);
    await c.setAutoCalc(true);
    expect(c.getState().autoCalc.on).toBe(true);

    xl.userEdit(paper.sheetName, 'D10', '800');
    await settle(xl, c);
    expect(value(xl, 'D13')).toBe(8015.11);
    expect(value(xl, 'E10')).toBe(0.0998);
    expect(value(xl, 'G13')).toBe(10037.9);

    // The user types a total of their own: auto-calc leaves it from then on.
    xl.userEdit(paper.sheetName, 'D13', '9000');
    xl.userEdit(paper.sheetName, 'D11', '200');
    await settle(xl, c);
    expect(value(xl, 'D13')).toBe(9000);

    await c.setAutoCalc(false);
    expect(c.getState().autoCalc.on).toBe(false);
    expect(xl.handlerCount).toBe(0);
  });

  it('is unavailable before ExcelApi 1.7, and says why', () => {
    const { c } = setup({ api: '1.6' });
    const a = c.getState().autoCalc;
    expect(a.available).toBe(false);
    // Which Excel has it, in words a user can check under File → Account; no API names.
    expect(a.reason?.['zh-CN']).toBe(
      '当前 Excel 版本不支持输入时自动计算。支持的版本：Excel 2019 或更新的一次性购买版、Microsoft 365 订阅版（Windows 版本 1801 及以后）、Mac 版 16.9 及以后，或 Excel 网页版。请更新 Excel（文件 → 帐户 → 更新选项），或改用 Excel 网页版。',
    );
    expect(a.reason?.['en-US']).toContain('It needs Excel 2019 or later (one-time purchase), Microsoft 365 (Windows version 1801 or later)');
    expect(`${a.reason?.['zh-CN']} ${a.reason?.['en-US']}`).not.toMatch(/ExcelApi|onChanged|Worksheet/);
  });
});

describe('the pane on ExcelApi 1.1', () => {
  it('checks, explains and fills', async () => {
    const { xl, c } = setup({ api: '1.1' });
    await c.check();
    expect(c.getState().message).toBeNull();
    const warning = c.getState().check!.issues.find((i) => i.rule === 'indicator-rate-percent')!;
    await c.saveExplanation(warning, '已确认');
    expect(c.getState().message?.intent).toBe('success');
    expect(xl.sheet(EXPLANATION_SHEET).visibility).toBe('Visible'); // 1.1 cannot hide it
    await c.check();
    expect(c.getState().check!.issues.find((i) => i.rule === 'indicator-rate-percent')?.explanation).toBe('已确认');
  });
});

describe('one action at a time', () => {
  it('ignores a second click while an action runs', async () => {
    const { xl, c } = setup();
    const before = xl.syncCount;
    const first = c.check();
    const second = c.previewRoll();
    await Promise.all([first, second]);
    expect(c.getState().preview).toBeNull();
    expect(xl.syncCount - before).toBeLessThanOrEqual(4);
  });

  it('keeps the language choice and persists settings', () => {
    const { c, stored } = setup();
    expect(c.getState().locale).toBe('zh-CN');
    c.updateSettings({ language: 'en-US', tailRule: 'none' });
    expect(c.getState().locale).toBe('en-US');
    expect(JSON.parse(stored['jixiao.paneSettings'])).toMatchObject({ language: 'en-US', tailRule: 'none' });
  });
});
