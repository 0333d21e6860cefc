/** The reviewer's findings of docs/form.md, on the paper workbook and on our template filled with --sample. */
import { toA1 } from '../../src/grid/address';
import type { Grid } from '../../src/grid/types';
import { check, issueMessage } from '../../src/engine';
import { paperGrid, sampleGrid } from '../support/forms';

const ARITHMETIC = ['funding-total', 'funding-balance', 'funding-share', 'funding-shares-sum', 'funding-share-missing'];

function findings(grid: Grid) {
  const result = check(grid);
  expect(result.found).toBe(true);
  return result.issues.map((i) => ({ ...i, at: i.cells.map(toA1), zh: issueMessage(i, 'zh-CN'), en: issueMessage(i, 'en-US') }));
}

describe.each([
  ['paper.xlsx', paperGrid],
  ['template --sample', async () => sampleGrid()],
])('the filed example (%s)', (_name, load) => {
  let issues: ReturnType<typeof findings>;
  beforeAll(async () => {
    issues = findings(await load());
  });

  it('flags 支出 of the current year: items adding to 7969.25 against 合计 7969.3, which 收入合计 corroborates, so no new total is proposed', () => {
    const hit = issues.find((i) => i.rule === 'funding-total' && i.zh.includes('当年金额'));
    expect(hit?.severity).toBe('error');
    expect(hit?.expected).toBeUndefined();
    expect(hit?.zh).toContain('7969.25');
    expect(hit?.zh).toContain('收入合计同为 7969.3');
  });

  it('flags 支出 of 2022: items adding to 10037.95 against 10037.9, the item the likelier mistake', () => {
    const hit = issues.find((i) => i.rule === 'funding-total' && i.zh.includes('2022'));
    expect(hit?.severity).toBe('error');
    expect(hit?.expected).toBeUndefined();
    expect(hit?.zh).toContain('更可能是某一项金额有误');
  });

  it('flags the basis 基本相符 of 中长期规划相符性 as no allowed 指标值确定依据', () => {
    const hit = issues.find((i) => i.rule === 'indicator-basis');
    expect(hit?.severity).toBe('error');
    expect(hit?.zh).toContain('中长期规划相符性');
    expect(hit?.zh).toContain('基本相符');
  });

  it('flags 事前绩效评估完成率 100 without a percent', () => {
    const hit = issues.find((i) => i.rule === 'indicator-rate-percent');
    expect(hit?.zh).toContain('事前绩效评估完成率');
    expect(hit?.expected).toBe('100%');
  });

  it('flags 丰富多样的餐饮品种 counted in 家 and then in 种', () => {
    const hit = issues.find((i) => i.rule === 'indicator-unit' && i.zh.includes('丰富多样的餐饮品种'));
    expect(hit?.zh).toMatch(/55家.*55种/);
    expect(hit?.cells).toHaveLength(3);
  });

  it('flags 核心业务产出1 named differently in the two tables', () => {
    const hit = issues.find((i) => i.rule === 'indicator-name-match' && i.zh.includes('核心业务产出1'));
    expect(hit?.zh).toContain('日常维修维护');
    expect(hit?.zh).toContain('日常巡检');
  });

  it('flags the annual table lacking 满意度', () => {
    const hit = issues.find((i) => i.rule === 'indicator-level1-coverage');
    expect(hit?.severity).toBe('error');
    expect(hit?.zh).toContain('满意度');
  });

  it('reports nothing in the 占比 column (89.25% carries the rounding tail) and nothing in the project table', () => {
    expect(issues.filter((i) => i.rule.startsWith('funding-share'))).toEqual([]);
    expect(issues.filter((i) => i.section === 'projects')).toEqual([]);
    expect(issues.filter((i) => i.rule.startsWith('project-'))).toEqual([]);
  });

  it('lists findings about the annual table under 年度绩效指标, even where they blame long-term rows', () => {
    // 年度绩效指标表缺少一级指标“满意度” blames the long-term row B70 that the annual table lacks.
    const coverage = issues.filter((i) => i.rule === 'indicator-level1-coverage' || i.rule === 'indicator-level2-coverage');
    expect(coverage.map((i) => i.zh)).toEqual([expect.stringContaining('年度绩效指标表缺少'), expect.stringContaining('年度绩效指标表缺少')]);
    expect(coverage.map((i) => i.section)).toEqual(['annual', 'annual']);
    // A long-term-table rule still places a finding by its table: the duplicate in each table under its own.
    const dup = issues.filter((i) => i.rule === 'indicator-duplicate').map((i) => [i.zh.slice(0, 6), i.section]);
    expect(dup).toEqual([['长期绩效指标', 'longTerm'], ['年度绩效指标', 'annual']]);
  });

  it('finds exactly two arithmetic errors', () => {
    expect(issues.filter((i) => ARITHMETIC.includes(i.rule)).map((i) => i.rule)).toEqual(['funding-total', 'funding-total']);
  });
});

it('finds the same set of findings on paper and on the sample template', async () => {
  const key = (i: { rule: string; messageId: string; zh: string }) => `${i.rule}:${i.zh}`;
  const paper = findings(await paperGrid()).map(key).sort();
  const sample = findings(sampleGrid()).map(key).sort();
  expect(sample).toEqual(paper);
});
