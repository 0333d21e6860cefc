/**
 * The production build, run for real: once with office.js from the CDN and once with OFFICE_JS=local, both
 * for ADDIN_ORIGIN=https://addins.example.test into temporary directories (in parallel).
 * Checks what Office and the pages' Content-Security-Policy depend on, and prints the task pane's initial
 * JavaScript size.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';

const ROOT = path.join(__dirname, '..');
const ORIGIN = 'https://addins.example.test';
const CDN_HOST = 'appsforoffice.microsoft.com';
const OFFICE_JS_CDN = `https://${CDN_HOST}/lib/1/hosted/office.js`;
const WEBPACK_CLI = path.join(path.dirname(require.resolve('webpack-cli/package.json')), 'bin', 'cli.js');

interface Build {
  dir: string;
  code: number | null;
  output: string;
}

function build(name: string, env: Record<string, string>): Promise<Build> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `jixiao-${name}-`));
  const clean = { ...process.env };
  for (const k of ['OFFICE_JS', 'SHARED_RUNTIME', 'WORKBENCH', 'ADDIN_ORIGIN', 'OUTPUT_DIR', 'NODE_ENV']) delete clean[k];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WEBPACK_CLI, '--mode', 'production'], {
      cwd: ROOT,
      env: { ...clean, ADDIN_ORIGIN: ORIGIN, OUTPUT_DIR: dir, ...env },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ dir, code, output }));
  });
}

/** A tag's attribute, quoted or not (the built HTML is minified). */
function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

function scripts(html: string): { src?: string; body: string; tag: string }[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)].map((m) => ({
    tag: `<script ${m[1]}>`,
    src: attr(` ${m[1]}`, 'src'),
    body: m[2],
  }));
}

function csp(html: string): Map<string, string[]> {
  const metas = [...html.matchAll(/<meta\b[^>]*>/gi)].map((m) => m[0]);
  const tag = metas.find((t) => (attr(t, 'http-equiv') ?? '').toLowerCase() === 'content-security-policy');
  if (!tag) throw new Error('no Content-Security-Policy meta');
  const policy = attr(tag, 'content') ?? '';
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([k, ...v]) => [k.toLowerCase(), v]),
  );
}

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : [p];
  });
}

function manifestUrls(xml: string): string[] {
  return [...xml.matchAll(/\s(?:DefaultValue|Value)="([^"]+)"/g)].map((m) => m[1]).filter((v) => /^[a-z]+:\/\//i.test(v));
}

/** acorn, as webpack itself uses it. */
function parsesAs(code: string, ecmaVersion: 2017 | 2020): boolean {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const acorn = require(require.resolve('acorn', { paths: [path.dirname(require.resolve('webpack'))] })) as {
    parse(code: string, options: { ecmaVersion: number }): unknown;
  };
  try {
    acorn.parse(code, { ecmaVersion });
    return true;
  } catch {
    return false;
  }
}

let cdn: Build;
let local: Build;

beforeAll(async () => {
  [cdn, local] = await Promise.all([build('cdn', {}), build('local', { OFFICE_JS: 'local' })]);
}, 1_800_000);

afterAll(() => {
  for (const b of [cdn, local]) if (b) fs.rmSync(b.dir, { recursive: true, force: true });
});

describe.each([
  ['OFFICE_JS=cdn', () => cdn],
  ['OFFICE_JS=local', () => local],
])('production build, %s', (_, get) => {
  test('succeeds without errors', () => {
    const b = get();
    if (b.code !== 0) throw new Error(b.output);
    expect(b.output).not.toMatch(/\bERROR\b/);
  });

  test('has the pages and the manifest; the workbench stays out of production', () => {
    const { dir } = get();
    for (const f of ['taskpane.html', 'commands.html', 'manifest.xml']) expect(fs.existsSync(path.join(dir, f))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'workbench.html'))).toBe(false);
  });

  test('manifest.xml: every URL on ADDIN_ORIGIN, each pointing at a file of the build', () => {
    const { dir } = get();
    const xml = fs.readFileSync(path.join(dir, 'manifest.xml'), 'utf8');
    expect(xml).not.toContain('localhost');
    const urls = manifestUrls(xml);
    expect(urls.length).toBeGreaterThan(15);
    for (const url of urls) {
      expect(url.startsWith(`${ORIGIN}/`)).toBe(true);
      const file = path.join(dir, new URL(url).pathname);
      expect({ url, exists: fs.existsSync(file) }).toEqual({ url, exists: true });
    }
    expect(xml).toContain(`<Runtime resid="Taskpane.Url" lifetime="long"/>`);
  });

  test.each(['taskpane.html', 'commands.html'])('%s: CSP meta, scripts from files only, office.js first', (page) => {
    const { dir } = get();
    const html = fs.readFileSync(path.join(dir, page), 'utf8');
    const policy = csp(html);
    const scriptSrc = policy.get('script-src')!;
    expect(scriptSrc).toEqual(get() === cdn ? ["'self'", `https://${CDN_HOST}`] : ["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    for (const v of [...policy.values()].flat()) expect(v).not.toBe("'unsafe-eval'");

    const tags = scripts(html);
    expect(tags.length).toBeGreaterThan(1);
    for (const s of tags) {
      expect({ tag: s.tag, src: Boolean(s.src) }).toEqual({ tag: s.tag, src: true });
      expect(s.body.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i); // no inline event handlers either
    expect(tags[0].src).toBe(get() === cdn ? OFFICE_JS_CDN : 'office-js/office.js');
    expect(tags[0].tag).not.toMatch(/\b(defer|async)\b/);
    for (const s of tags.slice(1)) {
      expect(s.tag).toMatch(/\bdefer\b/);
      expect(fs.existsSync(path.join(dir, s.src!))).toBe(true);
    }
    // Only boot.js after office.js; it loads the modern or the legacy list (test/legacy.test.ts checks those).
    expect(tags.map((s) => s.src)).toEqual([tags[0].src, expect.stringMatching(/^boot\.[0-9a-f]{8}\.js$/)]);
    // taskpane.html is the shared runtime's page: it runs the ribbon functions too, in both builds
    const boot = tags[1].tag;
    for (const list of ['data-modern', 'data-legacy']) {
      const files = (attr(boot, list) ?? '').split(' ');
      expect(files.some((f) => /^(legacy\/)?commands\.[0-9a-f]{8}\.js$/.test(f))).toBe(true);
      for (const f of files) expect(fs.existsSync(path.join(dir, f))).toBe(true);
    }
  });

  test('our own chunks use no eval and no syntax newer than ES2020 (older webviews get the legacy ES5 build)', () => {
    const { dir } = get();
    for (const f of fs.readdirSync(dir).filter((f) => /^(runtime|commands|taskpane)\.[0-9a-f]{8}\.js$/.test(f))) {
      const code = fs.readFileSync(path.join(dir, f), 'utf8');
      expect({ f, eval: /\beval\(/.test(code) }).toEqual({ f, eval: false });
      expect({ f, es2020: parsesAs(code, 2020) }).toEqual({ f, es2020: true });
    }
  });
});

describe('OFFICE_JS=cdn', () => {
  test('reports the task pane initial JavaScript size (modern hosts: boot.js and its modern list)', () => {
    const html = fs.readFileSync(path.join(cdn.dir, 'taskpane.html'), 'utf8');
    const tags = scripts(html);
    const bundles = [
      ...tags.map((s) => s.src!).filter((s) => !/^https?:/.test(s)),
      ...(attr(tags[tags.length - 1].tag, 'data-modern') ?? '').split(' ').filter(Boolean),
    ];
    let raw = 0;
    let gz = 0;
    const rows = bundles.map((b) => {
      const buf = fs.readFileSync(path.join(cdn.dir, b));
      const g = zlib.gzipSync(buf, { level: 9 }).length;
      raw += buf.length;
      gz += g;
      const es2020 = parsesAs(buf.toString('utf8'), 2020) ? 'es2020' : 'NEWER THAN ES2020';
      return `  ${b.padEnd(28)} ${String(buf.length).padStart(8)} B  gzip ${String(g).padStart(7)} B  ${es2020}`;
    });
    console.log(`taskpane.html initial JavaScript:\n${rows.join('\n')}\n  total ${raw} B, gzip ${gz} B`);
    expect(raw).toBeGreaterThan(0);
  });
});

describe('OFFICE_JS=local', () => {
  test('ships office.js and the Excel and locale files it loads, unchanged', () => {
    const src = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
    const out = path.join(local.dir, 'office-js');
    for (const f of ['office.js', 'excel-win32-16.01.js', 'excel-web-16.00.js', 'excel-mac-16.00.js', 'zh-cn/office_strings.js', 'en-us/office_strings.js']) {
      expect(fs.readFileSync(path.join(out, f)).equals(fs.readFileSync(path.join(src, f)))).toBe(true);
    }
    expect(fs.existsSync(path.join(out, 'office.debug.js'))).toBe(false);
    expect(fs.existsSync(path.join(out, 'outlook-win32-16.02.js'))).toBe(false);
  });

  test('has no reference to the Microsoft CDN anywhere', () => {
    const offenders = files(local.dir)
      .filter((f) => /\.(html|js|xml|css|json|txt|map)$/.test(f))
      .filter((f) => fs.readFileSync(f, 'utf8').includes(CDN_HOST))
      .map((f) => path.relative(local.dir, f));
    expect(offenders).toEqual([]);
  });
});

describe('the lazy-only guard', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { LazyOnlyGuard } = require('../webpack.config.js') as { LazyOnlyGuard: new (entries: string[]) => unknown };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack') as typeof import('webpack');

  function compile(entry: string): Promise<string[]> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-guard-'));
    fs.mkdirSync(path.join(dir, 'node_modules', 'exceljs'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'node_modules', 'exceljs', 'package.json'), '{"name":"exceljs","main":"index.js"}');
    fs.writeFileSync(path.join(dir, 'node_modules', 'exceljs', 'index.js'), 'module.exports = { Workbook: function () {} };');
    fs.writeFileSync(path.join(dir, 'entry.js'), entry);
    return new Promise((resolve, reject) => {
      webpack(
        {
          mode: 'development',
          devtool: false,
          context: dir,
          entry: { taskpane: './entry.js' },
          output: { path: path.join(dir, 'out') },
          optimization: { runtimeChunk: 'single', splitChunks: { chunks: 'all' } },
          plugins: [LazyOnlyGuard ? (new LazyOnlyGuard(['taskpane']) as import('webpack').WebpackPluginInstance) : undefined],
        },
        (err, stats) => {
          fs.rmSync(dir, { recursive: true, force: true });
          if (err || !stats) return reject(err);
          resolve(stats.toJson({ all: false, errors: true }).errors!.map((e) => e.message));
        },
      );
    });
  }

  test('fails the build when exceljs is imported statically into the task pane', async () => {
    const errors = await compile("import ExcelJS from 'exceljs'; console.log(ExcelJS);");
    expect(errors.join('\n')).toMatch(/exceljs .* initial chunk of "taskpane"/);
  });

  test('accepts exceljs behind a dynamic import()', async () => {
    const errors = await compile("document.onclick = () => import('exceljs').then((m) => console.log(m));");
    expect(errors).toEqual([]);
  });
});
