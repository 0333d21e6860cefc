#!/usr/bin/env node
/**
 * npm stop: stops the dev server that npm start left running (by the pid in its pid file, nothing else),
 * and, when office-addin-debugging is installed, lets it unregister the sideloaded add-in.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PID_FILE = join(ROOT, 'node_modules', '.cache', 'jixiao', 'dev-server.pid');
const isWindows = process.platform === 'win32';
const say = (line) => process.stdout.write(`${line}\n`);

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

async function stopServer() {
  if (!existsSync(PID_FILE)) {
    say('No dev server started by npm start is recorded (no pid file).');
    return;
  }
  const pid = Number(readFileSync(PID_FILE, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) {
    say('The recorded dev server is no longer running.');
    rmSync(PID_FILE, { force: true });
    return;
  }
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 200));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
  rmSync(PID_FILE, { force: true });
  say(`Stopped the dev server (pid ${pid}).`);
}

function unregister() {
  const tool = join(ROOT, 'node_modules', '.bin', isWindows ? 'office-addin-debugging.cmd' : 'office-addin-debugging');
  if (!existsSync(tool) || !(isWindows || process.platform === 'darwin')) return;
  spawnSync(tool, ['stop', 'manifest.xml'], { cwd: ROOT, stdio: 'inherit', shell: isWindows });
}

await stopServer();
unregister();
