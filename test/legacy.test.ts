/**
 * Office 2016/2019 webviews (Internet Explorer 11, Edge Legacy) and intranets without the CDN, on the output of
 * `npm run build` with no options (only the output directory changed):
 *  1. every classic script the pages the manifest names can run parses as ES5 (acorn, ecmaVersion 5);
 *  2. Duktape, a real ES5.1 engine with no Promise or Map, runs the function file's legacy scripts over a small
 *     ES5 stand-in for window/document and office.js backed by the strict in-memory Excel: every FunctionName
 *     of manifest.xml is registered, and 检查表单 marks the sample form's error cells;
 *  3. chromium with an IE 11 profile of globals (the ES2015+ built-ins deleted before any page script runs)
 *     gets the classic pane from taskpane.html: check, list, select, fill preview/apply, undo, clear marks,
 *     English; screenshots at 350 px wide go to test/artifacts/ (copies are in docs/screenshots/);
 *  4. with office.js blocked the pane explains itself within 5 s; outside Office it says to open it in Excel;
 *     a modern chromium gets the React pane from the same page and never downloads the legacy files.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { buildOfficeStub, buildProduction } from './support/legacy/build';
import { launchChromium, serve, ARTIFACTS, type Served } from './e2e/harness';
import { buildTemplate, check } from '../src/engine';
import { toA1 } from '../src/grid/address';
import { MARK_COLORS } from '../src/excel';

jest.setTimeout(240_000);

const CDN_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const SUPPORT = path.join(__dirname, 'support', 'legacy');
const DUKTAPE = '/usr/bin/duk';

let dist: string;
let stub: string;

beforeAll(async () => {
  [dist, stub] = await Promise.all([buildProduction(), buildOfficeStub()]);
}, 1_800_000);

afterAll(() => {
  if (dist) fs.rmSync(dist, { recursive: true, force: true });
  if (stub) fs.rmSync(path.dirname(stub), { recursive: true, force: true });
});

// ---- pages and scripts ---------------------------------------------------------------------------

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

interface PageScripts {
  tags: string[];
  /** src of every <script> without type="module", in page order. */
  classic: string[];
  boot: { src: string; modern: string[]; legacy: string[] };
}

function pageScripts(page: string): PageScripts {
  const html = fs.readFileSync(path.join(dist, page), 'utf8');
  const tags = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
  const classic = tags.filter((t) => (attr(t, 'type') ?? '').toLowerCase() !== 'module').map((t) => attr(t, 'src') ?? '(inline)');
  const bootTag = tags.find((t) => attr(t, 'id') === 'jixiao-boot');
  if (!bootTag) throw new Error(`${page} has no boot script`);
  const list = (name: string) => (attr(bootTag, name) ?? '').split(' ').filter(Boolean);
  return { tags, classic, boot: { src: attr(bootTag, 'src')!, modern: list('data-modern'), legacy: list('data-legacy') } };
}

/** The .html pages dist/manifest.xml points at (task pane, function file, help), plus commands.html, the function file of SHARED_RUNTIME=off. */
function manifestPages(): string[] {
  const xml = fs.readFileSync(path.join(dist, 'manifest.xml'), 'utf8');
  const pages = new Set([...xml.matchAll(/DefaultValue="https:\/\/[^/"]+\/([^"]+\.html)"/g)].map((m) => m[1]));
  pages.add('commands.html');
  return [...pages].sort();
}

function functionNames(): string[] {
  const xml = fs.readFileSync(path.join(dist, 'manifest.xml'), 'utf8');
  return [...xml.matchAll(/<FunctionName>\s*([^<\s]+)\s*<\/FunctionName>/g)].map((m) => m[1]);
}

function es5Error(code: string): string | null {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const acorn = require(require.resolve('acorn', { paths: [path.dirname(require.resolve('webpack'))] })) as {
    parse(code: string, options: { ecmaVersion: number; sourceType: string }): unknown;
  };
  try {
    acorn.parse(code, { ecmaVersion: 5, sourceType: 'script' });
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

const read = (file: string) => fs.readFileSync(path.join(dist, file), 'utf8');

describe('npm run build: the scripts legacy webviews run are ES5', () => {
  test('the manifest names taskpane.html (task pane and function file) and a help page', () => {
    expect(manifestPages()).toEqual(expect.arrayContaining(['taskpane.html', 'commands.html']));
    expect(functionNames().length).toBeGreaterThanOrEqual(3);
  });

  test('every classic script on every page, and every file boot.js may load on a legacy webview, parses as ES5', () => {
    const checked: string[] = [];
    for (const page of manifestPages()) {
      const s = fs.existsSync(path.join(dist, page)) ? read(page) : '';
      expect({ page, exists: s.length > 0 }).toEqual({ page, exists: true });
      const tags = [...s.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script\s*>/gi)];
      for (const t of tags) {
        const tag = t[0];
        if ((attr(tag, 'type') ?? '').toLowerCase() === 'module') continue;
        const src = attr(tag, 'src');
        if (!src) {
          expect({ page, inline: es5Error(t[1]) }).toEqual({ page, inline: null });
          continue;
        }
        // office.js comes from Microsoft's CDN in this build (the OFFICE_JS=local copy is Microsoft's file unchanged).
        if (src === CDN_OFFICE_JS) continue;
        expect({ page, src, es5: es5Error(read(src)) }).toEqual({ page, src, es5: null });
        checked.push(src);
      }
      if (/id="?jixiao-boot/.test(s)) {
        for (const src of pageScripts(page).boot.legacy) {
          expect({ page, src, es5: es5Error(read(src)) }).toEqual({ page, src, es5: null });
          checked.push(src);
        }
      }
    }
    // Chunks the legacy scripts may load later (none today, but any would have to be ES5 too).
    for (const f of fs.readdirSync(path.join(dist, 'legacy')).filter((f) => f.endsWith('.js'))) {
      expect({ f, es5: es5Error(read(`legacy/${f}`)) }).toEqual({ f, es5: null });
    }
    expect(checked.length).toBeGreaterThanOrEqual(4);
  });

  test('the modern bundles are never a classic script of the page: only boot.js loads them, after its feature test', () => {
    for (const page of ['taskpane.html', 'commands.html']) {
      const p = pageScripts(page);
      expect(p.classic).toEqual([CDN_OFFICE_JS, p.boot.src]);
      expect(p.boot.modern.length).toBeGreaterThan(0);
      expect(p.boot.legacy.length).toBeGreaterThan(0);
      for (const f of p.boot.modern) expect(f.startsWith('legacy/')).toBe(false);
      for (const f of p.boot.legacy) expect(f.startsWith('legacy/')).toBe(true);
      // The modern list is not ES5 (it is ES2020), which is why legacy webviews must never get it.
      expect(p.boot.modern.some((f) => es5Error(read(f)) !== null)).toBe(true);
    }
    expect(pageScripts('taskpane.html').boot.legacy.some((f) => /legacy\/classic\./.test(f))).toBe(true);
    expect(pageScripts('commands.html').boot.legacy.some((f) => /legacy\/classic\./.test(f))).toBe(false);
  });

  test('boot.js is small and carries no polyfill (modern hosts pay only for it)', () => {
    const boot = read(pageScripts('taskpane.html').boot.src);
    expect(boot.length).toBeLessThan(6 * 1024);
    expect(boot).not.toMatch(/core-js/);
  });
});

// ---- Duktape ------------------------------------------------------------------------------------

interface DukResult {
  associated: string[];
  globals: string[];
  completed: boolean;
  error: string | null;
  status?: string | null;
  cells?: string;
  log: [string, string][];
}

function runDuktape(scripts: string[], command: string): DukResult {
  const tmp = fs.mkdtempSync(path.join(path.dirname(stub), 'duk-'));
  const names = path.join(tmp, 'names.js');
  fs.writeFileSync(names, `var __functionNames = ${JSON.stringify(functionNames())};\nvar __command = ${JSON.stringify(command)};\n`);
  const files = [path.join(SUPPORT, 'duktape-prelude.js'), names, stub, ...scripts.map((s) => path.join(dist, s)), path.join(SUPPORT, 'duktape-driver.js')];
  const run = spawnSync(DUKTAPE, files, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 180_000 });
  const line = (run.stdout || '').split('\n').find((l) => l.startsWith('__RESULT__'));
  if (!line) throw new Error(`duktape printed no result (exit ${run.status}, ${run.error ?? ''}):\n${run.stdout}\n${run.stderr}`);
  return JSON.parse(line.slice('__RESULT__'.length)) as DukResult;
}

describe('Duktape (ES5.1) runs the ribbon function file', () => {
  const sample = buildTemplate({ sample: true });
  const issues = check(sample.grid, {}).issues;
  const errorCells = new Set(issues.filter((i) => i.severity === 'error').flatMap((i) => i.cells.map(toA1)));

  test('the duktape CLI is installed (.ci/run installs the Debian package)', () => {
    expect(fs.existsSync(DUKTAPE)).toBe(true);
  });

  test.each([
    ['taskpane.html', 'the manifest\'s FunctionFile (shared runtime page)'],
    ['commands.html', 'the SHARED_RUNTIME=off function file'],
  ])('%s (%s): registers every FunctionName; 检查表单 marks the error cells of the sample', (page) => {
    const scripts = pageScripts(page).boot.legacy;
    const r = runDuktape(scripts, 'checkForm');
    expect(r.error).toBeNull();
    expect(r.log.filter(([kind]) => kind === 'error')).toEqual([]);
    expect(r.associated.sort()).toEqual(functionNames().sort());
    expect(r.globals.sort()).toEqual(functionNames().sort());
    expect(r.completed).toBe(true);

    const status = JSON.parse(r.status ?? 'null') as { ok: boolean; command: string; message: string };
    expect(status).toMatchObject({ ok: true, command: 'checkForm' });
    expect(status.message).toContain(String(issues.length));

    const cells = JSON.parse(r.cells!) as { address: string; fill?: { color?: string } }[];
    const red = cells.filter((c) => (c.fill?.color ?? '').toUpperCase() === MARK_COLORS.error.toUpperCase()).map((c) => c.address);
    expect(issues.filter((i) => i.severity === 'error')).toHaveLength(4);
    expect(new Set(red)).toEqual(errorCells);
  });
});

// ---- chromium -----------------------------------------------------------------------------------

/** Deletes what Internet Explorer 11 lacks, before any script of the page runs. */
const IE11_PROFILE = `(() => {
  const gone = [
    [window, ['Promise', 'Symbol', 'globalThis', 'fetch']],
    [Object, ['assign', 'values', 'entries', 'fromEntries']],
    [Array, ['from']],
    [Array.prototype, ['flatMap', 'includes']],
    [String.prototype, ['includes', 'padStart']],
  ];
  for (const [owner, names] of gone) for (const n of names) delete owner[n];
})();`;

describe('chromium: taskpane.html', () => {
  let served: Served;
  let browser: Browser;

  beforeAll(async () => {
    [served, browser] = await Promise.all([serve(dist), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  async function open(options: { ie11?: boolean; office?: 'stub' | 'blocked'; stubOptions?: object; width?: number; locale?: string }) {
    const context = await browser.newContext({ viewport: { width: options.width ?? 350, height: 900 }, locale: options.locale ?? 'zh-CN' });
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text());
    });
    page.on('request', (r) => requests.push(r.url()));
    if (options.stubOptions) await page.addInitScript(`window.__officeStubOptions = ${JSON.stringify(options.stubOptions)};`);
    if (options.ie11) await page.addInitScript(IE11_PROFILE);
    await page.route('https://appsforoffice.microsoft.com/**', (route) =>
      options.office === 'blocked' ? route.abort('blockedbyclient') : route.fulfill({ path: stub, contentType: 'text/javascript; charset=utf-8' }),
    );
    return { context, page, errors, requests };
  }

  async function shot(page: Page, name: string): Promise<void> {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true });
  }

  const stubCells = (page: Page) =>
    page.evaluate(() => JSON.parse((window as unknown as { __strictExcel: { snapshot(): string } }).__strictExcel.snapshot())) as Promise<
      { address: string; value: unknown; fill?: { color?: string } }[]
    >;

  test('IE 11 profile: the classic pane loads, checks the sample, lists and selects issues, previews and applies the fill, undoes, clears marks, speaks English', async () => {
    const { context, page, errors, requests } = await open({ ie11: true });
    try {
      await page.goto(`${served.origin}/taskpane.html`);
      const pane = page.getByTestId('classic-pane');
      await pane.waitFor({ timeout: 30_000 });
      expect(await page.getAttribute('html', 'data-shell')).toBe('classic');
      expect(requests.some((u) => /\/legacy\/classic\./.test(u))).toBe(true);
      expect(requests.some((u) => /\/taskpane\.[0-9a-f]{8}\.js$/.test(u) || /\/react\./.test(u))).toBe(false);

      const sample = buildTemplate({ sample: true });
      const expected = check(sample.grid, {}).issues;
      await page.getByTestId('classic-check').click();
      await page.getByTestId('classic-issue').first().waitFor();
      const listed = page.getByTestId('classic-issue');
      expect(await listed.count()).toBe(expected.length);
      expect(await page.locator('[data-testid="classic-issue"][data-severity="error"]').count()).toBe(expected.filter((i) => i.severity === 'error').length);
      const red = (await stubCells(page)).filter((c) => (c.fill?.color ?? '').toUpperCase() === MARK_COLORS.error.toUpperCase());
      expect(red.length).toBeGreaterThan(0);
      await shot(page, 'classic-pane-check-350.png');

      // click-to-select: the first error's cells become the selection
      const first = page.locator('[data-testid="classic-issue"][data-severity="error"]').first();
      const cellsText = (await first.getAttribute('data-cells'))!;
      await first.locator('button').click();
      const selection = () =>
        page.evaluate(() => JSON.stringify((window as unknown as { __strictExcel: { excel: { wb: { selection: unknown } } } }).__strictExcel.excel.wb.selection));
      for (let i = 0; i < 50 && (await selection()) === 'null'; i++) await page.waitForTimeout(100);
      expect(JSON.parse(await selection())).not.toBeNull();
      expect(cellsText.length).toBeGreaterThan(0);

      // fill: preview, apply, undo
      await page.getByTestId('classic-fill').click();
      await page.getByTestId('classic-preview').waitFor();
      const rows = page.getByTestId('classic-preview-row');
      const n = await rows.count();
      expect(n).toBeGreaterThan(0);
      const address = (await rows.first().getAttribute('data-address'))!;
      const before = (await stubCells(page)).find((c) => c.address === address)?.value ?? null;
      await shot(page, 'classic-pane-preview-350.png');
      await page.getByTestId('classic-apply').click();
      await page.getByTestId('classic-preview').waitFor({ state: 'detached' });
      const after = (await stubCells(page)).find((c) => c.address === address)?.value ?? null;
      expect(after).not.toEqual(before);
      await page.getByTestId('classic-undo').click();
      // (Locators run in Playwright's own world: the page's polyfilled Symbol and Map there would confuse its helpers.)
      await page.getByTestId('classic-message').filter({ hasText: '已撤销。' }).waitFor();
      expect((await stubCells(page)).find((c) => c.address === address)?.value ?? null).toEqual(before);

      // clear marks: no red cell left
      await page.getByTestId('classic-clearMarks').click();
      await page.getByTestId('classic-message').filter({ hasText: '已清除' }).waitFor();
      const stillRed = (await stubCells(page)).filter((c) => (c.fill?.color ?? '').toUpperCase() === MARK_COLORS.error.toUpperCase());
      expect(stillRed).toEqual([]);

      // the plain statement of what needs a newer Excel (the stub is at Office 2019's ExcelApi 1.8)
      const newer = await page.getByTestId('classic-newer').textContent();
      expect(newer).toContain('ExcelApi 1.8');
      expect(newer).toContain('ExcelApi 1.10');

      // English
      await page.selectOption('select[data-key="language"]', 'en-US');
      await page.getByRole('button', { name: 'Check form' }).waitFor();
      await page.getByTestId('classic-check').click();
      await page.getByTestId('classic-issue').first().waitFor();
      expect(await page.getByTestId('classic-issues').textContent()).toContain('Check results');
      await shot(page, 'classic-pane-english-350.png');

      // The profile held (core-js brings Promise and the rest back; nothing brings fetch).
      expect(await page.evaluate(() => typeof (window as unknown as { fetch?: unknown }).fetch)).toBe('undefined');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('office.js blocked: the explanation, in zh-CN and en-US, within 5 s', async () => {
    const { context, page } = await open({ office: 'blocked' });
    try {
      const t0 = Date.now();
      await page.goto(`${served.origin}/taskpane.html`);
      const box = page.locator('#jixiao-startup-problem');
      await box.waitFor({ timeout: 5000 });
      const elapsed = Date.now() - t0;
      expect(elapsed).toBeLessThan(5000);
      expect(await box.getAttribute('data-problem')).toBe('no-office-js');
      const text = (await box.textContent()) ?? '';
      expect(text).toContain('助手无法启动');
      expect(text).toContain('OFFICE_JS=local');
      expect(text).toContain('Excel 2016');
      expect(text).toContain('The assistant cannot start');
      expect(text).toContain(CDN_OFFICE_JS);
      await shot(page, 'startup-office-js-blocked-350.png');
    } finally {
      await context.close();
    }
  });

  test('IE 11 profile, office.js blocked: the same explanation (boot.js is ES5 without polyfills)', async () => {
    const { context, page, errors } = await open({ office: 'blocked', ie11: true });
    try {
      await page.goto(`${served.origin}/taskpane.html`);
      await page.locator('#jixiao-startup-problem[data-problem="no-office-js"]').waitFor({ timeout: 5000 });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('opened in a browser outside Office: says to open it in Excel', async () => {
    const { context, page } = await open({ stubOptions: { host: null } });
    try {
      await page.goto(`${served.origin}/taskpane.html`);
      const box = page.locator('#jixiao-startup-problem');
      await box.waitFor({ timeout: 5000 });
      expect(await box.getAttribute('data-problem')).toBe('outside-office');
      expect(await box.textContent()).toContain('请在 Excel 中打开本助手');
    } finally {
      await context.close();
    }
  });

  test('a modern browser gets the React pane from the same page and downloads nothing of the legacy build', async () => {
    const { context, page, errors, requests } = await open({ width: 350 });
    try {
      await page.goto(`${served.origin}/taskpane.html`);
      await page.getByTestId('pane').waitFor({ timeout: 30_000 });
      expect(await page.getAttribute('html', 'data-shell')).toBe('modern');
      expect(requests.filter((u) => u.includes('/legacy/'))).toEqual([]);
      expect(requests.some((u) => /\/boot\.[0-9a-f]{8}\.js$/.test(u))).toBe(true);
      await page.getByRole('button', { name: '检查表单' }).first().click();
      await page.getByTestId('issue').first().waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
