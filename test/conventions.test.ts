/**
 * The package's conventions: the Node versions package.json and the README promise are ones every locked
 * dependency supports, and the command line ships as a plain-JavaScript bin (`npx jixiao …` after `npm ci`).
 */
import { spawnSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import path from 'path';
import semver from 'semver';
import { PAPER_XLSX } from './support/forms';

const ROOT = path.join(__dirname, '..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));

describe('Node versions', () => {
  // The lowest version of each range in engines.node ("^20.19.0 || >=22.13.0" -> 20.19.0 and 22.13.0).
  const lowest = (pkg.engines.node as string).split('||').map((r) => semver.minVersion(r.trim())!.version);

  it('every locked package supports the lowest Node versions package.json promises', () => {
    expect(lowest.length).toBeGreaterThan(0);
    const refusing: string[] = [];
    for (const [where, entry] of Object.entries(lock.packages as Record<string, { version?: string; engines?: { node?: string } }>)) {
      const range = entry.engines?.node;
      if (!where || !range) continue;
      for (const v of lowest) if (!semver.satisfies(v, range)) refusing.push(`${where.replace(/^.*node_modules\//, '')}@${entry.version} wants node ${range}, not ${v}`);
    }
    expect(refusing).toEqual([]);
  });

  it('the README names the same minimum', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`Node.js ${semver.major(lowest[0])}.${semver.minor(lowest[0])} or later`);
  });
});

describe('the jixiao bin', () => {
  const bin = path.join(ROOT, pkg.bin.jixiao);

  beforeAll(() => {
    // `npm ci` builds it (the prepare script). A checkout whose node_modules predates the bin builds it here;
    // CI sets JIXIAO_REQUIRE_BUILT_BIN so that a prepare that did not run fails instead.
    if (!existsSync(bin) && !process.env.JIXIAO_REQUIRE_BUILT_BIN) {
      const built = spawnSync('npm', ['run', '-s', 'build:cli'], { cwd: ROOT, encoding: 'utf8' });
      if (built.status !== 0) throw new Error(built.stderr);
    }
  });

  it('is plain JavaScript with a node shebang, built from src/cli/main.ts', () => {
    expect(existsSync(bin)).toBe(true);
    const js = readFileSync(bin, 'utf8');
    expect(js.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(js).not.toMatch(/\bimport\s.*from\s/);
  });

  it('npx jixiao --version prints the package version', () => {
    const r = spawnSync('npx', ['--no-install', 'jixiao', '--version'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`jixiao ${pkg.version}\n`);
    expect(r.status).toBe(0);
  });

  it('npx jixiao check runs the real check', () => {
    const r = spawnSync('npx', ['--no-install', 'jixiao', 'check', PAPER_XLSX, '--json'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).files[0].summary.errors).toBeGreaterThan(0);
  });
});
