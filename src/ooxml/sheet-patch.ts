/**
 * Rewrites only the written cells of a worksheet part. The text outside the rows that hold a written cell is
 * copied as it was; inside such a row, every other cell is copied as it was too (given an `r` when the writer
 * had left positions implicit, since an inserted cell would otherwise shift them).
 * Worksheet XML: ECMA-376 Part 1, 18.3.1 (row 18.3.1.73, c 18.3.1.4, f 18.3.1.40).
 */
import { columnIndex, columnName, parseRange } from '../grid/address';
import type { CellValue } from '../grid/types';
import { isCellError } from '../grid/types';
import { translateFormula } from './formula';
import { sheetDataSpan } from './sheet-grid';
import { escapeXml, removeAttr, setAttr } from './xml';

/** What to do to one cell. */
export interface CellEdit {
  row: number; // zero-based
  col: number;
  /** 'value' writes `value`; 'formula' writes `formula` (cached `value` when given); 'style' keeps the content. */
  kind: 'value' | 'formula' | 'style';
  value?: CellValue;
  formula?: string;
  /** New style index for the cell, computed from its current one (undefined: keep it). */
  style?: (current: number) => number | undefined;
}

export interface SheetPatchResult {
  xml: string;
  /** A formula was replaced by a value: the calculation chain may name a cell without one. */
  formulaRemoved: boolean;
}

/**
 * A worksheet's text in three parts: up to the start of the sheet data, the sheet data in pieces (mostly
 * slices of the text as read), and from its end tag on. A long sheet's data is hundreds of MB as one
 * string; kept in pieces it is never copied whole, and what comes after it (notes' drawing) is edited alone.
 */
export interface SheetParts {
  head: string;
  body: string[];
  foot: string;
}

export function joinSheetParts(parts: SheetParts): string {
  return `${parts.head}${parts.body.join('')}${parts.foot}`;
}

interface CellSpan {
  col: number;
  start: number;
  end: number;
  tag: string; // start tag text
  inner: string;
  hasR: boolean;
}

const ROW_TAG = /<([\w.-]+:)?row(?=[\s/>])([^>]*)>/g;
const CELL_TAG = /<([\w.-]+:)?c(?=[\s/>])([^>]*)>/g;

function cellsOf(xml: string, from: number, to: number): CellSpan[] {
  const out: CellSpan[] = [];
  let col = -1;
  CELL_TAG.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = CELL_TAG.exec(xml)) && m.index < to) {
    const r = /\sr\s*=\s*"([A-Za-z]+)\d+"/.exec(m[2]);
    col = r ? columnIndex(r[1]) : col + 1;
    let end = CELL_TAG.lastIndex;
    let inner = '';
    if (!m[0].endsWith('/>')) {
      const close = `</${m[1] ?? ''}c>`;
      const at = xml.indexOf(close, end);
      inner = xml.slice(end, at);
      end = at + close.length;
      CELL_TAG.lastIndex = end;
    }
    out.push({ col, start: m.index, end, tag: m[0], inner, hasR: !!r });
  }
  return out;
}

function styleOf(tag: string): number {
  const s = /\ss\s*=\s*"(\d+)"/.exec(tag);
  return s ? Number(s[1]) : 0;
}

function valueXml(value: CellValue | undefined, p: string): { t?: string; body: string } {
  if (value === null || value === undefined) return { body: '' };
  if (typeof value === 'number') return Number.isFinite(value) ? { body: `<${p}v>${value}</${p}v>` } : { body: '' };
  if (typeof value === 'boolean') return { t: 'b', body: `<${p}v>${value ? 1 : 0}</${p}v>` };
  if (isCellError(value)) return { t: 'e', body: `<${p}v>${escapeXml(value.error)}</${p}v>` };
  const space = /^\s|\s$|\n/.test(value) ? ' xml:space="preserve"' : '';
  return { t: 'inlineStr', body: `<${p}is><${p}t${space}>${escapeXml(value)}</${p}t></${p}is>` };
}

/** A cell element for an edit, keeping the attributes of the cell it replaces (but its type and metadata). */
function editedCell(edit: CellEdit, old: CellSpan | undefined, ref: string, p: string): { xml: string; formulaRemoved: boolean } {
  const current = old ? styleOf(old.tag) : 0;
  const style = edit.style?.(current);
  let tag = old ? old.tag.replace(/\/>$/, '>') : `<${p}c r="${ref}">`;
  if (!old?.hasR) tag = setAttr(tag, 'r', ref);
  if (style !== undefined && style !== current) tag = setAttr(tag, 's', String(style));
  const hadFormula = !!old && /<(?:[\w.-]+:)?f[\s/>]/.test(old.inner);
  if (edit.kind === 'style') {
    if (!old) return { xml: `${tag.slice(0, -1)}/>`, formulaRemoved: false };
    return { xml: old.tag.endsWith('/>') ? `${tag.slice(0, -1)}/>` : `${tag}${old.inner}</${p}c>`, formulaRemoved: false };
  }
  for (const a of ['t', 'cm', 'vm', 'ph']) tag = removeAttr(tag, a);
  if (edit.kind === 'formula') {
    const f = escapeXml((edit.formula ?? '').replace(/^=/, ''));
    const cached = typeof edit.value === 'string' ? { t: 'str', body: `<${p}v>${escapeXml(edit.value)}</${p}v>` } : valueXml(edit.value, p);
    if (cached.t) tag = setAttr(tag, 't', cached.t);
    return { xml: `${tag}<${p}f>${f}</${p}f>${cached.body}</${p}c>`, formulaRemoved: false };
  }
  const v = valueXml(edit.value, p);
  if (v.t) tag = setAttr(tag, 't', v.t);
  return { xml: v.body ? `${tag}${v.body}</${p}c>` : `${tag.slice(0, -1)}/>`, formulaRemoved: hadFormula };
}

interface SharedGroup {
  formula: string;
  row: number;
  col: number;
}

/**
 * Shared formula groups whose master cell is about to be overwritten: their other cells must get the formula
 * written out, or they would lose it with the master.
 */
function brokenSharedGroups(xml: string, from: number, to: number, edited: Map<number, Map<number, CellEdit>>): Map<string, SharedGroup> {
  const out = new Map<string, SharedGroup>();
  if (xml.indexOf('shared', from) < 0) return out;
  const re = /<([\w.-]+:)?c(?=[\s/>])([^>]*)>(?:(?!<\/(?:[\w.-]+:)?c>)[\s\S])*?<(?:[\w.-]+:)?f\s([^>]*t\s*=\s*"shared"[^>]*)>([^<]+)</g;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) && m.index < to) {
    const r = /\sr\s*=\s*"([A-Za-z]+)(\d+)"/.exec(m[2]);
    const si = /\ssi\s*=\s*"(\d+)"/.exec(m[3]);
    if (!r || !si) continue;
    const row = Number(r[2]) - 1;
    const col = columnIndex(r[1]);
    const e = edited.get(row)?.get(col);
    if (e && e.kind !== 'style') out.set(si[1], { formula: m[4], row, col });
  }
  return out;
}

/** Writes out a dependent cell of a broken shared group as a formula of its own. */
function unshare(cell: CellSpan, groups: Map<string, SharedGroup>, row: number): string | undefined {
  const f = /<([\w.-]+:)?f(\s[^>]*)?\/>/.exec(cell.inner);
  if (!f) return undefined;
  const si = /\ssi\s*=\s*"(\d+)"/.exec(f[2] ?? '');
  const g = si && /t\s*=\s*"shared"/.test(f[2] ?? '') ? groups.get(si[1]) : undefined;
  if (!g) return undefined;
  const own = translateFormula(g.formula, row - g.row, cell.col - g.col);
  return `${cell.tag}${cell.inner.replace(f[0], `<${f[1] ?? ''}f>${own}</${f[1] ?? ''}f>`)}</${f[1] ?? ''}c>`;
}

export function patchSheetXml(xml: string, edits: readonly CellEdit[]): SheetPatchResult {
  const { parts, formulaRemoved } = patchSheetParts(xml, edits);
  return { xml: joinSheetParts(parts), formulaRemoved };
}

export function patchSheetParts(xml: string, edits: readonly CellEdit[]): { parts: SheetParts; formulaRemoved: boolean } {
  const byRow = new Map<number, Map<number, CellEdit>>();
  for (const e of edits) {
    const row = byRow.get(e.row) ?? new Map<number, CellEdit>();
    row.set(e.col, e);
    byRow.set(e.row, row);
  }
  const span = sheetDataSpan(xml);
  const groups = brokenSharedGroups(xml, span.start, span.end, byRow);
  const prefix = /^<([\w.-]+:)?/.exec(xml.slice(span.elementStart, span.elementStart + 40))?.[1] ?? '';
  let formulaRemoved = false;
  const pieces: string[] = [];
  let copiedTo = span.start;
  const pending = [...byRow.keys()].sort((a, b) => a - b);
  let next = 0;

  const newRow = (row: number): string => {
    const cells = [...byRow.get(row)!.entries()].sort((a, b) => a[0] - b[0]);
    return `<${prefix}row r="${row + 1}">${cells.map(([col, e]) => editedCell(e, undefined, `${columnName(col)}${row + 1}`, prefix).xml).join('')}</${prefix}row>`;
  };

  let rowNum = -1;
  ROW_TAG.lastIndex = span.start;
  let m: RegExpExecArray | null;
  const rows: { row: number; start: number; end: number; tag: string; innerStart: number; innerEnd: number; p: string }[] = [];
  while ((m = ROW_TAG.exec(xml)) && m.index < span.end) {
    const r = /\sr\s*=\s*"(\d+)"/.exec(m[2]);
    rowNum = r ? Number(r[1]) - 1 : rowNum + 1;
    const p = m[1] ?? '';
    if (m[0].endsWith('/>')) {
      rows.push({ row: rowNum, start: m.index, end: ROW_TAG.lastIndex, tag: m[0], innerStart: ROW_TAG.lastIndex, innerEnd: ROW_TAG.lastIndex, p });
      continue;
    }
    const close = `</${p}row>`;
    const at = xml.indexOf(close, ROW_TAG.lastIndex);
    rows.push({ row: rowNum, start: m.index, end: at + close.length, tag: m[0], innerStart: ROW_TAG.lastIndex, innerEnd: at, p });
    ROW_TAG.lastIndex = at + close.length;
  }

  for (const row of rows) {
    // New rows that come before this one.
    while (next < pending.length && pending[next] < row.row) {
      pieces.push(xml.slice(copiedTo, row.start), newRow(pending[next]));
      copiedTo = row.start;
      next++;
    }
    const rowEdits = byRow.get(row.row);
    const needsUnshare = groups.size > 0 && xml.slice(row.innerStart, row.innerEnd).includes('shared');
    if (!rowEdits && !needsUnshare) continue;
    if (rowEdits) next++;
    const cells = cellsOf(xml, row.innerStart, row.innerEnd);
    const out: string[] = [];
    const todo = rowEdits ? [...rowEdits.keys()].sort((a, b) => a - b) : [];
    let t = 0;
    let rewritten = false;
    for (const cell of cells) {
      while (t < todo.length && todo[t] < cell.col) {
        out.push(editedCell(rowEdits!.get(todo[t])!, undefined, `${columnName(todo[t])}${row.row + 1}`, row.p).xml);
        t++;
        rewritten = true;
      }
      const ref = `${columnName(cell.col)}${row.row + 1}`;
      if (t < todo.length && todo[t] === cell.col) {
        const r = editedCell(rowEdits!.get(cell.col)!, cell, ref, row.p);
        formulaRemoved ||= r.formulaRemoved;
        out.push(r.xml);
        t++;
        rewritten = true;
        continue;
      }
      const own = groups.size > 0 ? unshare(cell, groups, row.row) : undefined;
      if (own) rewritten = true;
      let text = own ?? xml.slice(cell.start, cell.end);
      if (!cell.hasR && rowEdits) text = text.replace(cell.tag, setAttr(cell.tag, 'r', ref));
      out.push(text);
    }
    while (t < todo.length) {
      out.push(editedCell(rowEdits!.get(todo[t])!, undefined, `${columnName(todo[t])}${row.row + 1}`, row.p).xml);
      t++;
      rewritten = true;
    }
    if (!rewritten) continue;
    const lastCellEnd = cells.length > 0 ? cells[cells.length - 1].end : row.innerStart;
    const firstCellStart = cells.length > 0 ? cells[0].start : row.innerStart;
    let tag = row.tag.replace(/\/>$/, '>');
    const spans = /\sspans\s*=\s*"(\d+):(\d+)"/.exec(tag);
    if (spans && rowEdits) {
      const cols = [...rowEdits.keys()];
      const lo = Math.min(Number(spans[1]), ...cols.map((c) => c + 1));
      const hi = Math.max(Number(spans[2]), ...cols.map((c) => c + 1));
      tag = setAttr(tag, 'spans', `${lo}:${hi}`);
    }
    pieces.push(
      xml.slice(copiedTo, row.start),
      tag,
      xml.slice(row.innerStart, firstCellStart),
      out.join(''),
      xml.slice(lastCellEnd, row.innerEnd),
      `</${row.p}row>`,
    );
    copiedTo = row.end;
  }
  const tail: string[] = [];
  while (next < pending.length) tail.push(newRow(pending[next++]));
  let parts: SheetParts;
  if (span.selfClosing) {
    const open = xml.slice(span.elementStart, span.elementEnd).replace(/\s*\/>$/, '>');
    parts = { head: `${xml.slice(0, span.elementStart)}${open}`, body: tail, foot: `</${prefix}sheetData>${xml.slice(span.elementEnd)}` };
  } else {
    parts = { head: xml.slice(0, span.start), body: [...pieces, xml.slice(copiedTo, span.end), ...tail], foot: xml.slice(span.end) };
  }
  // <dimension> comes before the sheet data (ECMA-376 Part 1, 18.3.1.99); it is looked for after it too, never inside.
  const head = widenDimension(parts.head, edits);
  if (head !== null) parts.head = head;
  else parts.foot = widenDimension(parts.foot, edits) ?? parts.foot;
  return { parts, formulaRemoved };
}

/** Widens <dimension ref> to take in the written cells; null when the text has no dimension element. */
function widenDimension(xml: string, edits: readonly CellEdit[]): string | null {
  const m = /<(?:[\w.-]+:)?dimension\s[^>]*ref\s*=\s*"([^"]+)"[^>]*>/.exec(xml);
  if (!m) return null;
  if (edits.length === 0) return xml;
  let r;
  try {
    r = parseRange(m[1]);
  } catch {
    return xml;
  }
  let { top, bottom, left, right } = r;
  for (const e of edits) {
    top = Math.min(top, e.row);
    bottom = Math.max(bottom, e.row);
    left = Math.min(left, e.col);
    right = Math.max(right, e.col);
  }
  if (top === r.top && bottom === r.bottom && left === r.left && right === r.right) return xml;
  const ref = `${columnName(left)}${top + 1}:${columnName(right)}${bottom + 1}`;
  return xml.slice(0, m.index) + setAttr(m[0], 'ref', ref) + xml.slice(m.index + m[0].length);
}
