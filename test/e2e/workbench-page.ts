/**
 * Driving the workbench page (the task pane beside an in-page Excel) the way the user would: load a
 * workbook, type into a cell, wait until the pane is idle. Shared by the browser tests and the benchmark.
 */
import * as fs from 'fs';
import type { Browser, Page } from 'playwright-core';
import { buildPages, launchChromium, openPage, serve, type OpenPage, type Served } from './harness';

type Hook = {
  idle(): Promise<void>;
  loadXlsx(d: ArrayBuffer, n: string): Promise<void>;
  session: { userEdit(a: string, v: string): void };
};

/** Resolves when the pane has finished what it was doing (a check, a fill, an auto-calc refresh). */
export async function idle(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __jixiao: Hook }).__jixiao.idle());
}

/** Opens a workbook in the page's Excel, as File → Open would, and waits for its form sheet. */
export async function loadXlsx(page: Page, data: Buffer, name: string): Promise<void> {
  await page.evaluate(
    async ([b64, fileName]) => {
      const bin = atob(b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      await (window as unknown as { __jixiao: Hook }).__jixiao.loadXlsx(bytes.buffer, fileName);
    },
    [data.toString('base64'), name] as const,
  );
  await page.locator(`[data-testid="grid"][data-sheet="申报表"]`).waitFor();
}

/** The user types into a cell of the active sheet (fires the sheet's change event, as Excel would). */
export async function userEdit(page: Page, address: string, input: string): Promise<void> {
  await page.evaluate(([a, v]) => (window as unknown as { __jixiao: Hook }).__jixiao.session.userEdit(a, v), [address, input] as const);
}

/**
 * One production-like build of the pages, served from 127.0.0.1, and one chromium for the suite that calls
 * this (at the top level of a test file): `open()` opens the workbench in a fresh context, closed at the end.
 */
export function workbenchSuite(buildTimeout: number): { open(query?: string): Promise<OpenPage>; origin(): string } {
  let dir: string;
  let server: Served;
  let browser: Browser;
  const opened: OpenPage[] = [];
  beforeAll(async () => {
    const [built, launched] = await Promise.all([buildPages(), launchChromium()]);
    dir = built;
    browser = launched;
    server = await serve(dir);
  }, buildTimeout);
  afterAll(async () => {
    for (const o of opened) await o.context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    async open(query = '') {
      const o = await openPage(browser, `${server.origin}/workbench.html${query}`);
      opened.push(o);
      return o;
    },
    origin: () => server.origin,
  };
}
