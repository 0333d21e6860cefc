/** Runs one command line in this process and prints its time and the process's peak memory (for bench/annotate.ts). */
import { performance } from 'perf_hooks';
import { main } from '../src/cli/main';

async function run(): Promise<void> {
  const t0 = performance.now();
  const code = await main(process.argv.slice(2), { out: () => undefined, err: (s) => process.stderr.write(`${s}\n`), isTTY: false });
  const ms = performance.now() - t0;
  process.stdout.write(`${JSON.stringify({ code, ms, peakMB: process.resourceUsage().maxRSS / 1024 })}\n`);
}

void run();
