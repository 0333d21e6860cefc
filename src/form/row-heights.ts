/**
 * Row heights that follow wrapped text. Excel grows a row to fit wrapped text only when the row is edited,
 * and ExcelJS never measures text, so the template computes each row's height from the text length, the
 * width of its (merged) cell and the font size — erring on the tall side, as a clipped or overlapping
 * line is worse on paper than a little white space.
 *
 * Units: Excel column widths are in characters of the default font's digit (7 px for 11 pt), a column is
 * `trunc(width × 7 + 5)` pixels wide; heights are in points and cannot exceed 409
 * (https://support.microsoft.com/en-us/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3,
 * https://learn.microsoft.com/en-us/dotnet/api/documentformat.openxml.spreadsheet.column).
 */
import { parseRange } from '../grid/address';
import type { Grid } from '../grid/types';
import type { CellStyle } from './template-doc';

export const MAX_ROW_HEIGHT = 409;
export const DEFAULT_ROW_HEIGHT = 15;
const DEFAULT_FONT_SIZE = 11;
/** Line spacing of CJK fonts as a multiple of the font size (宋体 and its substitutes run 1.15–1.3). */
const LINE_SPACING = 1.3;
/** Cell padding: left and right inside a cell, top and bottom of a row, in points. */
const PAD_X = 5;
const PAD_Y = 4;

/** A column (or merged columns) of `chars` character units, in points. */
export function columnPoints(chars: number): number {
  return Math.trunc(chars * 7 + 5) * 0.75;
}

function isWide(code: number): boolean {
  // CJK ideographs and punctuation, full-width forms, kana and hangul: one em each.
  return (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) || code === 0x201c || code === 0x201d;
}

/** Width of a line of text in points: one em for a CJK character, 0.6 em for others. */
export function textPoints(text: string, fontSize = DEFAULT_FONT_SIZE): number {
  let ems = 0;
  for (const ch of text) ems += isWide(ch.codePointAt(0)!) ? 1 : 0.6;
  return ems * fontSize;
}

/** Lines a wrapped text takes in a cell `chars` wide: each paragraph wraps on its own. */
export function wrappedLines(text: string, chars: number, fontSize = DEFAULT_FONT_SIZE): number {
  const usable = Math.max(columnPoints(chars) - PAD_X, fontSize);
  return text.split('\n').reduce((n, line) => {
    // A character never splits, so a line holds a whole number of em-wide characters; 5% for kerning and bold.
    const perLine = Math.max(1, Math.floor(usable / fontSize));
    const ems = (textPoints(line, fontSize) / fontSize) * 1.05;
    return n + Math.max(1, Math.ceil(ems / perLine));
  }, 0);
}

/** Points a wrapped text needs in a cell `chars` wide. */
export function textHeight(text: string, chars: number, fontSize = DEFAULT_FONT_SIZE): number {
  return Math.ceil(wrappedLines(text, chars, fontSize) * fontSize * LINE_SPACING + PAD_Y);
}

/**
 * Heights of the rows a text box needs: one row when it fits in 409 points, else as many rows as it takes
 * (to be merged into one box), each at least `minHeight` split evenly.
 */
export function textBoxRows(text: string | null, chars: number, minHeight: number): number[] {
  const need = Math.max(minHeight, text ? textHeight(text, chars) : 0);
  const rows = Math.ceil(need / (MAX_ROW_HEIGHT - 9));
  return Array.from({ length: rows }, () => Math.ceil(need / rows));
}

interface CellLook {
  wrap: boolean;
  fontSize: number;
}

/**
 * The height of every row whose wrapped text needs more than the default, never below `minimums`.
 * Single-row cells set their row's height; a cell merged down several rows adds what it still lacks to
 * its last row.
 */
export function fitRowHeights(grid: Grid, styles: readonly { range: string; style: CellStyle }[], columnWidths: readonly number[], minimums: Record<number, number>): Record<number, number> {
  const look = new Map<string, CellLook>();
  for (const { range, style } of styles) {
    const r = parseRange(range);
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        const key = `${row},${col}`;
        const was = look.get(key) ?? { wrap: false, fontSize: DEFAULT_FONT_SIZE };
        look.set(key, { wrap: style.wrap ?? was.wrap, fontSize: style.fontSize ?? was.fontSize });
      }
    }
  }
  const mergeAt = new Map(grid.merges.map((m) => [`${m.top},${m.left}`, m]));
  const heights: Record<number, number> = { ...minimums };
  const heightOf = (row: number) => heights[row] ?? DEFAULT_ROW_HEIGHT;
  const tall: { top: number; bottom: number; need: number }[] = [];
  for (const [key, cell] of grid.cells) {
    if (typeof cell.value !== 'string' || cell.value === '') continue;
    const l = look.get(key);
    const [row, col] = key.split(',').map(Number);
    const m = mergeAt.get(key) ?? { top: row, left: col, bottom: row, right: col };
    const chars = columnWidths.slice(m.left, m.right + 1).reduce((a, w) => a + w, 0) || 8.43;
    const fontSize = l?.fontSize ?? DEFAULT_FONT_SIZE;
    // Text that does not wrap stays on its explicit lines.
    const need = l?.wrap ? textHeight(cell.value, chars, fontSize) : Math.ceil(cell.value.split('\n').length * fontSize * LINE_SPACING + PAD_Y);
    if (m.top === m.bottom) heights[row] = Math.min(MAX_ROW_HEIGHT, Math.max(heightOf(row), need));
    else tall.push({ top: m.top, bottom: m.bottom, need });
  }
  for (const t of tall) {
    let have = 0;
    for (let r = t.top; r <= t.bottom; r++) have += heightOf(r);
    if (have < t.need) heights[t.bottom] = Math.min(MAX_ROW_HEIGHT, heightOf(t.bottom) + (t.need - have));
  }
  for (const [row, h] of Object.entries(heights)) if (h <= DEFAULT_ROW_HEIGHT && !(Number(row) in minimums)) delete heights[Number(row)];
  return heights;
}
