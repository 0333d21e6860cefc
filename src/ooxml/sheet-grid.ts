/**
 * A worksheet part -> plain grid, read straight from the XML in one pass: values (shared strings, inline and
 * rich text flattened, booleans, errors, dates as serial numbers), formulas (shared formulas expanded to each
 * cell), number formats, merged areas and notes. Cell and row elements may omit their `r` attribute
 * (ECMA-376 Part 1, 18.3.1.4 c and 18.3.1.73 row): positions then follow from the previous one.
 */
import { columnIndex, parseRange } from '../grid/address';
import { emptyGrid, setCell } from '../grid/grid';
import { MergeIndex } from '../grid/merge-index';
import type { Cell, CellValue, Grid } from '../grid/types';
import type { SpreadsheetPackage } from './package';
import { decodeXml, decodeXstring, elements, firstElement, runText } from './xml';
import { translateFormula } from './formula';

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

export function isoToSerial(iso: string): number | null {
  const t = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`);
  return Number.isNaN(t) ? null : (t - EXCEL_EPOCH_MS) / 86400000;
}

const CELL_OR_ROW = /<([\w.-]+:)?(row|c)(?=[\s/>])([^>]*)>/g;
const R_ATTR = /\sr\s*=\s*"([A-Za-z]*)(\d+)"/;
const ROW_R = /\sr\s*=\s*"(\d+)"/;
const T_ATTR = /\st\s*=\s*"(\w+)"/;
const S_ATTR = /\ss\s*=\s*"(\d+)"/;
const V_EL = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?v>/;
const F_EL = /<(?:[\w.-]+:)?f(\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?f>)/;
const IS_EL = /<(?:[\w.-]+:)?is(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?is>/;

export interface SheetDataSpan {
  /** Offsets of the text inside <sheetData>…</sheetData> (start === end when the element is empty). */
  start: number;
  end: number;
  /** Offset of the whole element and one past it. */
  elementStart: number;
  elementEnd: number;
  selfClosing: boolean;
}

export function sheetDataSpan(xml: string): SheetDataSpan {
  const m = /<(?:[\w.-]+:)?sheetData(?=[\s/>])[^>]*>/.exec(xml);
  if (!m) throw new Error('worksheet has no sheetData');
  const open = m[0];
  if (open.endsWith('/>')) return { start: m.index + open.length, end: m.index + open.length, elementStart: m.index, elementEnd: m.index + open.length, selfClosing: true };
  const prefix = /^<([\w.-]+:)?/.exec(open)?.[1] ?? '';
  const close = `</${prefix}sheetData>`;
  const end = xml.indexOf(close, m.index);
  if (end < 0) throw new Error('worksheet sheetData is not closed');
  return { start: m.index + open.length, end, elementStart: m.index, elementEnd: end + close.length, selfClosing: false };
}

interface SharedFormula {
  formula: string;
  row: number;
  col: number;
}

export function sheetToGrid(pkg: SpreadsheetPackage, sheetPart: string, sheetName: string): Grid {
  const xml = pkg.text(sheetPart);
  const grid = emptyGrid(sheetName);
  const span = sheetDataSpan(xml);
  const strings = pkg.sharedStrings();
  const notes = pkg.notes(sheetPart);
  const formatOf = new Map<number, string>();
  const shared = new Map<string, SharedFormula>();

  for (const mc of elements(xml, 'mergeCell', span.elementEnd)) if (mc.attrs.ref) grid.merges.push(parseRange(mc.attrs.ref));
  // Excel keeps a merged area's value in its top-left cell; anything stored under the rest is not shown.
  // (Found through an index of the areas: a set of every covered cell grew to hundreds of thousands of keys.)
  const merges = new MergeIndex(grid.merges);
  const hidden = (row: number, col: number) =>
    grid.merges.length > 0 && merges.some({ row, col }, (m) => (m.bottom - m.top + 1) * (m.right - m.left + 1) <= 100000 && (row !== m.top || col !== m.left));

  let row = -1;
  let col = -1;
  CELL_OR_ROW.lastIndex = span.start;
  let m: RegExpExecArray | null;
  while ((m = CELL_OR_ROW.exec(xml)) && m.index < span.end) {
    const tagAttrs = m[3];
    if (m[2] === 'row') {
      const r = ROW_R.exec(tagAttrs);
      row = r ? Number(r[1]) - 1 : row + 1;
      col = -1;
      continue;
    }
    const ra = R_ATTR.exec(tagAttrs);
    if (ra) {
      col = columnIndex(ra[1]);
      row = Number(ra[2]) - 1;
    } else col += 1;
    let inner = '';
    if (!tagAttrs.endsWith('/')) {
      const close = `</${m[1] ?? ''}c>`;
      const at = xml.indexOf(close, CELL_OR_ROW.lastIndex);
      if (at < 0) break;
      inner = xml.slice(CELL_OR_ROW.lastIndex, at);
      CELL_OR_ROW.lastIndex = at + close.length;
    }
    if (hidden(row, col)) continue;
    const note = notes.size > 0 ? notes.get(toA1(row, col)) : undefined;
    if (!inner && !note) continue;

    const type = T_ATTR.exec(tagAttrs)?.[1] ?? 'n';
    let value: CellValue = null;
    if (type === 'inlineStr') {
      const is = IS_EL.exec(inner);
      value = is ? runText(is[1]) : '';
    } else {
      const v = V_EL.exec(inner);
      if (v && v[1] !== '') {
        const text = v[1];
        if (type === 's') value = strings[Number(text)] ?? '';
        else if (type === 'str') value = decodeXstring(text);
        else if (type === 'b') value = text.trim() === '1' || text.trim() === 'true';
        else if (type === 'e') value = { error: decodeXml(text) };
        else if (type === 'd') value = isoToSerial(text);
        else {
          const n = Number(text);
          value = text.trim() === '' || Number.isNaN(n) ? decodeXml(text) : n;
        }
      }
    }
    let formula: string | undefined;
    const f = inner ? F_EL.exec(inner) : null;
    if (f) {
      const fAttrs = f[1] ?? '';
      const text = f[2] ? decodeXml(f[2]) : '';
      const si = /\ssi\s*=\s*"(\d+)"/.exec(fAttrs)?.[1];
      if (/\st\s*=\s*"shared"/.test(fAttrs) && si !== undefined) {
        const master = shared.get(si);
        if (text) shared.set(si, { formula: text, row, col });
        else if (master) formula = `=${translateFormula(master.formula, row - master.row, col - master.col)}`;
      }
      if (text) formula = `=${text}`;
    }
    if (value === null && !formula && !note) continue;
    const out: Cell = { value };
    if (formula) out.formula = formula;
    const s = S_ATTR.exec(tagAttrs);
    if (s) {
      const idx = Number(s[1]);
      let fmt = formatOf.get(idx);
      if (fmt === undefined) {
        fmt = pkg.numberFormatOf(idx);
        formatOf.set(idx, fmt);
      }
      if (fmt !== 'General') out.numberFormat = fmt;
    }
    if (note) out.note = note;
    setCell(grid, { row, col }, out);
  }
  // Notes on cells the sheet data does not list.
  for (const [address, note] of notes) {
    const ref = /^([A-Z]+)(\d+)$/.exec(address);
    if (!ref) continue;
    const row = Number(ref[2]) - 1;
    const col = columnIndex(ref[1]);
    if (!grid.cells.has(`${row},${col}`) && !hidden(row, col)) setCell(grid, { row, col }, { value: null, note });
  }
  return grid;
}

function toA1(row: number, col: number): string {
  let n = col + 1;
  let name = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return `${name}${row + 1}`;
}

export { firstElement };
