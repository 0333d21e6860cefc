/**
 * In headless chromium, on the production build served from 127.0.0.1: the time from opening the page to
 * the task pane's first rendered 检查表单 button, and 自动计算's latency, from the user's edit of an amount to
 * the refreshed 合计 on the sheet. The workbench page is measured: it hosts the same pane bundle beside an
 * in-page Excel (taskpane.html itself waits for Office, which only Excel provides).
 */
import Decimal from 'decimal.js';
import { readFileSync } from 'fs';
import path from 'path';
import type { Browser } from 'playwright-core';
import { launchChromium, ROOT, serve } from '../test/e2e/harness';
import { idle, loadXlsx, userEdit } from '../test/e2e/workbench-page';

/** The paper form, its computed cells cleared and filled by the pane, then 自动计算 on: each edit of D10 timed. */
async function autoCalcLatency(browser: Browser, origin: string): Promise<number[]> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/workbench.html`);
    await loadXlsx(page, readFileSync(path.join(ROOT, 'test', 'fixtures', 'paper.xlsx')), 'paper.xlsx');
    // The filed 支出合计 and 占比 were typed: cleared, so that the pane's fill writes (and then owns) them.
    for (const a of ['D13', 'E10', 'E11', 'E12', 'E13']) await userEdit(page, a, '');
    await page.getByTestId('pane').getByRole('button', { name: '填充计算列', exact: true }).click();
    await idle(page);
    await page.getByTestId('apply').click();
    await idle(page);
    await page.getByTestId('autocalc').check();
    await idle(page);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const value = (addr: string) => page.locator(`[data-testid="grid"] td[data-addr="${addr}"]`).getAttribute('data-value');
      const [d10, d13] = [new Decimal(JSON.parse((await value('D10'))!)), new Decimal(JSON.parse((await value('D13'))!))];
      const next = 800 + i;
      const expected = d13.plus(next).minus(d10).toNumber();
      const ms = await page.evaluate(
        async ([v, want]) => {
          const hook = (window as unknown as { __jixiao: { session: { userEdit(a: string, v: string): void } } }).__jixiao;
          const start = performance.now();
          hook.session.userEdit('D10', String(v));
          // No named helper functions in here: the benchmark runs through tsx, whose output names them with a
          // helper the page does not have.
          while (performance.now() - start < 15000) {
            if (Number(document.querySelector('td[data-addr="D13"]')?.getAttribute('data-value')) === want) return performance.now() - start;
            await new Promise((r) => setTimeout(r, 5));
          }
          return NaN;
        },
        [next, expected] as const,
      );
      times.push(Math.round(ms));
      await idle(page);
    }
    return times;
  } finally {
    await context.close();
  }
}

export async function benchBrowser(dist: string): Promise<string[]> {
  const served = await serve(dist);
  const browser = await launchChromium();
  const times: number[] = [];
  let latency: number[] = [];
  try {
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext({ locale: 'zh-CN' });
      const page = await context.newPage();
      const t0 = Date.now();
      await page.goto(`${served.origin}/workbench.html`);
      await page.getByRole('button', { name: '检查表单' }).first().waitFor({ state: 'visible', timeout: 30000 });
      times.push(Date.now() - t0);
      await context.close();
    }
    latency = await autoCalcLatency(browser, served.origin);
  } finally {
    await browser.close();
    await served.close();
  }
  times.sort((a, b) => a - b);
  const sorted = [...latency].sort((a, b) => a - b);
  return [
    '## Task pane first render (headless chromium, production build, median of 5)',
    `  page open -> 检查表单 button visible: ${times[2]} ms (min ${times[0]}, max ${times[4]})`,
    '## 自动计算 (paper form, 5 edits of D10; the refresh waits 250 ms for more typing before it starts)',
    `  edit -> refreshed 合计 on the sheet: median ${sorted[2]} ms (min ${sorted[0]}, max ${sorted[4]})`,
  ];
}
