/** `npm run bench`: prints every figure of the benchmark in one run. */
import os from 'os';
import { benchCli, benchCore } from './core';
import { benchBundle, buildProduction } from './bundle';
import { benchAdapter } from './adapter';
import { benchBrowser } from './browser';
import { benchReview } from './review';
import { benchAnnotateLarge } from './annotate';

async function main(): Promise<void> {
  console.log(`# jixiao benchmark — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`);
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} (figures scale with other work on the machine)`);
  for (const part of [benchCore, benchAdapter, benchCli, () => benchAnnotateLarge(200000), benchReview]) {
    for (const line of await part()) console.log(line);
  }
  const dist = await buildProduction();
  for (const line of await benchBundle(dist)) console.log(line);
  for (const line of await benchBrowser(dist)) console.log(line);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
