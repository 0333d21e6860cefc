/**
 * A1 parsing for the fake, written apart from src/grid/address so that a bug there cannot hide itself
 * in the tests. Accepts what Excel accepts in getRange: "B3", "$B$3", "A1:C4", "Sheet1!A1", "'My Sheet'!A1:B2",
 * whole rows "3:5" and whole columns "B:D".
 */
import { StrictExcelError } from './errors';

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export interface Rect {
  top: number;
  left: number;
  bottom: number; // inclusive
  right: number; // inclusive
}

export function colName(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellA1(row: number, col: number): string {
  return `${colName(col)}${row + 1}`;
}

export function rectA1(r: Rect): string {
  const a = cellA1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellA1(r.bottom, r.right)}`;
}

/** Sheet names that are not plain words are quoted in addresses, with inner quotes doubled. */
export function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function qualified(sheetName: string, r: Rect): string {
  return `${quoteSheet(sheetName)}!${rectA1(r)}`;
}

/** Splits off a sheet prefix, honouring quotes. */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const s = address.trim();
  if (s.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < s.length) {
      if (s[i] === "'" && s[i + 1] === "'") {
        name += "'";
        i += 2;
      } else if (s[i] === "'") break;
      else name += s[i++];
    }
    if (s[i + 1] !== '!') throw bad(address);
    return { sheet: name, local: s.slice(i + 2) };
  }
  const bang = s.lastIndexOf('!');
  return bang >= 0 ? { sheet: s.slice(0, bang), local: s.slice(bang + 1) } : { local: s };
}

function bad(address: string): StrictExcelError {
  return new StrictExcelError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: '${address}'.`);
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const ROW = /^\$?(\d{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;

export function parseRect(address: string): Rect {
  const { local } = splitSheet(address);
  const parts = local.trim().split(':');
  if (parts.length > 2 || parts[0] === '') throw bad(address);
  const [a, b = parts[0]] = parts;
  let rect: Rect;
  const ca = CELL.exec(a);
  const cb = CELL.exec(b);
  if (ca && cb) {
    const r1 = Number(ca[2]) - 1;
    const r2 = Number(cb[2]) - 1;
    const c1 = colNumber(ca[1]);
    const c2 = colNumber(cb[1]);
    rect = { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) };
  } else if (parts.length === 2 && ROW.test(a) && ROW.test(b)) {
    const r1 = Number(ROW.exec(a)![1]) - 1;
    const r2 = Number(ROW.exec(b)![1]) - 1;
    rect = { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: 0, right: MAX_COLS - 1 };
  } else if (parts.length === 2 && COL.test(a) && COL.test(b)) {
    const c1 = colNumber(COL.exec(a)![1]);
    const c2 = colNumber(COL.exec(b)![1]);
    rect = { top: 0, bottom: MAX_ROWS - 1, left: Math.min(c1, c2), right: Math.max(c1, c2) };
  } else {
    throw bad(address);
  }
  if (rect.top < 0 || rect.left < 0 || rect.bottom >= MAX_ROWS || rect.right >= MAX_COLS) throw bad(address);
  return rect;
}

/** "A1:B2, D4;F6" -> rectangles (getRanges accepts commas or semicolons). */
export function parseAreas(address: string): Rect[] {
  const out: Rect[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (!quoted && (ch === ',' || ch === ';')) {
      out.push(parseRect(cur));
      cur = '';
    } else cur += ch;
  }
  if (cur.trim() !== '' || out.length === 0) out.push(parseRect(cur));
  return out;
}

export function cellCount(r: Rect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function contains(outer: Rect, row: number, col: number): boolean {
  return row >= outer.top && row <= outer.bottom && col >= outer.left && col <= outer.right;
}

export function key(row: number, col: number): string {
  return `${row},${col}`;
}

export function unkey(k: string): { row: number; col: number } {
  const [r, c] = k.split(',').map(Number);
  return { row: r, col: c };
}
