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

export async function benchBundle(dist: string): Promise<string[]> {
  const html = await fs.readFile(path.join(dist, 'taskpane.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]*\bsrc=["']?([^"'\s>]+)/g)].map((m) => m[1]).filter((s) => !/^https?:/.test(s) && !s.includes('office-js/'));
  let raw = 0;
  let gz = 0;
  for (const s of scripts) {
    const buf = await fs.readFile(path.join(dist, s.replace(/^\.?\//, '')));
    raw += buf.length;
    gz += zlib.gzipSync(buf, { level: 9 }).length;
  }
  const all = (await fs.readdir(dist)).filter((f) => f.endsWith('.js'));
  const lazy = all.filter((f) => !scripts.some((s) => s.endsWith(f)));
  let lazyRaw = 0;
  for (const f of lazy) lazyRaw += (await fs.stat(path.join(dist, f))).size;
  return [
    '## Task pane bundle (production)',
    `  loaded at start: ${scripts.length} scripts, ${(raw / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzipped`,
    `  loaded on demand (e.g. the .xlsx reader on import) or by other pages: ${lazy.length} files, ${(lazyRaw / 1024).toFixed(1)} KB raw`,
  ];
}
