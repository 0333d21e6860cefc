/**
 * The bounded zip reader for Office packages (.xlsx, .xlsm, .docx), with no Node dependency: the task pane
 * runs it in the browser for a .docx, the command line (through ./zip, with zlib behind it) for everything.
 *
 * `openZip(bytes)` lists the parts from the central directory without inflating anything; a part is inflated
 * only when asked for (`read(name)` / `text(name)`), and never past the limits: each part and the total
 * inflated by one archive are capped (200 MB / 300 MB by default), checked against the declared size first
 * and enforced while inflating (a zip bomb's declared sizes may lie). `readParts(bytes)` is the one-call form:
 * bytes -> named parts. Inflating is an `Inflater`'s job: by default the plain TypeScript one of ./inflate.
 *
 * The format: PKWARE APPNOTE.TXT (https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT); packages:
 * ECMA-376 Part 2 (OPC), which allows only stored and deflated parts.
 */
import { crc32, inflateRaw } from './inflate';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './limits';

/** Raw DEFLATE and CRC-32. Output past `maxOutputLength` must throw a RangeError (read as a zip bomb). */
export interface Inflater {
  inflateRaw(data: Uint8Array, maxOutputLength: number): Uint8Array;
  crc32(data: Uint8Array): number;
}

/** The plain TypeScript inflater, for where there is no zlib. */
export const PORTABLE_INFLATER: Inflater = { inflateRaw, crc32 };

export { DEFAULT_ZIP_LIMITS, type ZipLimits };

export type ZipProblem = 'not-zip' | 'corrupt' | 'encrypted' | 'unsupported' | 'too-large' | 'missing-part';

/** Every failure of the zip layer: a problem code for callers and a one-line zh-CN (en-US) message. */
export class ZipError extends Error {
  constructor(
    readonly problem: ZipProblem,
    message: string,
  ) {
    super(message);
    this.name = 'ZipError';
  }
}

const MB = 2 ** 20;
const mb = (n: number) => `${Math.round(n / MB)} MB`;

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  size: number;
  /** Offset of the local file header. */
  localOffset: number;
  /** Offset of the compressed data. */
  dataOffset: number;
  /** The central directory record as stored (copied on write). */
  central: Uint8Array;
}

export const SIG_LOCAL = 0x04034b50;
export const SIG_CENTRAL = 0x02014b50;
export const SIG_END = 0x06054b50;
export const SIG_DESCRIPTOR = 0x08074b50;

export function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

const utf8 = new TextDecoder('utf-8');

export class ZipArchive {
  private inflated = 0;

  constructor(
    readonly bytes: Uint8Array,
    readonly entries: Map<string, ZipEntry>,
    readonly limits: ZipLimits,
    /** The archive comment and anything between the last part and the central directory are dropped on write. */
    readonly comment: Uint8Array,
    private readonly inflater: Inflater = PORTABLE_INFLATER,
  ) {}

  names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The stored (compressed) bytes of a part. */
  raw(name: string): Uint8Array {
    const e = this.entry(name);
    return this.bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  }

  /** A part's bytes, inflated within the limits. */
  read(name: string): Uint8Array {
    const e = this.entry(name);
    const room = Math.min(this.limits.maxPartBytes, this.limits.maxTotalBytes - this.inflated);
    if (e.size > room) throw tooLarge(name, e.size > this.limits.maxPartBytes ? this.limits.maxPartBytes : this.limits.maxTotalBytes, e.size > this.limits.maxPartBytes);
    const raw = this.raw(name);
    let out: Uint8Array;
    if (e.method === 0) out = raw;
    else {
      try {
        // maxOutputLength stops inflating at the cap, whatever the header claims.
        out = this.inflater.inflateRaw(raw, Math.max(room, 1));
      } catch (err) {
        if (err instanceof RangeError) {
          throw tooLarge(name, room === this.limits.maxPartBytes ? this.limits.maxPartBytes : this.limits.maxTotalBytes, room === this.limits.maxPartBytes);
        }
        throw new ZipError('corrupt', `文件已损坏，无法解压部件 ${name} (the file is damaged: part ${name} cannot be inflated)`);
      }
    }
    if (out.length !== e.size || this.inflater.crc32(out) !== e.crc32) {
      throw new ZipError('corrupt', `文件已损坏：部件 ${name} 校验失败 (the file is damaged: part ${name} fails its checksum)`);
    }
    this.inflated += out.length;
    return out;
  }

  /** A part as UTF-8 text (a byte order mark is dropped). */
  text(name: string): string {
    const s = utf8.decode(this.read(name));
    return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  }

  entry(name: string): ZipEntry {
    const e = this.entries.get(name);
    if (!e) throw new ZipError('missing-part', `文件缺少部件 ${name} (the package has no part ${name})`);
    return e;
  }
}

function tooLarge(name: string, limit: number, perPart: boolean): ZipError {
  return new ZipError(
    'too-large',
    perPart
      ? `文件内容解压后过大（部件 ${name} 超过 ${mb(limit)}），可能是恶意文件，已拒绝读取 (part ${name} inflates past ${mb(limit)}: refused as a possible zip bomb)`
      : `文件内容解压后总量过大（超过 ${mb(limit)}），可能是恶意文件，已拒绝读取 (the parts inflate past ${mb(limit)} in total: refused as a possible zip bomb)`,
  );
}

const NOT_ZIP = () => new ZipError('not-zip', '不是有效的 .xlsx/.docx 文件（不是 zip 压缩包） (not an Office Open XML file: not a zip archive)');
const CORRUPT = (what: string) => new ZipError('corrupt', `文件已损坏或不完整（${what}） (the file is damaged or truncated: ${what})`);

/** Lists an archive's parts. Nothing is inflated here. */
export function openZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS, inflater: Inflater = PORTABLE_INFLATER): ZipArchive {
  if (bytes.length < 22) throw NOT_ZIP();
  const dv = view(bytes);
  if (dv.getUint32(0, true) !== SIG_LOCAL) throw NOT_ZIP();
  // The end record sits in the last 22 + 65535 (comment) bytes.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (dv.getUint32(i, true) === SIG_END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw CORRUPT('no end of central directory');
  const count = dv.getUint16(end + 10, true);
  const cdSize = dv.getUint32(end + 12, true);
  const cdOffset = dv.getUint32(end + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipError('unsupported', '不支持 ZIP64 格式的文件 (ZIP64 archives are not supported)');
  if (count > limits.maxEntries) throw new ZipError('too-large', `文件包含的部件过多（${count} 个） (too many parts: ${count})`);
  if (cdOffset + cdSize > end) throw CORRUPT('central directory out of range');
  const entries = new Map<string, ZipEntry>();
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || dv.getUint32(p, true) !== SIG_CENTRAL) throw CORRUPT('bad central directory');
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    const crc32 = dv.getUint32(p + 16, true);
    const compressedSize = dv.getUint32(p + 20, true);
    const size = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const localOffset = dv.getUint32(p + 42, true);
    const recordEnd = p + 46 + nameLen + extraLen + commentLen;
    if (recordEnd > end) throw CORRUPT('bad central directory');
    const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (flags & 1) throw new ZipError('encrypted', `文件已加密，无法读取 (the file is encrypted): ${name}`);
    if (method !== 0 && method !== 8) throw new ZipError('unsupported', `部件 ${name} 使用了不支持的压缩方式 ${method} (part ${name} uses unsupported compression ${method})`);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) throw new ZipError('unsupported', '不支持 ZIP64 格式的文件 (ZIP64 archives are not supported)');
    if (localOffset + 30 > bytes.length || dv.getUint32(localOffset, true) !== SIG_LOCAL) throw CORRUPT(`bad local header of ${name}`);
    const dataOffset = localOffset + 30 + dv.getUint16(localOffset + 26, true) + dv.getUint16(localOffset + 28, true);
    if (dataOffset + compressedSize > bytes.length) throw CORRUPT(`part ${name} runs past the end`);
    if (entries.has(name)) throw CORRUPT(`part ${name} listed twice`);
    entries.set(name, { name, method, flags, crc32, compressedSize, size, localOffset, dataOffset, central: bytes.subarray(p, recordEnd) });
    p = recordEnd;
  }
  const commentLen = dv.getUint16(end + 20, true);
  return new ZipArchive(bytes, entries, limits, bytes.subarray(end + 22, end + 22 + commentLen), inflater);
}

/** Bytes -> named parts (all, or those `wanted` accepts), inflated within the limits. */
export function readParts(bytes: Uint8Array, wanted: (name: string) => boolean = () => true, limits: ZipLimits = DEFAULT_ZIP_LIMITS, inflater: Inflater = PORTABLE_INFLATER): Map<string, Uint8Array> {
  const zip = openZip(bytes, limits, inflater);
  const out = new Map<string, Uint8Array>();
  for (const name of zip.names()) if (wanted(name)) out.set(name, zip.read(name));
  return out;
}
