/**
 * Time from opening the page in headless chromium to the task pane's first rendered 检查表单 button, on
 * the production build served from 127.0.0.1. The workbench page is measured: it hosts the same pane
 * bundle without Excel (taskpane.html itself waits for Office, which only Excel provides).
 */
import { launchChromium, serve } from '../test/e2e/harness';

export async function benchBrowser(dist: string): Promise<string[]> {
  const served = await serve(dist);
  const browser = await launchChromium();
  const times: number[] = [];
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
  } finally {
    await browser.close();
    await served.close();
  }
  times.sort((a, b) => a - b);
  return ['## Task pane first render (headless chromium, production build, median of 5)', `  page open -> 检查表单 button visible: ${times[2]} ms (min ${times[0]}, max ${times[4]})`];
}
