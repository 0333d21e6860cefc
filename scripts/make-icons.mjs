#!/usr/bin/env node
/**
 * Draws the add-in's icons and writes them as PNG files under assets/.
 *
 *   node scripts/make-icons.mjs            writes assets/*.png
 *   node scripts/make-icons.mjs --check    exits 1 when a committed icon differs from what this script draws
 *
 * Nothing but node's zlib: a small RGBA canvas with 4x4 supersampling, a handful of shapes, and a PNG
 * encoder (signature, IHDR, one IDAT, IEND; CRC-32 computed here). The output is deterministic, so the
 * icons can be committed and re-checked.
 *
 * Icons (all share a small table, "the form"; each button adds its own mark):
 *   icon-{16,32,64,80,128}   the add-in and the ribbon group: form + green check
 *   check-{16,32,80}         检查表单 / Check form: magnifier over the form
 *   fill-{16,32,80}          填充计算列 / Fill computed columns: form with a filled column and a sigma
 *   clear-{16,32,80}         清除标记 / Clear marks: a highlighted cell and a red cross
 *   pane-{16,32,80}          打开助手 / Open assistant: window with a task pane on the right
 */
import { deflateSync } from 'node:zlib';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'assets');

// ---------------------------------------------------------------- PNG encoding

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes 8-bit RGBA pixels (row-major, width*height*4 bytes) as a PNG. */
export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: truecolour with alpha
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering (we only use filter 0: none)
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------- drawing

const SS = 4; // supersamples per axis

function hex(c) {
  const n = parseInt(c.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * A canvas in design units: every icon is drawn on a 32 x 32 grid and scaled to the target size.
 * Shapes are coverage functions tested at SS x SS points per pixel; later shapes paint over earlier ones.
 */
class Canvas {
  constructor(size) {
    this.size = size;
    this.scale = size / 32;
    this.px = new Float64Array(size * size * 4); // premultiplied RGBA, 0..1
  }

  /** Paints every pixel whose sample points satisfy inside(x, y) (design units), with coverage-based alpha. */
  fill(color, inside, alpha = 1) {
    const [r, g, b] = hex(color);
    const { size, scale, px } = this;
    for (let py = 0; py < size; py++) {
      for (let pxx = 0; pxx < size; pxx++) {
        let hits = 0;
        for (let sy = 0; sy < SS; sy++) {
          for (let sx = 0; sx < SS; sx++) {
            const x = (pxx + (sx + 0.5) / SS) / scale;
            const y = (py + (sy + 0.5) / SS) / scale;
            if (inside(x, y)) hits++;
          }
        }
        if (!hits) continue;
        const a = (hits / (SS * SS)) * alpha;
        const i = (py * size + pxx) * 4;
        px[i] = (r / 255) * a + px[i] * (1 - a);
        px[i + 1] = (g / 255) * a + px[i + 1] * (1 - a);
        px[i + 2] = (b / 255) * a + px[i + 2] * (1 - a);
        px[i + 3] = a + px[i + 3] * (1 - a);
      }
    }
  }

  rect(x0, y0, x1, y1, color) {
    this.fill(color, (x, y) => x >= x0 && x < x1 && y >= y0 && y < y1);
  }

  /** A line of width w with round caps, through the points of `pts` ([[x, y], ...]). */
  polyline(pts, w, color) {
    const r2 = (w / 2) ** 2;
    const segs = [];
    for (let i = 1; i < pts.length; i++) segs.push([pts[i - 1], pts[i]]);
    this.fill(color, (x, y) => segs.some(([a, b]) => distSq(x, y, a, b) <= r2));
  }

  circle(cx, cy, r, color, ring = 0) {
    const outer = r * r;
    const inner = ring ? (r - ring) ** 2 : -1;
    this.fill(color, (x, y) => {
      const d = (x - cx) ** 2 + (y - cy) ** 2;
      return d <= outer && d > inner;
    });
  }

  /** Straight (unpremultiplied) 8-bit RGBA. */
  toRgba() {
    const out = new Uint8Array(this.size * this.size * 4);
    for (let i = 0; i < out.length; i += 4) {
      const a = this.px[i + 3];
      out[i + 3] = Math.round(a * 255);
      if (a > 0) for (let k = 0; k < 3; k++) out[i + k] = Math.round(Math.min(1, this.px[i + k] / a) * 255);
    }
    return out;
  }
}

function distSq(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const len = dx * dx + dy * dy;
  const t = len ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len)) : 0;
  return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2;
}

const INK = '#44546a';
const HEADER = '#c9d7ea';
const PAPER = '#ffffff';
const GREEN = '#107c41';
const BLUE = '#2b6cb0';
const RED = '#c42b1c';
const YELLOW = '#ffd43b';

/**
 * The form: a table with a header row. Line width never drops below one device pixel, and small sizes
 * get fewer grid lines so the glyph stays readable at 16 px.
 */
function table(c, x0, y0, x1, y1, { cols = 3, rows = 4, fillCol = -1, fillColor = BLUE } = {}) {
  const lw = Math.max(1 / c.scale, 1.5);
  if (c.size <= 16) {
    cols = Math.min(cols, 2);
    rows = Math.min(rows, 3);
  }
  c.rect(x0, y0, x1, y1, PAPER);
  const rowH = (y1 - y0) / rows;
  const colW = (x1 - x0) / cols;
  c.rect(x0, y0, x1, y0 + rowH, HEADER);
  if (fillCol >= 0) {
    const col = Math.min(fillCol, cols - 1);
    c.rect(x0 + col * colW, y0 + rowH, x0 + (col + 1) * colW, y1, fillColor);
  }
  for (let i = 1; i < rows; i++) c.rect(x0, y0 + i * rowH - lw / 2, x1, y0 + i * rowH + lw / 2, INK);
  for (let i = 1; i < cols; i++) c.rect(x0 + i * colW - lw / 2, y0, x0 + i * colW + lw / 2, y1, INK);
  // outer border
  c.rect(x0, y0, x1, y0 + lw, INK);
  c.rect(x0, y1 - lw, x1, y1, INK);
  c.rect(x0, y0, x0 + lw, y1, INK);
  c.rect(x1 - lw, y0, x1, y1, INK);
}

const GLYPHS = {
  /** The add-in: the form with a green check over its lower right. */
  icon(c) {
    table(c, 2, 3, 26, 27);
    c.polyline([[13, 20], [19, 26], [30, 12]], 6.5, PAPER);
    c.polyline([[13, 20], [19, 26], [30, 12]], 4, GREEN);
  },
  /** 检查表单: a magnifying glass over the form. */
  check(c) {
    table(c, 2, 3, 26, 27);
    c.circle(19, 18, 8.5, PAPER);
    c.circle(19, 18, 8.5, GREEN, 3);
    c.polyline([[25, 24], [30, 29]], 5, GREEN);
  },
  /** 填充计算列: the form with a filled (computed) column, and a large sigma. */
  fill(c) {
    table(c, 2, 3, 26, 27, { cols: 3, rows: 4, fillCol: 1, fillColor: '#9cc3ee' });
    const sigma = [[30, 13], [18.5, 13], [24.5, 20.5], [18.5, 28], [30, 28]];
    c.polyline(sigma, 7, PAPER);
    c.polyline(sigma, 3.6, BLUE);
  },
  /** 清除标记: a yellow-marked cell crossed out in red. */
  clear(c) {
    table(c, 2, 3, 26, 27, { cols: 3, rows: 4, fillCol: 1, fillColor: YELLOW });
    c.polyline([[17, 15], [29, 27]], 6.5, PAPER);
    c.polyline([[29, 15], [17, 27]], 6.5, PAPER);
    c.polyline([[17, 15], [29, 27]], 3.6, RED);
    c.polyline([[29, 15], [17, 27]], 3.6, RED);
  },
  /** 打开助手: a window with a task pane docked on the right. */
  pane(c) {
    const lw = Math.max(1 / c.scale, 1.5);
    c.rect(2, 4, 30, 28, PAPER);
    c.rect(2, 4, 30, 9, HEADER);
    c.rect(19, 9, 30, 28, '#d7efe1');
    c.rect(19 - lw / 2, 9, 19 + lw / 2, 28, GREEN);
    c.rect(2, 4, 30, 4 + lw, INK);
    c.rect(2, 28 - lw, 30, 28, INK);
    c.rect(2, 4, 2 + lw, 28, INK);
    c.rect(30 - lw, 4, 30, 28, INK);
    c.rect(2, 9 - lw / 2, 30, 9 + lw / 2, INK);
    for (const y of c.size <= 16 ? [15, 21] : [14, 18.5, 23]) c.rect(21.5, y - 0.9, 27.5, y + 0.9, GREEN);
  },
};

/** Every file this script writes: name -> [glyph, size]. */
export const ICONS = Object.fromEntries([
  ...[16, 32, 64, 80, 128].map((s) => [`icon-${s}.png`, ['icon', s]]),
  ...['check', 'fill', 'clear', 'pane'].flatMap((g) => [16, 32, 80].map((s) => [`${g}-${s}.png`, [g, s]])),
]);

export function drawIcon(glyph, size) {
  const c = new Canvas(size);
  GLYPHS[glyph](c);
  return encodePng(size, size, c.toRgba());
}

function main() {
  const check = process.argv.includes('--check');
  mkdirSync(OUT, { recursive: true });
  const stale = [];
  for (const [name, [glyph, size]] of Object.entries(ICONS)) {
    const png = drawIcon(glyph, size);
    const file = join(OUT, name);
    if (check) {
      if (!existsSync(file) || !readFileSync(file).equals(png)) stale.push(name);
    } else {
      writeFileSync(file, png);
      console.log(`assets/${name}  ${size}x${size}  ${png.length} bytes`);
    }
  }
  if (check && stale.length) {
    console.error(`icons out of date (run node scripts/make-icons.mjs): ${stale.join(', ')}`);
    process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
