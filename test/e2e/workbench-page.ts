/**
 * Driving the workbench page (the task pane beside an in-page Excel) the way the user would: load a
 * workbook, type into a cell, wait until the pane is idle. Shared by the browser tests and the benchmark.
 */
import type { Page } from 'playwright-core';

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
