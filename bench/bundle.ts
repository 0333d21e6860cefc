/** The task pane's production bundle: the JavaScript taskpane.html loads at start, raw and gzipped, and what loads later. */
import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import zlib from 'zlib';

export async function buildProduction(extraEnv: Record<string, string> = {}): Promise<string> {
  const out = await fs.mkdtemp(path.join(os.tmpdir(), 'jixiao-dist-'));
  execFileSync('npx', ['webpack', '--mode', 'production'], {
    env: { ...process.env, OUTPUT_DIR: out, ADDIN_ORIGIN: 'https://addins.example.test', WORKBENCH: '1', ...extraEnv },
    stdio: 'ignore',
  });
  return out;
}

/** The scripts taskpane.html loads at start in each kind of webview: boot.js plus its modern or its legacy list. */
export async function startScripts(dist: string): Promise<{ modern: string[]; legacy: string[] }> {
  const html = await fs.readFile(path.join(dist, 'taskpane.html'), 'utf8');
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  const attr = (tag: string, name: string) => new RegExp(`\\s${name}=(?:"([^"]*)"|([^\\s"'>]+))`).exec(tag)?.slice(1).find((v) => v !== undefined);
  const own = tags.map((t) => attr(t, 'src')).filter((s): s is string => !!s && !/^https?:/.test(s) && !s.includes('office-js/'));
  const boot = tags.find((t) => attr(t, 'id') === 'jixiao-boot');
  const list = (name: string) => (boot ? (attr(boot, name) ?? '') : '').split(' ').filter(Boolean);
  return { modern: [...own, ...list('data-modern')], legacy: [...own, ...list('data-legacy')] };
}

async function sizes(dist: string, files: string[]): Promise<{ raw: number; gz: number }> {
  let raw = 0;
  let gz = 0;
  for (const s of files) {
    const buf = await fs.readFile(path.join(dist, s.replace(/^\.?\//, '')));
    raw += buf.length;
    gz += zlib.gzipSync(buf, { level: 9 }).length;
  }
  return { raw, gz };
}

export async function benchBundle(dist: string): Promise<string[]> {
  const { modern, legacy } = await startScripts(dist);
  const m = await sizes(dist, modern);
  const l = await sizes(dist, legacy);
  const all = (await fs.readdir(dist)).filter((f) => f.endsWith('.js'));
  const lazy = all.filter((f) => !modern.includes(f));
  let lazyRaw = 0;
  for (const f of lazy) lazyRaw += (await fs.stat(path.join(dist, f))).size;
  const kb = (n: number) => (n / 1024).toFixed(1);
  return [
    '## Task pane bundle (production)',
    `  modern hosts, loaded at start: ${modern.length} scripts (boot.js + React pane + ribbon functions), ${kb(m.raw)} KB raw, ${kb(m.gz)} KB gzipped`,
    `  legacy webviews (IE 11, Edge Legacy), loaded at start: ${legacy.length} scripts (boot.js + ES5 classic pane + ribbon functions, with core-js), ${kb(l.raw)} KB raw, ${kb(l.gz)} KB gzipped`,
    `  modern, loaded on demand (e.g. the .xlsx reader on import) or by other pages: ${lazy.length} files, ${kb(lazyRaw)} KB raw`,
  ];
}
