#!/usr/bin/env node
/**
 * npm start: certificates, dev server, and how to load the add-in into Excel.
 *
 *   node scripts/start.mjs                 dev server in the background (stop it with npm stop)
 *   node scripts/start.mjs --foreground    dev server in this terminal (Ctrl+C stops it)
 *   node scripts/start.mjs --self-signed   skip office-addin-dev-certs, use an openssl certificate
 *
 * 1. Certificates: office-addin-dev-certs install (writes ~/.office-addin-dev-certs/ and tries to trust its
 *    CA; its exit code says nothing, so the files are checked instead), else a self-signed certificate in
 *    .certs/ made by openssl (webpack.config.js does that part, so the dev server uses the same files).
 * 2. The dev server (webpack serve) on https://localhost:3000, its pid in node_modules/.cache/jixiao/.
 * 3. Sideloading: with office-addin-debugging installed (optional, Windows and Mac only), it is run;
 *    otherwise the manual ways are printed. On Linux there is no desktop Excel: serve and print.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { request } from 'node:https';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const webpackConfig = require('../webpack.config.js');
const { DEV_ORIGIN, DEV_PORT, CERT_DIRS, ensureCertificates } = webpackConfig;

export const STATE_DIR = join(ROOT, 'node_modules', '.cache', 'jixiao');
export const PID_FILE = join(STATE_DIR, 'dev-server.pid');
export const LOG_FILE = join(STATE_DIR, 'dev-server.log');

const args = new Set(process.argv.slice(2));
const foreground = args.has('--foreground') || args.has('-f');
const selfSignedOnly = args.has('--self-signed');
const isWindows = process.platform === 'win32';
const say = (line = '') => process.stdout.write(`${line}\n`);

function bin(name) {
  const file = join(ROOT, 'node_modules', '.bin', isWindows ? `${name}.cmd` : name);
  return existsSync(file) ? file : null;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function runningPid() {
  if (!existsSync(PID_FILE)) return null;
  const pid = Number(readFileSync(PID_FILE, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : null;
}

function certificates() {
  const devCerts = CERT_DIRS.officeAddinDevCerts;
  const haveDevCerts = () => existsSync(join(devCerts, 'localhost.crt')) && existsSync(join(devCerts, 'localhost.key'));
  if (!selfSignedOnly && !haveDevCerts()) {
    const tool = bin('office-addin-dev-certs');
    if (tool) {
      say('Installing development certificates (office-addin-dev-certs install)…');
      // It may ask for an administrator password to trust its CA; its exit code is 0 even when that fails.
      spawnSync(tool, ['install', '--days', '365'], { stdio: 'inherit', timeout: 180_000, shell: isWindows });
    }
  }
  const cert = ensureCertificates({ log: (m) => say(m) });
  if (cert.source === 'office-addin-dev-certs') {
    say(`Certificate: office-addin-dev-certs (${devCerts}).`);
    say('  If Excel or the browser does not trust it: npx office-addin-dev-certs install (as administrator).');
  } else {
    const file = relative(ROOT, join(CERT_DIRS.selfSigned, 'localhost.crt'));
    say(`Certificate: self-signed, ${file}.`);
    say(`  Office does not trust it until you do: import ${file} as a trusted root certificate`);
    say('  (Windows: certmgr.msc > Trusted Root Certification Authorities; Mac: Keychain Access > System, Always Trust),');
    say(`  or open ${DEV_ORIGIN}/taskpane.html in the browser you use for Excel on the web and accept it.`);
  }
}

function probe(url) {
  return new Promise((resolve) => {
    const req = request(url, { method: 'GET', rejectUnauthorized: false, timeout: 5000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
    req.end();
  });
}

async function waitForServer(child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) return false;
    if ((await probe(`${DEV_ORIGIN}/taskpane.html`)) === 200) return true;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return false;
}

function webpackCli() {
  return join(dirname(require.resolve('webpack-cli/package.json')), 'bin', 'cli.js');
}

function instructions() {
  const manifest = join(ROOT, 'manifest.xml');
  say('');
  say(`Dev server: ${DEV_ORIGIN}  (task pane ${DEV_ORIGIN}/taskpane.html)`);
  say(`Workbench (the pane without Excel, any browser): ${DEV_ORIGIN}/workbench.html`);
  say(`Manifest: ${manifest}`);
  say('');
  say('Load the add-in into Excel:');
  say('  Excel on the web: Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in, choose manifest.xml.');
  say('  Windows desktop:');
  say('    - npx office-addin-debugging start manifest.xml desktop --app excel --dev-server-port 3000');
  say('      (optional tool, not installed by default: npm i -D office-addin-debugging; it needs a native module)');
  say('    - or a shared folder catalog: share the folder that holds manifest.xml, add \\\\<computer>\\<share> in');
  say('      Excel > File > Options > Trust Center > Trust Center Settings > Trusted Add-in Catalogs (Show in Menu),');
  say('      restart Excel, then Home > Add-ins (or Insert > My Add-ins) > SHARED FOLDER.');
  say('  Mac desktop: copy manifest.xml into ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/');
  say('      (create wef if needed), restart Excel, then Home > Add-ins (or Insert > My Add-ins).');
  if (process.platform === 'linux') say('  (This is Linux: no desktop Excel here. The server runs; use Excel on the web or the workbench.)');
  say('');
  say(foreground ? 'Ctrl+C stops the dev server.' : 'npm stop stops the dev server.');
}

function sideload() {
  const tool = bin('office-addin-debugging');
  if (!tool || !(isWindows || process.platform === 'darwin') || args.has('--no-sideload')) return;
  say('Sideloading with office-addin-debugging…');
  const r = spawnSync(tool, ['start', 'manifest.xml', 'desktop', '--app', 'excel', '--dev-server-port', String(DEV_PORT)], {
    cwd: ROOT,
    stdio: 'inherit',
    shell: isWindows,
  });
  if (r.status !== 0) say('office-addin-debugging did not finish; load the manifest by hand as described above.');
}

async function main() {
  const existing = runningPid();
  if (existing) {
    say(`The dev server is already running (pid ${existing}). npm stop stops it.`);
    instructions();
    return;
  }
  if ((await probe(`${DEV_ORIGIN}/`)) !== 0) {
    say(`Something already answers on ${DEV_ORIGIN} (not started by npm start). Stop it first, or use it.`);
    process.exitCode = 1;
    return;
  }
  certificates();

  const cliArgs = [webpackCli(), 'serve', '--mode', 'development'];
  mkdirSync(STATE_DIR, { recursive: true });
  if (foreground) {
    const child = spawn(process.execPath, cliArgs, { cwd: ROOT, stdio: 'inherit' });
    writeFileSync(PID_FILE, String(child.pid));
    const cleanup = () => rmSync(PID_FILE, { force: true });
    child.on('exit', (code) => {
      cleanup();
      process.exit(code ?? 0);
    });
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
    if (await waitForServer(child, 180_000)) {
      instructions();
      sideload();
    }
    return;
  }

  const log = openSync(LOG_FILE, 'w');
  const child = spawn(process.execPath, cliArgs, { cwd: ROOT, detached: true, stdio: ['ignore', log, log], windowsHide: true });
  writeFileSync(PID_FILE, String(child.pid));
  child.unref();
  say(`Starting the dev server (pid ${child.pid}, log ${relative(ROOT, LOG_FILE)})…`);
  if (!(await waitForServer(child, 180_000))) {
    say(`The dev server did not come up; see ${relative(ROOT, LOG_FILE)}:`);
    try {
      say(readFileSync(LOG_FILE, 'utf8').split('\n').slice(-30).join('\n'));
    } catch {
      // no log
    }
    if (alive(child.pid)) process.kill(child.pid);
    rmSync(PID_FILE, { force: true });
    process.exitCode = 1;
    return;
  }
  instructions();
  sideload();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
