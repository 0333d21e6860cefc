/**
 * Safe outputs: OUT is compared with every input by identity (device and inode, links followed), not by
 * path text, so a symlink or hard link to an input is refused; OUT's folder must exist and be writable; the
 * copy is written to a temporary file in OUT's folder and renamed into place only when complete, so a failed
 * write leaves an existing OUT as it was, and no temporary file stays behind.
 */
import { constants, promises as fs } from 'fs';
import path from 'path';
import { UsageError } from './args';

export class OutputError extends Error {}

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
      throw new UsageError(
        `--out 指向输入文件 ${input}（同一文件、链接或硬链接），输入文件不会被修改，请另选输出文件 (--out is the input ${input}, through a link or hard link: the input is never modified; choose another OUT)`,
      );
    }
  }
}

/** Fails early, before any work, when OUT cannot be written: missing or non-folder parent, OUT a folder, no write permission. */
export async function assertWritable(out: string): Promise<void> {
  const dir = path.dirname(path.resolve(out));
  const stat = await fs.stat(dir).catch(() => null);
  if (!stat) throw new OutputError(`输出文件夹不存在：${dir}（请先创建该文件夹） (the output folder does not exist: ${dir})`);
  if (!stat.isDirectory()) throw new OutputError(`输出路径的上级不是文件夹：${dir} (the output's parent is not a folder: ${dir})`);
  const target = await fs.stat(out).catch(() => null);
  if (target?.isDirectory()) throw new OutputError(`输出路径是一个文件夹：${out}（请给出文件名） (the output is a folder: ${out}; give a file name)`);
  if (target && !target.isFile()) throw new OutputError(`输出路径不是普通文件：${out} (the output is not a regular file: ${out})`);
  try {
    await fs.access(dir, constants.W_OK);
  } catch {
    throw new OutputError(`输出文件夹不可写：${dir} (the output folder is read-only: ${dir})`);
  }
}

function reasonOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return '磁盘空间不足 (no space left on the disk)';
  if (code === 'EACCES' || code === 'EPERM') return '没有写入权限 (permission denied)';
  if (code === 'EROFS') return '文件系统只读 (read-only file system)';
  return code ?? String((e as Error).message ?? e).split('\n')[0];
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
    throw new OutputError(`写入 ${out} 失败：${reasonOf(e)}；原有文件未改动 (writing ${out} failed: ${reasonOf(e)}; any existing file is unchanged)`);
  }
}

/** Writes bytes to OUT safely. */
export async function writeOutputBytes(out: string, bytes: Uint8Array): Promise<void> {
  await writeOutput(out, (tmp) => fs.writeFile(tmp, bytes, { flag: 'wx' }));
}
