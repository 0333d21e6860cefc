/**
 * Raw DEFLATE decoding (RFC 1951) and CRC-32 in plain TypeScript, for where Node's zlib is not there: the task
 * pane reads a .docx in the browser. Output is bounded: one byte past `maxOutputLength` stops decoding with a
 * RangeError (the same signal as zlib's maxOutputLength), whatever the archive declares.
 *
 * The decoder follows Mark Adler's puff.c (zlib/contrib/puff): canonical Huffman codes decoded a bit at a time.
 * It is small and plenty fast for a document's XML; Node keeps using zlib for workbooks.
 */

/** Data that is not valid DEFLATE. */
export class InflateError extends Error {}

const MAX_BITS = 15;
const LEN_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LEN_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
/** The order code length code lengths are sent in (RFC 1951 §3.2.7). */
const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** A canonical Huffman code: how many codes have each length, and the symbols in code order. */
interface Huffman {
  counts: Uint16Array;
  symbols: Uint16Array;
}

function huffman(lengths: ArrayLike<number>, n: number): Huffman {
  const counts = new Uint16Array(MAX_BITS + 1);
  for (let s = 0; s < n; s++) counts[lengths[s]]++;
  // An over-subscribed set of lengths is no prefix code; an incomplete one only fails if a missing code is met.
  let left = 1;
  for (let len = 1; len <= MAX_BITS; len++) {
    left = (left << 1) - counts[len];
    if (left < 0) throw new InflateError('over-subscribed Huffman code');
  }
  const offsets = new Uint16Array(MAX_BITS + 2);
  for (let len = 1; len <= MAX_BITS; len++) offsets[len + 1] = offsets[len] + counts[len];
  const symbols = new Uint16Array(n);
  for (let s = 0; s < n; s++) if (lengths[s] !== 0) symbols[offsets[lengths[s]]++] = s;
  return { counts, symbols };
}

const FIXED = (() => {
  const lengths = new Uint8Array(288);
  lengths.fill(8, 0, 144);
  lengths.fill(9, 144, 256);
  lengths.fill(7, 256, 280);
  lengths.fill(8, 280, 288);
  return { lit: huffman(lengths, 288), dist: huffman(new Uint8Array(30).fill(5), 30) };
})();

class Inflater {
  private pos = 0;
  private bitBuf = 0;
  private bitCount = 0;
  private out: Uint8Array;
  private length = 0;

  constructor(
    private readonly input: Uint8Array,
    private readonly max: number,
  ) {
    this.out = new Uint8Array(Math.min(max, Math.max(1024, input.length * 4)));
  }

  run(): Uint8Array {
    let last;
    do {
      last = this.bits(1);
      const type = this.bits(2);
      if (type === 0) this.stored();
      else if (type === 1) this.codes(FIXED.lit, FIXED.dist);
      else if (type === 2) this.dynamic();
      else throw new InflateError('invalid block type');
    } while (!last);
    return this.out.slice(0, this.length);
  }

  private bits(need: number): number {
    let val = this.bitBuf;
    while (this.bitCount < need) {
      if (this.pos >= this.input.length) throw new InflateError('unexpected end of data');
      val |= this.input[this.pos++] << this.bitCount;
      this.bitCount += 8;
    }
    this.bitBuf = val >>> need;
    this.bitCount -= need;
    return val & ((1 << need) - 1);
  }

  /** Room for `n` more bytes, never past the bound. */
  private room(n: number): void {
    const want = this.length + n;
    if (want > this.max) throw new RangeError(`inflated data exceeds ${this.max} bytes`);
    if (want <= this.out.length) return;
    const grown = new Uint8Array(Math.min(this.max, Math.max(want, this.out.length * 2)));
    grown.set(this.out.subarray(0, this.length));
    this.out = grown;
  }

  private stored(): void {
    // A stored block starts on a byte boundary: the bits left in the buffer are padding.
    this.bitBuf = 0;
    this.bitCount = 0;
    if (this.pos + 4 > this.input.length) throw new InflateError('unexpected end of data');
    const len = this.input[this.pos] | (this.input[this.pos + 1] << 8);
    const nlen = this.input[this.pos + 2] | (this.input[this.pos + 3] << 8);
    if (len !== (~nlen & 0xffff)) throw new InflateError('stored block length does not match its complement');
    this.pos += 4;
    if (this.pos + len > this.input.length) throw new InflateError('unexpected end of data');
    this.room(len);
    this.out.set(this.input.subarray(this.pos, this.pos + len), this.length);
    this.length += len;
    this.pos += len;
  }

  private decode(h: Huffman): number {
    let code = 0;
    let first = 0;
    let index = 0;
    for (let len = 1; len <= MAX_BITS; len++) {
      code |= this.bits(1);
      const count = h.counts[len];
      if (code - count < first) return h.symbols[index + (code - first)];
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
    throw new InflateError('invalid Huffman code');
  }

  private codes(lit: Huffman, dist: Huffman): void {
    for (;;) {
      let sym = this.decode(lit);
      if (sym < 256) {
        this.room(1);
        this.out[this.length++] = sym;
        continue;
      }
      if (sym === 256) return;
      sym -= 257;
      if (sym >= 29) throw new InflateError('invalid length code');
      const len = LEN_BASE[sym] + this.bits(LEN_EXTRA[sym]);
      const dsym = this.decode(dist);
      if (dsym >= 30) throw new InflateError('invalid distance code');
      const back = DIST_BASE[dsym] + this.bits(DIST_EXTRA[dsym]);
      if (back > this.length) throw new InflateError('distance too far back');
      this.room(len);
      // A copy may overlap what it writes (a run): what lies behind is periodic with period `back`, so copying
      // a whole number of periods at a time, doubling each round, writes the same bytes as byte by byte.
      const from = this.length - back;
      const end = this.length + len;
      for (let to = this.length; to < end; ) {
        const n = Math.min(to - from, end - to);
        this.out.copyWithin(to, from, from + n);
        to += n;
      }
      this.length = end;
    }
  }

  private dynamic(): void {
    const nlen = this.bits(5) + 257;
    const ndist = this.bits(5) + 1;
    const ncode = this.bits(4) + 4;
    if (nlen > 286 || ndist > 30) throw new InflateError('bad code counts');
    const lengths = new Uint8Array(nlen + ndist);
    const clLengths = new Uint8Array(19);
    for (let i = 0; i < ncode; i++) clLengths[CL_ORDER[i]] = this.bits(3);
    const cl = huffman(clLengths, 19);
    for (let i = 0; i < nlen + ndist; ) {
      const sym = this.decode(cl);
      if (sym < 16) {
        lengths[i++] = sym;
        continue;
      }
      let value = 0;
      let repeat: number;
      if (sym === 16) {
        if (i === 0) throw new InflateError('repeat with no previous length');
        value = lengths[i - 1];
        repeat = 3 + this.bits(2);
      } else if (sym === 17) repeat = 3 + this.bits(3);
      else repeat = 11 + this.bits(7);
      if (i + repeat > nlen + ndist) throw new InflateError('too many lengths');
      lengths.fill(value, i, i + repeat);
      i += repeat;
    }
    if (lengths[256] === 0) throw new InflateError('no end-of-block code');
    this.codes(huffman(lengths.subarray(0, nlen), nlen), huffman(lengths.subarray(nlen), ndist));
  }
}

/** Inflates raw DEFLATE data; more than `maxOutputLength` bytes of output throws a RangeError. */
export function inflateRaw(data: Uint8Array, maxOutputLength: number): Uint8Array {
  return new Inflater(data, maxOutputLength).run();
}

let CRC_TABLE: Uint32Array | undefined;

/** CRC-32 as zip stores it (ISO 3309, the polynomial 0xEDB88320 reflected). */
export function crc32(data: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
