#!/usr/bin/env node
// The README's test command: lint and type-check once (each counted as one test), then every jest suite
// (unit, adapter, browser end-to-end), and close with the one line CI reads: "tests: N passed, M failed". Tests
// that did not run are counted too: the line then ends ", K skipped", after a line naming them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const extra = process.argv.slice(2);
let failed = 0;
let passed = 0;

let skipped = 0;
const skippedNames = [];

// A lint error fails the run like a failing test does (CI reads only the last line).
const lint = spawnSync('npx', ['eslint', '.'], { stdio: 'inherit' });
if (lint.status === 0) passed += 1;
else {
  failed += 1;
  console.error('lint failed: run npm run lint and fix what it lists');
}

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
  skipped += r.numPendingTests + r.numTodoTests;
  for (const suite of r.testResults) {
    for (const t of suite.assertionResults) if (t.status !== 'passed' && t.status !== 'failed') skippedNames.push(t.fullName);
  }
  if (r.numTotalTests === 0) {
    console.error('no test ran');
    failed += 1;
  }
} else {
  console.error('jest wrote no results');
  failed += 1;
}
if (skipped > 0) console.log(`skipped (did not run): ${skippedNames.join('; ')}`);
console.log(`tests: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || jest.status !== 0 ? 1 : 0);
