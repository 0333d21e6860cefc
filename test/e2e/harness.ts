/**
 * Browser test harness: one webpack build per run into a temporary directory (OUTPUT_DIR), a tiny static
 * server on 127.0.0.1 (random port) over it, and Debian's chromium driven by playwright-core. No network:
 * the pages get only what the server has, and every request is recorded.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import type { AddressInfo } from 'net';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';

export const ROOT = path.join(__dirname, '..', '..');
export const ARTIFACTS = path.join(ROOT, 'test', 'artifacts');
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const WEBPACK_CLI = path.join(path.dirname(require.resolve('webpack-cli/package.json')), 'bin', 'cli.js');

/** Builds the pages (development mode: the workbench is only in development builds) into a fresh temp dir. */
export function buildPages(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-e2e-'));
  const env = { ...process.env };
  for (const k of ['OFFICE_JS', 'SHARED_RUNTIME', 'WORKBENCH', 'ADDIN_ORIGIN', 'NODE_ENV']) delete env[k];
  env.OUTPUT_DIR = dir;
  // The workbench needs no legacy (ES5) build; test/legacy.test.ts covers that one.
  env.LEGACY = 'off';
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WEBPACK_CLI, '--mode', 'development'], { cwd: ROOT, env });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0 && fs.existsSync(path.join(dir, 'workbench.html'))) resolve(dir);
      else reject(new Error(`webpack failed (exit ${code}):\n${output.slice(-4000)}`));
    });
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.css': 'text/css',
};

export interface Served {
  origin: string;
  close(): Promise<void>;
}

/** Serves `dir` read-only on 127.0.0.1 at a random port. */
export function serve(dir: string): Promise<Served> {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = path.resolve(root, `.${decodeURIComponent(url.pathname)}`);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
  });
}

/** Chromium from Debian; fails loudly when it is missing (these tests are never skipped). */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: apt-get update && apt-get install -y chromium`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface OpenPage {
  context: BrowserContext;
  page: Page;
  requests: string[];
  errors: string[];
}

/** A fresh context (own storage) and page, recording every request and every page error. */
export async function openPage(browser: Browser, url: string): Promise<OpenPage> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r: Request) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  await page.waitForFunction(() => !!(window as unknown as { __jixiao?: unknown }).__jixiao);
  await page.getByTestId('pane').waitFor();
  return { context, page, requests, errors };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.waitForTimeout(250); // let Fluent's hover and enable transitions settle
  const file = path.join(ARTIFACTS, name);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}
