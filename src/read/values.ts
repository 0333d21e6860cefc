/**
 * Values as people type them. One parser for every cell the engine reads: numbers stored as numbers or
 * as text, full-width digits (７９６９．３), trailing ideographic spaces, thousands separators, percentages
 * (formatted numbers, "9.46%" text, or a bare 100), quantities with a unit (55种, 37万平方米, ≥90%),
 * words (健全), dates, and Excel error values. It never throws.
 */
import Decimal from 'decimal.js';
import { toHalfWidth } from '../form/labels';
import { isCellError, type Cell } from '../grid/types';

export type Parsed =
  | { kind: 'empty' }
  | { kind: 'error'; code: string }
  | ParsedNumber
  | ParsedQuantity
  | { kind: 'text'; text: string; hygiene: Hygiene };

export interface Hygiene {
  /** The cell's text had leading or trailing white space (incl. the ideographic space U+3000). */
  straySpace: boolean;
  /** The cell's text used full-width digits or signs. */
  fullWidth: boolean;
  /** The number or quantity was stored as text rather than as a number. */
  storedAsText: boolean;
  /** The text after cleaning, when it differs from what the cell holds. */
  clean?: string;
}

export interface ParsedNumber {
  kind: 'number';
  /** A percentage is held as its ratio: 9.46% -> 0.0946. */
  value: Decimal;
  percent: boolean;
  /** Comparators typed before an indicator value: ≥, ≤, >, <. */
  comparator?: string;
  hygiene: Hygiene;
}

export interface ParsedQuantity {
  kind: 'quantity';
  value: Decimal;
  unit: string;
  comparator?: string;
  hygiene: Hygiene;
}

const CLEAN: Hygiene = { straySpace: false, fullWidth: false, storedAsText: false };
// Shared results: a long form parses a million cells, most of them empty or plain text, and none is ever changed.
const EMPTY: Parsed = { kind: 'empty' };
const CLEAN_TEXT: Hygiene = { straySpace: false, fullWidth: false, storedAsText: false, clean: undefined };

const NUMBER_RE = /^([≥≤><]=?|>=|<=)?\s*([+\-−]?)(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?\s*(%|％)?$/;
const QUANTITY_RE = /^([≥≤><]=?|>=|<=)?\s*([+\-−]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*([^\d\s.,%].*)$/;

const FULL_WIDTH_RE = /[\uff01-\uff5e]/;
const STRAY_RE = /^[\s\u3000\u00a0]|[\s\u3000\u00a0]$/;

/** Parses text as typed; `percentFormat` tells that the cell's number format shows a percentage. */
export function parseText(raw: string): Parsed {
  const straySpace = STRAY_RE.test(raw);
  const fullWidth = FULL_WIDTH_RE.test(raw);
  const half = toHalfWidth(raw).replace(/[\s\u00a0]+$/, '').replace(/^[\s\u00a0]+/, '');
  if (half === '') return EMPTY;
  if (/^#(REF!|DIV\/0!|VALUE!|NAME\?|N\/A|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/.test(half)) {
    return { kind: 'error', code: half };
  }
  const num = NUMBER_RE.exec(half);
  if (num && (num[3] !== undefined || num[4] !== undefined)) {
    const digits = `${num[2] ? '-' : ''}${(num[3] ?? '0').replace(/,/g, '')}${num[4] ?? ''}`;
    let value = new Decimal(num[2] === '+' ? digits.slice(1) : digits);
    const percent = num[5] !== undefined;
    if (percent) value = value.div(100);
    const clean = half;
    return {
      kind: 'number',
      value,
      percent,
      comparator: num[1] ? normalizeComparator(num[1]) : undefined,
      hygiene: { straySpace, fullWidth, storedAsText: true, clean: clean !== raw ? clean : undefined },
    };
  }
  const qty = QUANTITY_RE.exec(half);
  if (qty) {
    const digits = `${qty[2] && qty[2] !== '+' ? '-' : ''}${qty[3].replace(/,/g, '')}${qty[4] ?? ''}`;
    return {
      kind: 'quantity',
      value: new Decimal(digits),
      unit: qty[5].trim(),
      comparator: qty[1] ? normalizeComparator(qty[1]) : undefined,
      hygiene: { straySpace, fullWidth, storedAsText: false, clean: half !== raw ? half : undefined },
    };
  }
  const hygiene = straySpace || fullWidth || half !== raw ? { straySpace, fullWidth, storedAsText: false, clean: half !== raw ? half : undefined } : CLEAN_TEXT;
  return { kind: 'text', text: half, hygiene };
}

function normalizeComparator(c: string): string {
  return c.replace('>=', '≥').replace('<=', '≤');
}

export function isPercentFormat(numberFormat: string | undefined): boolean {
  return !!numberFormat && /%/.test(numberFormat.replace(/"[^"]*"/g, ''));
}

/**
 * Results by what the cell holds. A long form repeats its values (100%, 健全, 年度计划) thousands of times;
 * a result is never changed, so one object serves every cell holding the same value. Bounded like the label
 * cache: cleared when full, so a sheet of distinct values costs no more than before.
 */
const TEXT_RESULTS = new Map<string, Parsed>();
const NUMBER_RESULTS = new Map<number, Parsed>();
const PERCENT_RESULTS = new Map<number, Parsed>();
const RESULTS_MAX = 20000;

function remember<K>(cache: Map<K, Parsed>, key: K, parse: () => Parsed): Parsed {
  let p = cache.get(key);
  if (p === undefined) {
    if (cache.size >= RESULTS_MAX) cache.clear();
    cache.set(key, (p = parse()));
  }
  return p;
}

/** Parses one cell. Numbers keep their exact decimal text (7969.3 stays 7969.3, not a binary float). */
export function parseCell(cell: Cell | undefined): Parsed {
  if (!cell) return EMPTY;
  const v = cell.value;
  if (v === null || v === undefined) return EMPTY;
  if (isCellError(v)) return { kind: 'error', code: v.error };
  if (typeof v === 'boolean') return { kind: 'text', text: v ? 'TRUE' : 'FALSE', hygiene: CLEAN };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { kind: 'error', code: '#NUM!' };
    const percent = isPercentFormat(cell.numberFormat);
    // The maps take -0 for 0, as decimalOf does (both read '0').
    return remember(percent ? PERCENT_RESULTS : NUMBER_RESULTS, v, () => ({ kind: 'number', value: decimalOf(v), percent, hygiene: CLEAN }));
  }
  const text = String(v);
  return remember(TEXT_RESULTS, text, () => parseText(text));
}

/** A JS number as the decimal it displays: the shortest text that round-trips, with float noise cut at 12 places. */
export function decimalOf(n: number): Decimal {
  const text = String(n);
  const dot = text.indexOf('.');
  // Most cells hold short decimals; only float noise (0.30000000000000004) or exponents need cutting.
  if (text.includes('e') || (dot >= 0 && text.length - dot - 1 > 12)) return new Decimal(text).toDecimalPlaces(12);
  return new Decimal(text);
}

/** The number a cell holds, if it holds one (quantities without a unit included); null otherwise. */
export function numberOf(p: Parsed): Decimal | null {
  return p.kind === 'number' ? p.value : null;
}

/** A percentage typed as a bare number in a share cell: 9.46 means 9.46%, 0.0946 means 9.46%. */
export function shareOf(p: Parsed): Decimal | null {
  if (p.kind !== 'number') return null;
  if (p.percent) return p.value;
  return p.value.abs().gt(1) ? p.value.div(100) : p.value;
}

/** The display text of a parsed value, for messages. */
export function displayOf(p: Parsed): string {
  switch (p.kind) {
    case 'empty':
      return '';
    case 'error':
      return p.code;
    case 'number':
      return `${p.comparator ?? ''}${p.percent ? `${p.value.mul(100).toString()}%` : p.value.toString()}`;
    case 'quantity':
      return `${p.comparator ?? ''}${p.value.toString()}${p.unit}`;
    case 'text':
      return p.text;
  }
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Excel's 1900 date system: serial 1 is 1900-01-01, with the phantom 1900-02-29 at 60. */
export function serialToDate(serial: number): DateParts | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const days = Math.floor(serial) - (serial > 60 ? 1 : 0);
  const d = new Date(Date.UTC(1899, 11, 31) + days * 86400000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function dateToSerial(parts: DateParts): number {
  const ms = Date.UTC(parts.year, parts.month - 1, parts.day) - Date.UTC(1899, 11, 31);
  const days = Math.round(ms / 86400000);
  return days >= 60 ? days + 1 : days;
}

function isDateFormat(numberFormat: string | undefined): boolean {
  if (!numberFormat) return false;
  const bare = numberFormat.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
  return /[ymd]/i.test(bare) || /年|月|日/.test(numberFormat);
}

const DATE_TEXT_RE = /(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?/;

/** A filing date from a date cell or from text such as "2024年1月12日" or "填报日期：2024-01-12". */
export function parseDate(cell: Cell | undefined, inlineText?: string): DateParts | null {
  if (inlineText !== undefined) return dateFromText(inlineText);
  if (!cell || cell.value === null) return null;
  if (typeof cell.value === 'number') return isDateFormat(cell.numberFormat) || cell.value > 20000 ? serialToDate(cell.value) : null;
  if (typeof cell.value === 'string') return dateFromText(cell.value);
  return null;
}

function dateFromText(text: string): DateParts | null {
  const m = DATE_TEXT_RE.exec(toHalfWidth(text));
  if (!m) return null;
  const parts = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (parts.month < 1 || parts.month > 12 || parts.day < 1 || parts.day > 31) return null;
  return parts;
}
