/**
 * Workbooks in shapes seen in real filings, written by openpyxl (scripts/renditions/make_workbooks.py):
 * the older template version, a workbook with only an indicator table, a cover sheet and two forms, and
 * formulas saved without their results.
 */
import { execFile } from 'child_process';
import path from 'path';
import { promisify } from 'util';
import { checkFixture, fixture, meaning } from './support';
import { PAPER_XLSX } from '../support/forms';
import { toA1 } from '../../src/grid/address';

const exec = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');

async function cli(...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await exec(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'src', 'cli', 'main.ts'), ...args], { cwd: ROOT });
    return { code: 0, stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string };
    return { code: err.code, stdout: err.stdout };
  }
}

describe('the older template version (基本支出/项目支出, 财政拨款/其他资金, blank years, 目标值)', () => {
  it('is read: its items, its blank year columns and both indicator tables', async () => {
    const [r] = await checkFixture(fixture('older.xlsx'));
    const f = r.form!;
    expect(f.funding!.groups.map((g) => g.items.map((i) => i.key))).toEqual([['fiscal', 'otherFunds'], ['basic', 'project']]);
    expect(f.funding!.priorCols.map((c) => c.year)).toEqual([null, null]);
    expect(f.longTerm!.rows).toHaveLength(2);
    expect(f.annual!.rows).toHaveLength(2);
    expect(toA1({ row: f.annual!.rows[0].row, col: f.annual!.cols.value! })).toBe('E20');
  });

  it('finds the total that no longer adds up, the amount typed in 元, and the missing 占比', async () => {
    const [r] = await checkFixture(fixture('older.xlsx'));
    const find = (rule: string) => r.issues.filter((i) => i.rule === rule).map(meaning);
    expect(find('funding-total')).toEqual([expect.stringContaining('funding:income:total:current')]);
    expect(r.issues.find((i) => i.rule === 'funding-amount-yuan')).toMatchObject({ cells: [{ row: 6, col: 3 }], expected: '724.2318' });
    expect(find('funding-share-missing')).toHaveLength(4);
    // A 7-digit county landline is a warning, not an error.
    expect(r.issues.find((i) => i.rule === 'header-phone-local')?.severity).toBe('warning');
    expect(r.issues.filter((i) => i.rule === 'header-phone')).toEqual([]);
  });
});

describe('a workbook holding only an indicator table', () => {
  it('check exits 1 with findings naming every missing part; never 通过', async () => {
    const r = await cli('check', fixture('parts-only.xlsx'));
    expect(r.code).toBe(1);
    for (const part of ['表头', '收入构成', '支出构成', '项目支出情况', '整体绩效总目标', '年度绩效指标表']) expect(r.stdout).toContain(`未找到或未能读取${part}`);
    expect(r.stdout).toContain('未找到（未检查）');
    expect(r.stdout).not.toContain('通过');
    const summary = await cli('check', fixture('parts-only.xlsx'), '--summary');
    expect(summary.stdout).toContain('不通过');
    expect(summary.stdout).not.toMatch(/\t通过/);
  });

  it('--json carries a coverage object naming what was read and what was not', async () => {
    const r = await cli('check', fixture('parts-only.xlsx'), '--json');
    const [file] = JSON.parse(r.stdout).files;
    expect(file.coverage.complete).toBe(false);
    expect(file.coverage.read).toEqual(['longTerm']);
    expect(file.coverage.missing).toEqual(['header', 'income', 'expense', 'projects', 'goals', 'annual']);
    expect(file.coverage.parts.annual.lookedFor).toContain('预期当年实现值');
  });
});

describe('a cover sheet before the form, and two forms on one sheet', () => {
  it('finds and checks each form without --sheet, reporting its sheet and top-left cell', async () => {
    const results = await checkFixture(fixture('cover-and-two.xlsx'));
    expect(results.map((r) => `${r.sheetName}!${toA1(r.origin!)}`)).toEqual(['申报表!A1', '两份!A1', '两份!C125']);
    const [paper] = await checkFixture(PAPER_XLSX);
    const errors = (i: { severity: string }) => i.severity === 'error';
    for (const r of results) expect(r.issues.filter(errors).map(meaning).sort()).toEqual(paper.issues.filter(errors).map(meaning).sort());
    expect(results[2].issues.find((i) => i.rule === 'funding-total')!.cells.map(toA1)).toEqual(['F137', 'F134', 'F135', 'F136', 'F133']);
  });

  it('the command line lists each form; --sheet narrows it to one sheet', async () => {
    const r = await cli('check', fixture('cover-and-two.xlsx'), '--json');
    expect(JSON.parse(r.stdout).files.map((f: { sheet: string; at: string }) => `${f.sheet}!${f.at}`)).toEqual(['申报表!A1', '两份!A1', '两份!C125']);
    const one = await cli('check', fixture('cover-and-two.xlsx'), '--sheet', '两份', '--json');
    expect(JSON.parse(one.stdout).files.map((f: { at: string }) => f.at)).toEqual(['A1', 'C125']);
  });
});

describe('formulas saved without their results (openpyxl)', () => {
  it('gives the findings paper.xlsx gives, the sums computed, none reported as 未填', async () => {
    const [r] = await checkFixture(fixture('nocache.xlsx'));
    const [paper] = await checkFixture(PAPER_XLSX);
    expect(r.issues.map(meaning).sort()).toEqual(paper.issues.map(meaning).sort());
    expect(r.coverage.computedFormulas).toBe(5);
  });
});
