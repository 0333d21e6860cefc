/** Batch review memory: peak RSS of `review` over 20 and over 500 generated forms, each run in its own process. */
import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { writeForms } from '../test/support/generate';

const CHILD = `
const { main } = require('./src/cli/main');
const t0 = Date.now();
main(['review', process.argv[1], '--out', process.argv[2]], { out: () => {}, err: () => {}, isTTY: false }).then(() => {
  process.stdout.write(JSON.stringify({ ms: Date.now() - t0, maxRssKb: process.resourceUsage().maxRSS, heapMb: process.memoryUsage().heapUsed / 2 ** 20 }));
});`;

export async function benchReview(): Promise<string[]> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'jixiao-review-bench-'));
  const lines = ['## Batch review: peak memory by number of forms (one process per run)'];
  for (const n of [20, 500]) {
    const dir = path.join(root, `forms-${n}`);
    await fs.mkdir(dir);
    await writeForms(dir, n);
    const out = execFileSync('npx', ['tsx', '-e', CHILD, dir, path.join(root, `review-${n}.xlsx`)], { cwd: path.join(__dirname, '..'), encoding: 'utf8' });
    const r = JSON.parse(out.trim().split('\n').pop()!);
    lines.push(`  ${String(n).padStart(3)} forms: ${(r.ms / 1000).toFixed(1)} s (${(r.ms / n).toFixed(0)} ms/form), peak RSS ${(r.maxRssKb / 1024).toFixed(0)} MB, heap at end ${r.heapMb.toFixed(0)} MB`);
  }
  await fs.rm(root, { recursive: true, force: true });
  return lines;
}
