/**
 * 自动计算 over the strict in-memory Excel, on the blank template and on the filed example: amounts typed
 * in any order leave every group's 占比 adding to exactly 100.00% and 合计 equal to its items after each
 * edit; a 合计 or 占比 the user typed is left alone and listed; 交给自动计算 hands typed ones over.
 */
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { StrictExcel } from '../support/strict-excel';
import { readSheet, type ExcelHost } from '../../src/excel';
import { buildTemplate, check } from '../../src/engine';
import { parseA1, toA1 } from '../../src/grid/address';
import { getCell } from '../../src/grid/grid';
import type { Grid } from '../../src/grid/types';
import { parseCell, shareOf } from '../../src/read/values';
import { PaneController } from '../../taskpane/controller';
import { DEFAULT_SETTINGS } from '../../taskpane/settings';

const ARITHMETIC = ['funding-total', 'funding-share', 'funding-shares-sum', 'funding-share-missing', 'funding-balance'];
const GROUPS = [
  { items: ['D6', 'D7', 'D8'], total: 'D9', shares: ['E6', 'E7', 'E8'], totalShare: 'E9' },
  { items: ['D10', 'D11', 'D12'], total: 'D13', shares: ['E10', 'E11', 'E12'], totalShare: 'E13' },
];

function setup(sample: boolean) {
  const xl = new StrictExcel({ apiVersion: '1.20' });
  const grid = buildTemplate({ sample, year: 2026 }).grid;
  xl.loadGrid(grid);
  const c = new PaneController({ host: xl.host as unknown as ExcelHost, displayLanguage: 'zh-CN', settings: { ...DEFAULT_SETTINGS }, storage: null, autoCalcDelay: 0 });
  return { xl, c, sheet: grid.sheetName };
}

async function settle(xl: StrictExcel, c: PaneController): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await xl.flushEvents();
    await new Promise((r) => setTimeout(r, 2));
    await c.idle();
  }
}

const num = (g: Grid, a: string) => parseCell(getCell(g, parseA1(a)));

/** Each group with an amount: 合计 = Σ items and Σ 占比 = 100.00% exactly (a problem per group, else nothing). */
function groupProblems(g: Grid): string[] {
  const out: string[] = [];
  for (const grp of GROUPS) {
    const amounts = grp.items.map((a) => num(g, a)).map((p) => (p.kind === 'number' ? p.value : null));
    if (amounts.every((a) => a === null)) continue;
    const sum = amounts.reduce<Decimal>((s, a) => (a ? s.plus(a) : s), new Decimal(0));
    const total = num(g, grp.total);
    if (total.kind !== 'number' || !total.value.eq(sum)) out.push(`${grp.total} is ${JSON.stringify(getCell(g, parseA1(grp.total))?.value)}, items add to ${sum}`);
    if (sum.isZero()) continue;
    const shares = grp.shares.map((a) => shareOf(num(g, a)) ?? new Decimal(0));
    const shown = shares.reduce((s, x) => s.plus(x.toDecimalPlaces(4)), new Decimal(0));
    if (!shown.eq(1)) out.push(`${grp.shares.join('+')} = ${shown.mul(100).toFixed(2)}%`);
    if (!(shareOf(num(g, grp.totalShare)) ?? new Decimal(0)).eq(1)) out.push(`${grp.totalShare} is not 100%`);
  }
  return out;
}

async function arithmeticIssues(xl: StrictExcel): Promise<string[]> {
  const g = await readSheet(xl.host as unknown as ExcelHost);
  return check(g).issues.filter((i) => ARITHMETIC.includes(i.rule)).map((i) => `${i.rule} ${i.cells.map(toA1).join(',')}`);
}

const centsText = (c: number) => (c / 100).toFixed(2);

/** Amounts for the six items, income and expense balancing, typed in a random order (some twice). */
const session = fc
  .tuple(fc.integer({ min: 1, max: 900_000 }), fc.integer({ min: 0, max: 900_000 }), fc.integer({ min: 0, max: 900_000 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }))
  .chain(([a, b, c, p, q]) => {
    const total = a + b + c;
    const x = Math.floor((total * p) / 100);
    const y = Math.floor(((total - x) * q) / 100);
    const final: [string, string][] = [
      ['D6', centsText(a)],
      ['D7', centsText(b)],
      ['D8', centsText(c)],
      ['D10', centsText(x)],
      ['D11', centsText(y)],
      ['D12', centsText(total - x - y)],
    ];
    // A wrong amount typed first and corrected later, to exercise recomputing over cells auto-calc wrote.
    return fc.tuple(fc.shuffledSubarray(final, { minLength: 6, maxLength: 6 }), fc.integer({ min: 1, max: 999_999 }), fc.constantFrom(...final.map(([addr]) => addr)));
  });

describe('自动计算 typing amounts in any order', () => {
  test('blank template: every group adds up after each edit, and 检查表单 finds no arithmetic issue at the end', async () => {
    await fc.assert(
      fc.asyncProperty(session, async ([order, wrongCents, wrongCell]) => {
        const { xl, c, sheet } = setup(false);
        await c.setAutoCalc(true);
        expect(c.getState().autoCalc.typed).toEqual([]);
        const edits: [string, string][] = [[wrongCell, centsText(wrongCents)], ...order];
        for (const [a, v] of edits) {
          xl.userEdit(sheet, a, v);
          await settle(xl, c);
          const g = await readSheet(xl.host as unknown as ExcelHost);
          expect({ after: `${a}=${v}`, problems: groupProblems(g) }).toEqual({ after: `${a}=${v}`, problems: [] });
        }
        expect(await arithmeticIssues(xl)).toEqual([]);
        expect(c.getState().autoCalc.held).toEqual([]);
        await c.dispose();
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  test('a typed share is left alone and listed; cleared, it is computed again', async () => {
    const { xl, c, sheet } = setup(false);
    await c.setAutoCalc(true);
    for (const [a, v] of [['D10', '300'], ['D11', '250'], ['D12', '500.01']]) {
      xl.userEdit(sheet, a, v);
      await settle(xl, c);
    }
    const g0 = await readSheet(xl.host as unknown as ExcelHost);
    expect(groupProblems(g0)).toEqual([]);
    expect(getCell(g0, parseA1('E10'))?.value).toBe(0.2857);

    xl.userEdit(sheet, 'E11', '30%');
    await settle(xl, c);
    xl.userEdit(sheet, 'D10', '320');
    await settle(xl, c);
    const g1 = await readSheet(xl.host as unknown as ExcelHost);
    expect(getCell(g1, parseA1('E11'))?.value).toBe(0.3);
    expect(getCell(g1, parseA1('D13'))?.value).toBe(1070.01);
    expect(c.getState().autoCalc.held.map((h) => [h.address, h.because])).toEqual([['E11', 'user-value']]);
    expect(c.getState().autoCalc.typed).toEqual(['E11']);
    expect(c.getState().message?.text['zh-CN']).toContain('1 个单元格未改动');
    // 检查表单: the one share the user typed is the only arithmetic finding, and it is the cell listed.
    const issues = await arithmeticIssues(xl);
    expect(issues.length).toBeGreaterThan(0);
    for (const i of issues) expect(i).toMatch(/E11/);

    xl.userEdit(sheet, 'E11', '');
    await settle(xl, c);
    expect(groupProblems(await readSheet(xl.host as unknown as ExcelHost))).toEqual([]);
    expect(c.getState().autoCalc.held).toEqual([]);
    await c.dispose();
  });
});

describe('自动计算 on the filed example', () => {
  test('D10 → 800 updates what it may (nothing: all typed) and lists what it left and why', async () => {
    const { xl, c, sheet } = setup(true);
    await c.setAutoCalc(true);
    expect(c.getState().autoCalc.typed).toEqual(expect.arrayContaining(['D9', 'D13', 'E6', 'E10', 'E11', 'E12', 'E13', 'G13']));
    expect(c.getState().message?.text['zh-CN']).toContain('手工填写');
    xl.userEdit(sheet, 'D10', '800');
    await settle(xl, c);
    const g = await readSheet(xl.host as unknown as ExcelHost);
    expect(getCell(g, parseA1('D13'))?.value).toBe(7969.3);
    expect(getCell(g, parseA1('E10'))?.value).toBe(0.0946);
    expect(c.getState().autoCalc.held.map((h) => [h.address, h.because])).toEqual([
      ['D13', 'items-likely-wrong'],
      ['E10', 'total-kept'],
      ['E11', 'total-kept'],
      ['E12', 'total-kept'],
    ]);
    expect(c.getState().message?.text['zh-CN']).toBe('自动计算：没有可以更新的单元格；4 个单元格未改动，原因见“自动计算”下的列表。');
    expect(c.getState().message?.text['en-US']).toContain('left 4 cells alone');
    await c.dispose();
  });

  test('handed over, typed totals and shares follow amounts typed in any order; income typed to balance; no arithmetic issue left', async () => {
    const { xl, c, sheet } = setup(true);
    await c.setAutoCalc(true);
    await c.adoptTyped();
    expect(c.getState().autoCalc.typed).toEqual([]);
    expect(c.getState().message?.text['zh-CN']).toContain('已将 12 个单元格交给自动计算');
    // Fix the 2022 item the finding points at, change 2024's amounts, then balance the income.
    const edits: [string, string][] = [
      ['D10', '800'],
      ['G12', '9290'],
      ['D12', '7000.5'],
      ['D11', '120'],
      ['D6', '7920.5'],
    ];
    for (const [a, v] of edits) {
      xl.userEdit(sheet, a, v);
      await settle(xl, c);
      const g = await readSheet(xl.host as unknown as ExcelHost);
      expect({ after: `${a}=${v}`, problems: groupProblems(g) }).toEqual({ after: `${a}=${v}`, problems: [] });
    }
    const g = await readSheet(xl.host as unknown as ExcelHost);
    expect(getCell(g, parseA1('D13'))?.value).toBe(7920.5);
    expect(getCell(g, parseA1('D9'))?.value).toBe(7920.5);
    expect(getCell(g, parseA1('G13'))?.value).toBe(10037.9);
    expect(await arithmeticIssues(xl)).toEqual([]);
    // Each recomputation is one undo step.
    await c.undo();
    expect(getCell(await readSheet(xl.host as unknown as ExcelHost), parseA1('D9'))?.value).toBe(7969.3);
    await c.dispose();
  });
});
