#!/usr/bin/env node
// The README's test command: type-check once, then every jest suite (unit, adapter, browser end-to-end),
// and close with the one line CI reads: "tests: N passed, M failed".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const extra = process.argv.slice(2);
let failed = 0;
let passed = 0;

const tsc = spawnSync('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'], { stdio: 'inherit' });
if (tsc.status === 0) passed += 1;
else {
  failed += 1;
  console.error('typecheck failed');
}

const out = join(mkdtempSync(join(tmpdir(), 'jixiao-jest-')), 'results.json');
const jest = spawnSync('npx', ['jest', '--ci', '--json', `--outputFile=${out}`, ...extra], { stdio: 'inherit' });
if (existsSync(out)) {
  const r = JSON.parse(readFileSync(out, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  // A suite that crashed before running its tests counts as a failure of its own.
  failed += r.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
  if (r.numTotalTests === 0) {
    console.error('no test ran');
    failed += 1;
  }
} else {
  console.error('jest wrote no results');
  failed += 1;
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || jest.status !== 0 ? 1 : 0);
