/**
 * Safe outputs: OUT is compared with every input by identity (device and inode, links followed), not by
 * path text, so a symlink or hard link to an input is refused; OUT's folder must exist and be writable; the
 * copy is written to a temporary file in OUT's folder and renamed into place only when complete, so a failed
 * write leaves an existing OUT as it was, and no temporary file stays behind.
 */
import { constants, promises as fs } from 'fs';
import path from 'path';
import { UsageError } from './args';
import { classifyFileError, fileProblemText, type FileProblem, type FileProblemCode } from '../i18n/file-errors';

/** OUT cannot be written: the problem is said in the user's language (i18n/file-errors); the message is English, for logs. */
export class OutputError extends Error {
  readonly problem: FileProblem;
  constructor(code: FileProblemCode, file: string, data?: Record<string, string>) {
    const problem: FileProblem = { code, operation: 'write', file, data };
    super(fileProblemText(problem, 'en-US'));
    this.name = 'OutputError';
    this.problem = problem;
  }
}

async function identity(file: string): Promise<string | null> {
  try {
    const s = await fs.stat(file); // follows symlinks: a link to IN has IN's identity
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}

/** Refuses an OUT that is (a link to) one of the inputs. */
export async function assertNotAnInput(out: string, inputs: readonly string[]): Promise<void> {
  const outId = await identity(out);
  for (const input of inputs) {
    const same = outId !== null ? outId === (await identity(input)) : path.resolve(out) === path.resolve(input);
    if (same) {
      throw new UsageError('outIsInput', { input });
    }
  }
}

/** Fails early, before any work, when OUT cannot be written: missing or non-folder parent, OUT a folder, no write permission. */
export async function assertWritable(out: string): Promise<void> {
  const dir = path.dirname(path.resolve(out));
  const stat = await fs.stat(dir).catch(() => null);
  if (!stat) throw new OutputError('not-found', out, { folder: dir });
  if (!stat.isDirectory()) throw new OutputError('parent-not-folder', out, { folder: dir });
  const target = await fs.stat(out).catch(() => null);
  if (target?.isDirectory()) throw new OutputError('is-folder', out);
  if (target && !target.isFile()) throw new OutputError('not-regular', out);
  try {
    await fs.access(dir, constants.W_OK);
  } catch {
    throw new OutputError('no-permission', out, { folder: dir });
  }
}

/**
 * Writes OUT through a temporary file beside it. `write` fills the temporary path; on any failure the
 * temporary file is removed and OUT keeps what it held.
 */
export async function writeOutput(out: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const dir = path.dirname(path.resolve(out));
  const tmp = path.join(dir, `.${path.basename(out)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    await write(tmp);
    await fs.rename(tmp, out);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    if (e instanceof OutputError) throw e;
    const problem = classifyFileError(e, out, 'write');
    throw new OutputError(problem.code, out, problem.data);
  }
}

/** Writes bytes to OUT safely. */
export async function writeOutputBytes(out: string, bytes: Uint8Array): Promise<void> {
  await writeOutput(out, (tmp) => fs.writeFile(tmp, bytes, { flag: 'wx' }));
}
