/** The plain TypeScript inflater (the browser's) against zlib: same bytes out, same bound, clear failures. */
import fc from 'fast-check';
import { promises as fs } from 'fs';
import zlib from 'zlib';
import { crc32, inflateRaw, InflateError } from '../../src/ooxml/inflate';
import { openZip as openPortable, PORTABLE_INFLATER } from '../../src/ooxml/zip-read';
import { openZip, writeZip, ZipError } from '../../src/ooxml/zip';
import { PAPER_XLSX } from '../support/forms';
import { deflatedZeros } from '../support/zip-bomb';

const MB = 2 ** 20;

/** Data deflate finds all kinds of matches in: runs, repeats of earlier text, and noise. */
const dataArb = fc
  .array(
    fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 2000 })).map(([b, n]) => new Uint8Array(n).fill(b)),
      fc.constantFrom('<w:t>部门整体</w:t>', '<c r="A1" s="3"><v>12.5</v></c>', '  ').map((s) => new TextEncoder().encode(s.repeat(7))),
    ),
    { maxLength: 40 },
  )
  .map((chunks) => Buffer.concat(chunks));

describe('inflateRaw', () => {
  it('gives back what zlib deflated, at every level and strategy (stored, fixed and dynamic blocks)', () => {
    fc.assert(
      fc.property(dataArb, fc.integer({ min: 0, max: 9 }), fc.constantFrom(zlib.constants.Z_DEFAULT_STRATEGY, zlib.constants.Z_FIXED, zlib.constants.Z_HUFFMAN_ONLY, zlib.constants.Z_RLE), (data, level, strategy) => {
        const deflated = zlib.deflateRawSync(data, { level, strategy });
        expect(Buffer.from(inflateRaw(deflated, data.length))).toEqual(data);
      }),
      { numRuns: 300 },
    );
  });

  it('reads every part of a real workbook as zlib does', async () => {
    const bytes = await fs.readFile(PAPER_XLSX);
    const ours = openPortable(bytes);
    const theirs = openZip(bytes);
    expect(ours.names().length).toBeGreaterThan(5);
    for (const name of ours.names()) expect(Buffer.from(ours.read(name))).toEqual(Buffer.from(theirs.read(name)));
  });

  it('stops at the bound with a RangeError, and the bound itself is allowed', () => {
    const { deflated, size } = deflatedZeros(4);
    expect(() => inflateRaw(deflated, MB)).toThrow(RangeError);
    expect(() => inflateRaw(deflated, size - 1)).toThrow(RangeError);
    expect(inflateRaw(deflated, size).length).toBe(size);
  });

  it('refuses truncated and damaged data with an InflateError', () => {
    const deflated = zlib.deflateRawSync(Buffer.from('<w:document>'.repeat(500)));
    expect(() => inflateRaw(deflated.subarray(0, deflated.length >> 1), MB)).toThrow(InflateError);
    // Block type 3 does not exist.
    expect(() => inflateRaw(Uint8Array.from([0x07, 0x00]), MB)).toThrow(/invalid block type/);
    // A stored block whose length and complement disagree.
    expect(() => inflateRaw(Uint8Array.from([0x01, 0x05, 0x00, 0x00, 0x00]), MB)).toThrow(/complement/);
  });

  it('computes CRC-32 as zlib does', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (data) => crc32(data) === zlib.crc32(data) >>> 0));
  });
});

describe('the bounded reader with the portable inflater', () => {
  it('refuses a lying zip bomb while inflating, with the same message as with zlib', () => {
    const data = Buffer.alloc(4 * MB, 0x41);
    const zip = Buffer.from(writeZip([{ name: 'big.xml', data }]));
    // Declare 100 bytes: the bound must hold while inflating.
    const cd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(100, cd + 24);
    const limits = { maxPartBytes: MB, maxTotalBytes: 8 * MB, maxEntries: 10 };
    const message = (read: () => unknown) => {
      try {
        read();
      } catch (e) {
        expect(e).toBeInstanceOf(ZipError);
        return (e as Error).message;
      }
      throw new Error('no error');
    };
    const portable = message(() => openPortable(zip, limits, PORTABLE_INFLATER).read('big.xml'));
    expect(portable).toMatch(/超过 1 MB.*zip bomb/);
    expect(portable).toBe(message(() => openZip(zip, limits).read('big.xml')));
  });
});
