/**
 * Word tables -> grids, one grid per table named 表1, 表2, … . A cell's column is its place on the table's
 * grid (w:gridBefore skips columns, w:gridSpan widens a cell); w:vMerge="restart" opens a vertical merge
 * that each following w:vMerge cell in the same column extends; a cell's paragraphs are joined by line
 * breaks (w:br too), w:tab becomes a tab. Word stores numbers as text: plain numbers and percentages
 * become numbers (a percentage with a percent format), the rest stays text.
 * Cells of a .docx are referred to as 表1!R3C4 (table 1, row 3, column 4 of its grid).
 * Reference: ECMA-376 Part 1, §17.4 (tables): gridSpan 17.4.17, vMerge 17.4.85, gridBefore 17.4.15.
 */
import { emptyGrid, setCell } from '../grid/grid';
import type { Cell, Grid } from '../grid/types';
import { ZipError } from '../ooxml/zip-read';
import { openDocxParts, type OpenParts } from './parts';

/** A .docx that cannot be read. `kind` and `cause` let each shell say why in the user's language (i18n/file-errors). */
export class DocxReadError extends Error {
  constructor(
    message: string,
    readonly kind?: 'not-zip' | 'corrupt',
    readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'DocxReadError';
  }
}

const TAG_RE = /<(\/?)([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<\?[^>]*\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|([^<]+)/g;
const ATTR_RE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e]!;
  });
}

function attrs(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of raw.matchAll(ATTR_RE)) out[m[1].replace(/^\w+:/, '')] = decode(m[2] ?? m[3] ?? '');
  return out;
}

interface CellDraft {
  col: number;
  span: number;
  vMerge: 'restart' | 'continue' | null;
  paragraphs: string[];
}

interface TableDraft {
  rows: { cells: CellDraft[]; gridBefore: number }[];
}

/** Reads the tables of word/document.xml (top level and nested, each its own table, numbered as they close: a nested table before the one holding it). */
export function tablesOfDocumentXml(xml: string): Grid[] {
  const stack: { table: TableDraft; row: TableDraft['rows'][number] | null; cell: CellDraft | null; col: number }[] = [];
  const done: TableDraft[] = [];
  let inText = false;
  for (const m of xml.matchAll(TAG_RE)) {
    const [, close, , local, rawAttrs, selfClose, cdata, text] = m;
    const top = stack[stack.length - 1];
    if (text !== undefined || cdata !== undefined) {
      if (inText && top?.cell) appendText(top.cell, cdata ?? decode(text!));
      continue;
    }
    if (!local) continue;
    if (close) {
      if (local === 't') inText = false;
      else if (local === 'tc' && top) top.cell = null;
      else if (local === 'tr' && top) top.row = null;
      else if (local === 'tbl') done.push(stack.pop()!.table);
      continue;
    }
    switch (local) {
      case 'tbl':
        stack.push({ table: { rows: [] }, row: null, cell: null, col: 0 });
        break;
      case 'tr':
        if (top) {
          top.row = { cells: [], gridBefore: 0 };
          top.table.rows.push(top.row);
          top.col = 0;
        }
        break;
      case 'gridBefore':
        if (top?.row && !top.cell) {
          top.row.gridBefore = Number(attrs(rawAttrs).val ?? 0) || 0;
          top.col = top.row.gridBefore;
        }
        break;
      case 'tc':
        if (top?.row) {
          top.cell = { col: top.col, span: 1, vMerge: null, paragraphs: [] };
          top.row.cells.push(top.cell);
        }
        break;
      case 'gridSpan':
        if (top?.cell) {
          top.cell.span = Math.max(1, Number(attrs(rawAttrs).val ?? 1) || 1);
        }
        break;
      case 'vMerge':
        if (top?.cell) top.cell.vMerge = attrs(rawAttrs).val === 'restart' ? 'restart' : 'continue';
        break;
      case 'p':
        if (top?.cell) top.cell.paragraphs.push('');
        break;
      case 't':
        inText = !selfClose;
        break;
      case 'tab':
        if (top?.cell) appendText(top.cell, '\t');
        break;
      case 'br':
      case 'cr':
        if (top?.cell) appendText(top.cell, '\n');
        break;
    }
    // A cell's column span is known once its properties are read; the next cell starts after it.
    if (local === 'tc' || local === 'gridSpan') {
      const t = stack[stack.length - 1];
      if (t?.cell && t.row) t.col = t.cell.col + t.cell.span;
    }
  }
  return done.map((t, i) => toGrid(t, `表${i + 1}`));
}

function appendText(cell: CellDraft, text: string): void {
  if (cell.paragraphs.length === 0) cell.paragraphs.push('');
  cell.paragraphs[cell.paragraphs.length - 1] += text;
}

const NUMBER_RE = /^[+-]?\d+(\.\d+)?$/;
const PERCENT_RE = /^([+-]?\d+(?:\.(\d+))?)%$/;

/** Word keeps everything as text; a plain number or percentage becomes the number Excel would hold. */
function cellOf(text: string): Cell {
  const bare = text.trim();
  if (NUMBER_RE.test(bare) && text === bare) return { value: Number(bare) };
  const pct = PERCENT_RE.exec(bare);
  if (pct && text === bare) return { value: Number(pct[1]) / 100, numberFormat: pct[2] ? `0.${'0'.repeat(pct[2].length)}%` : '0%' };
  return { value: text };
}

function toGrid(table: TableDraft, name: string): Grid {
  const grid = emptyGrid(name);
  const open = new Map<number, { top: number; left: number; right: number; bottom: number }>();
  table.rows.forEach((row, r) => {
    for (const cell of row.cells) {
      const right = cell.col + cell.span - 1;
      if (cell.vMerge === 'continue') {
        const m = open.get(cell.col);
        if (m && m.right === right) {
          m.bottom = r;
          continue;
        }
      }
      // A cell that neither restarts nor continues closes any merge open in its columns.
      for (let c = cell.col; c <= right; c++) open.delete(c);
      const text = cell.paragraphs.join('\n');
      if (text.trim() !== '') setCell(grid, { row: r, col: cell.col }, cellOf(text));
      if (cell.vMerge === 'restart' || cell.span > 1) {
        const m = { top: r, left: cell.col, right, bottom: r };
        grid.merges.push(m);
        if (cell.vMerge === 'restart') open.set(cell.col, m);
      }
    }
    grid.rowCount = Math.max(grid.rowCount, r + 1);
    grid.colCount = Math.max(grid.colCount, ...row.cells.map((c) => c.col + c.span));
  });
  // Single cells are no merged areas.
  grid.merges = grid.merges.filter((m) => m.bottom > m.top || m.right > m.left);
  return grid;
}

/** The tables of a .docx file, one grid each. */
export async function readDocxTables(bytes: Uint8Array, open: OpenParts = openDocxParts): Promise<Grid[]> {
  let part;
  try {
    const read = await open(bytes);
    part = await read('word/document.xml');
  } catch (e) {
    // The zip layer's messages already say what is wrong in both languages, as they do for a workbook.
    if (e instanceof ZipError) throw new DocxReadError(e.message, undefined, e);
    throw new DocxReadError(`不是有效的 .docx 文件 (not a valid .docx file): ${(e as Error).message.split('\n')[0]}`, 'corrupt', e);
  }
  // A package without a Word body (a workbook renamed .docx, say) is not a Word document.
  if (part === null) throw new DocxReadError('不是有效的 .docx 文件：缺少 word/document.xml (not a valid .docx file: no word/document.xml)', 'not-zip');
  return tablesOfDocumentXml(part);
}

/** A .docx cell as people read it: 表1!R3C4. */
export function docxAddress(table: string, ref: { row: number; col: number }): string {
  return `${table}!R${ref.row + 1}C${ref.col + 1}`;
}
