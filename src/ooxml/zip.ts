/**
 * Office packages (.xlsx, .xlsm, .docx) as zip archives, on Node: the bounded reader of ./zip-read with zlib
 * behind it, and a faithful writer.
 *
 * Reading: `openZip(bytes)` / `readParts(bytes)` as in ./zip-read (limits 200 MB per part, 300 MB in total;
 * every failure a ZipError with a zh-CN (en-US) message), inflating with Node's zlib.
 *
 * Writing: `writeZip(entries)` copies every part it is not given new bytes for exactly as it was stored (the
 * compressed bytes, local header and central directory record), so untouched parts stay byte for byte.
 */
import zlib from 'zlib';
import {
  DEFAULT_ZIP_LIMITS,
  openZip as openZipWith,
  readParts as readPartsWith,
  SIG_CENTRAL,
  SIG_DESCRIPTOR,
  SIG_END,
  SIG_LOCAL,
  view,
  type Inflater,
  type ZipArchive,
  type ZipLimits,
} from './zip-read';

export { DEFAULT_ZIP_LIMITS, ZipArchive, ZipError, type Inflater, type ZipEntry, type ZipLimits, type ZipProblem } from './zip-read';

/** zlib's raw inflate and crc32; its "output too large" error becomes the RangeError the reader expects. */
export const ZLIB_INFLATER: Inflater = {
  inflateRaw(data, maxOutputLength) {
    try {
      return zlib.inflateRawSync(data, { maxOutputLength });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new RangeError((err as Error).message);
      throw err;
    }
  },
  crc32: (data) => zlib.crc32(data) >>> 0,
};

/** Lists an archive's parts (nothing is inflated here); parts inflate with zlib. */
export function openZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipArchive {
  return openZipWith(bytes, limits, ZLIB_INFLATER);
}

/** Bytes -> named parts (all, or those `wanted` accepts), inflated with zlib within the limits. */
export function readParts(bytes: Uint8Array, wanted: (name: string) => boolean = () => true, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Map<string, Uint8Array> {
  return readPartsWith(bytes, wanted, limits, ZLIB_INFLATER);
}

/** One part of an archive to write: new bytes, or a part copied as stored from an opened archive. */
export type ZipOutEntry = { name: string; data: Uint8Array } | { name: string; from: ZipArchive };

function u16(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff];
}
function u32(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
}

// 1980-01-01 00:00 in DOS time: new parts carry a fixed time so the same input gives the same output.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** Writes an archive: copied parts byte for byte as stored, new parts deflated. */
export function writeZip(entries: readonly ZipOutEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const push = (c: Uint8Array) => {
    chunks.push(c);
    offset += c.length;
  };
  for (const e of entries) {
    const start = offset;
    if ('from' in e) {
      const src = e.from.entry(e.name);
      const dv = view(e.from.bytes);
      // The local record as stored: header, data, and the data descriptor that follows when flag bit 3 is set.
      let recordEnd = src.dataOffset + src.compressedSize;
      if (src.flags & 8) recordEnd += dv.getUint32(recordEnd, true) === SIG_DESCRIPTOR ? 16 : 12;
      push(e.from.bytes.subarray(src.localOffset, recordEnd));
      const record = Uint8Array.from(src.central);
      view(record).setUint32(42, start, true);
      central.push(record);
      continue;
    }
    const name = Buffer.from(e.name, 'utf8');
    const deflated = zlib.deflateRawSync(e.data, { level: 6 });
    const stored = deflated.length >= e.data.length;
    const body = stored ? e.data : deflated;
    const crc = zlib.crc32(e.data) >>> 0;
    const common = [...u16(20), ...u16(0x0800), ...u16(stored ? 0 : 8), ...u16(DOS_TIME), ...u16(DOS_DATE), ...u32(crc), ...u32(body.length), ...u32(e.data.length), ...u16(name.length), ...u16(0)];
    push(Uint8Array.from([...u32(SIG_LOCAL), ...common]));
    push(name);
    push(body);
    central.push(Uint8Array.from([...u32(SIG_CENTRAL), ...u16(20), ...common, ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(start), ...name]));
  }
  const cdStart = offset;
  for (const c of central) push(c);
  push(Uint8Array.from([...u32(SIG_END), ...u16(0), ...u16(0), ...u16(entries.length), ...u16(entries.length), ...u32(offset - cdStart), ...u32(cdStart), ...u16(0)]));
  return Buffer.concat(chunks);
}
