/**
 * Cell-level translation between Excel's wire format and the engine's plain cells, and the geometry
 * that turns scattered cells into few rectangles (few proxies, few operations, same single sync).
 */
import { rangeToA1, type CellRef, type RangeRef } from '../grid/address';
import type { CellValue } from '../grid/types';

/** The value Excel reports, plus its valueType, as an engine value. Errors become `{ error }`. */
export function fromExcel(value: unknown, valueType: string | undefined): CellValue {
  if (valueType === 'Empty' || value === '' || value === null || value === undefined) return null;
  if (valueType === 'Error') return { error: String(value) };
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  return String(value);
}

/**
 * Excel reads typed input: "=..." becomes a formula, "001" becomes 1, "50%" a percentage, "TRUE" a
 * boolean, "2024-1-1" a date, "#N/A" an error. A text value that Excel would reinterpret is written with
 * a leading apostrophe, which Excel keeps as text and does not show. Over-guarding is harmless.
 */
export function needsTextGuard(s: string): boolean {
  const t = s.trim();
  if (t === '') return s !== ''; // whitespace-only text stays text, but guard it anyway against trimming
  if (/^[=+\-@'#]/.test(t)) return true;
  if (/^(true|false)$/i.test(t)) return true;
  // Anything numeric-looking: digits with separators, currency, percent, exponents, fractions, dates, times.
  if (/^[\d.,\s%$¥￥€£()/:年月日eE+-]+$/.test(t) && /\d/.test(t)) return true;
  return false;
}

/** The input to write for an engine value (values and formulas accept the same input). */
export function toExcelInput(value: CellValue | undefined): string | number | boolean {
  if (value === null || value === undefined) return ''; // '' clears; null would mean "leave unchanged"
  if (typeof value === 'object') return value.error; // typing an error code yields that error
  if (typeof value === 'string') return needsTextGuard(value) ? `'${value}` : value;
  return value;
}

/**
 * Covers cells with rectangles: runs of adjacent columns per row, then runs of rows with the same span
 * are stacked. Exactly the given cells are covered, nothing more.
 */
export function cellBlocks(cells: Iterable<CellRef>): RangeRef[] {
  const byRow = new Map<number, number[]>();
  for (const c of cells) {
    const cols = byRow.get(c.row) ?? [];
    cols.push(c.col);
    byRow.set(c.row, cols);
  }
  const runs: RangeRef[] = [];
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = [...new Set(byRow.get(row)!)].sort((a, b) => a - b);
    let start = cols[0];
    for (let i = 1; i <= cols.length; i++) {
      if (i === cols.length || cols[i] !== cols[i - 1] + 1) {
        runs.push({ top: row, bottom: row, left: start, right: cols[i - 1] });
        start = cols[i];
      }
    }
  }
  // Stack runs with the same columns on consecutive rows.
  const open = new Map<string, RangeRef>();
  const out: RangeRef[] = [];
  for (const r of runs) {
    const k = `${r.left}:${r.right}`;
    const prev = open.get(k);
    if (prev && prev.bottom === r.top - 1) prev.bottom = r.top;
    else {
      const fresh = { ...r };
      open.set(k, fresh);
      out.push(fresh);
    }
  }
  return out;
}

/**
 * Comma-joined address lists for Worksheet.getRanges, each short enough to be safe. Excel's limit on
 * that string is undocumented (reports put failures a little above 8,000 characters), so stay well under.
 */
export function addressChunks(rects: RangeRef[], maxChars = 2000): string[] {
  const out: string[] = [];
  let cur = '';
  for (const r of rects) {
    const a = rangeToA1(r);
    if (cur && cur.length + 1 + a.length > maxChars) {
      out.push(cur);
      cur = a;
    } else cur = cur ? `${cur},${a}` : a;
  }
  if (cur) out.push(cur);
  return out;
}

/** Parses a RangeAreas/Range address ("Sheet1!A1:B2,'My, Sheet'!C3") into bare local parts. */
export function splitAreaAddress(address: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") {
      if (quoted && address[i + 1] === "'") {
        cur += "''";
        i++;
        continue;
      }
      quoted = !quoted;
    }
    if (!quoted && (ch === ',' || ch === ';')) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) parts.push(cur);
  return parts.map((p) => {
    const t = p.trim();
    const bang = t.lastIndexOf('!');
    return bang >= 0 ? t.slice(bang + 1) : t;
  });
}
