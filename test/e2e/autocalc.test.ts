/**
 * 自动计算 in a real browser: the workbench (the task pane beside the strict in-memory Excel), built with
 * webpack, driven by Debian's chromium. On the blank template and on the filed example, amounts typed in
 * any order leave every group's 占比 adding to exactly 100.00% and 合计 equal to its items after each
 * edit; 检查表单 then finds no arithmetic issue; a typed 占比 is left alone and listed. Pictures of the
 * 380 px pane go to test/artifacts/ (the ones in docs/screenshots/ are copies of them).
 */
import * as fs from 'fs';
import * as path from 'path';
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { ARTIFACTS } from './harness';
import { idle, loadXlsx, userEdit, workbenchSuite } from './workbench-page';
import { buildTemplate } from '../../src/engine';
import { writeTemplate } from '../../src/xlsx/write-template';

jest.setTimeout(300_000);

const ARITHMETIC = ['funding-total', 'funding-share', 'funding-shares-sum', 'funding-share-missing', 'funding-balance'];
const GROUPS = [
  { name: '收入', items: ['D6', 'D7', 'D8'], total: 'D9', shares: ['E6', 'E7', 'E8'], totalShare: 'E9' },
  { name: '支出', items: ['D10', 'D11', 'D12'], total: 'D13', shares: ['E10', 'E11', 'E12'], totalShare: 'E13' },
];

const suite = workbenchSuite(600_000); // one webpack build; slow on a busy machine
const open = suite.open;

const cell = (page: Page, a: string) => page.locator(`[data-testid="grid"] td[data-addr="${a}"]`);

async function valueOf(page: Page, a: string): Promise<unknown> {
  const raw = await cell(page, a).getAttribute('data-value');
  return raw === null ? null : JSON.parse(raw);
}

/** The user types into a cell (Excel's change event fires), then auto-calc has its turn. */
async function type(page: Page, a: string, input: string): Promise<void> {
  await userEdit(page, a, input);
  // The debounce (250 ms) has to pass before the refresh starts; idle() then waits for it to finish.
  await page.waitForTimeout(300);
  await idle(page);
}

const button = (page: Page, name: string) => page.getByTestId('pane').getByRole('button', { name, exact: true });

const dec = (v: unknown) => (typeof v === 'number' ? new Decimal(String(v)) : null);

/** What the grid shows: per group with an amount, 合计 = Σ items and Σ 占比 (as shown, 0.01%) = 100.00%. */
async function groupProblems(page: Page): Promise<string[]> {
  const out: string[] = [];
  for (const g of GROUPS) {
    const amounts = await Promise.all(g.items.map(async (a) => dec(await valueOf(page, a))));
    if (amounts.every((a) => a === null)) continue;
    const sum = amounts.reduce<Decimal>((s, a) => (a ? s.plus(a) : s), new Decimal(0));
    const total = dec(await valueOf(page, g.total));
    if (!total || !total.eq(sum)) out.push(`${g.name}合计 ${total} ≠ ${sum}`);
    if (sum.isZero()) continue;
    const shares = await Promise.all(g.shares.map(async (a) => dec(await valueOf(page, a)) ?? new Decimal(0)));
    const shown = shares.reduce((s, x) => s.plus(x.toDecimalPlaces(4)), new Decimal(0)).mul(100).toFixed(2);
    if (shown !== '100.00') out.push(`${g.name}占比 ${shown}%`);
    if (!dec(await valueOf(page, g.totalShare))?.eq(1)) out.push(`${g.name}合计占比 ≠ 100%`);
  }
  return out;
}

/** Types each edit and asserts that every group adds up right after it. */
async function typeAll(page: Page, edits: [string, string][]): Promise<void> {
  for (const [a, v] of edits) {
    await type(page, a, v);
    expect({ after: `${a}=${v}`, problems: await groupProblems(page) }).toEqual({ after: `${a}=${v}`, problems: [] });
  }
}

async function checkArithmetic(page: Page): Promise<string[]> {
  await button(page, '检查表单').click();
  await idle(page);
  await page.getByTestId('summary').waitFor();
  const rules = await page.locator('[data-testid="issue"]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-rule')} ${e.getAttribute('data-cells')}`));
  return rules.filter((r) => ARITHMETIC.includes(r.split(' ')[0]));
}

/** The 380 px pane alone (the workbench gives the pane at most 380 px, as Excel's task pane). */
async function paneShot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.waitForTimeout(250);
  const box = (await page.getByTestId('pane').boundingBox())!;
  expect(Math.round(box.width)).toBeLessThanOrEqual(380);
  // The top of the pane, as much as a task pane shows at once (the issue list below can run long).
  await page.screenshot({ path: path.join(ARTIFACTS, name), clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 900) } });
}

async function blankTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  writeTemplate(wb, buildTemplate({ year: 2026 }), '申报表');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('自动计算 on the blank template: amounts in any order add up after each edit; 检查表单 then finds no arithmetic issue; a typed 占比 stays and is listed', async () => {
  const o = await open();
  const { page } = o;
  await page.setViewportSize({ width: 1100, height: 1000 });
  await loadXlsx(page, await blankTemplate(), 'template.xlsx');
  await page.getByTestId('autocalc').check();
  await idle(page);
  await expect(page.getByTestId('autocalc-typed').count()).resolves.toBe(0); // nothing typed on a blank template

  // The order of the report (300 / 250 / 500.01 into 支出), then the income, one amount mistyped and corrected.
  await typeAll(page, [
    ['D10', '300'],
    ['D11', '250'],
    ['D12', '500.01'],
    ['D7', '50.01'],
    ['D6', '900'],
    ['D11', '205'],
    ['D8', '55'],
    ['D11', '250'],
  ]);
  expect(await valueOf(page, 'D13')).toBe(1050.01);
  expect(await valueOf(page, 'E10')).toBe(0.2857);
  expect(await valueOf(page, 'E11')).toBe(0.2381);
  expect(await valueOf(page, 'E12')).toBe(0.4762);
  expect(await valueOf(page, 'D9')).toBe(1005.01);
  await type(page, 'D6', '945'); // balances the budget: 945 + 50.01 + 55 = 1050.01
  expect(await groupProblems(page)).toEqual([]);
  await expect(page.getByTestId('message').innerText()).resolves.toContain('自动计算：已更新');
  await paneShot(page, 'autocalc-blank-template.png');
  expect(await checkArithmetic(page)).toEqual([]);

  // A share the user types is theirs: left alone through later edits, and listed with why.
  await type(page, 'E11', '30%');
  await type(page, 'D6', '965');
  await type(page, 'D10', '320'); // both groups now add to 1070.01
  expect(await valueOf(page, 'E11')).toBe(0.3);
  expect(await valueOf(page, 'D13')).toBe(1070.01);
  const held = page.locator('[data-testid="autocalc-held"]');
  await expect(held.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-addr')} ${e.getAttribute('data-because')}`))).resolves.toEqual(['E11 user-value']);
  await expect(held.first().innerText()).resolves.toContain('您输入的值');
  await expect(page.getByTestId('autocalc-typed').getAttribute('data-cells')).resolves.toBe('E11');
  await paneShot(page, 'autocalc-typed-share.png');
  // 检查表单: the typed share is the only arithmetic finding, on the cell the list names.
  const left = await checkArithmetic(page);
  expect(left.length).toBeGreaterThan(0);
  for (const r of left) expect(r).toMatch(/E11/);
  // Cleared, it is computed again and the group adds up.
  await type(page, 'E11', '');
  expect(await groupProblems(page)).toEqual([]);
  expect(await checkArithmetic(page)).toEqual([]);
  expect(o.errors).toEqual([]);
});

test('自动计算 on the filed example: D10 → 800 says what it left; handed over, amounts in any order add up; 检查表单 then finds no arithmetic issue', async () => {
  const o = await open(); // the workbench starts on the filed example
  const { page } = o;
  await page.setViewportSize({ width: 1100, height: 1000 });
  await page.getByTestId('autocalc').check();
  await idle(page);
  const typedCells = (await page.getByTestId('autocalc-typed').getAttribute('data-cells'))!.split(',');
  expect(typedCells).toEqual(expect.arrayContaining(['D9', 'D13', 'E6', 'E10', 'E11', 'E12', 'E13', 'G13']));
  await expect(page.getByTestId('message').innerText()).resolves.toContain('手工填写');

  await type(page, 'D10', '800');
  expect(await valueOf(page, 'D13')).toBe(7969.3);
  expect(await valueOf(page, 'E10')).toBe(0.0946);
  await expect(page.getByTestId('message').innerText()).resolves.toContain('没有可以更新的单元格；4 个单元格未改动');
  const held = page.locator('[data-testid="autocalc-held"]');
  await expect(held.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-addr')} ${e.getAttribute('data-because')}`))).resolves.toEqual([
    'D13 items-likely-wrong',
    'E10 total-kept',
    'E11 total-kept',
    'E12 total-kept',
  ]);
  await paneShot(page, 'autocalc-sample-d10-800.png');

  // 交给自动计算: the typed 合计/占比 follow the amounts from now on; the edit above is recomputed at once.
  await page.getByTestId('autocalc-adopt').click();
  await idle(page);
  expect(await valueOf(page, 'D13')).toBe(8015.11);
  expect(await groupProblems(page)).toEqual([]);
  await typeAll(page, [
    ['G12', '9290'], // the 2022 item the finding points at
    ['D12', '7000.5'],
    ['D11', '120'],
    ['D6', '7920.5'], // income typed to balance
  ]);
  expect(await valueOf(page, 'D13')).toBe(7920.5);
  expect(await valueOf(page, 'D9')).toBe(7920.5);
  expect(await valueOf(page, 'G13')).toBe(10037.9);
  expect(await checkArithmetic(page)).toEqual([]);
  await paneShot(page, 'autocalc-sample-handed-over.png');
  expect(o.errors).toEqual([]);
});
