/** A lookup structure over one grid's text: normalised label -> cells, and the cells of each row. */
import { normalizeLabel } from '../form/labels';
import { getCell, mergeAt } from '../grid/grid';
import { cellKey, type CellRef } from '../grid/address';
import type { Grid } from '../grid/types';
import { joinsToLabel } from './known-labels';

/** A label split over two cells, read as one: the upper cell stands for both. */
interface Joined {
  norm: string;
  text: string;
  /** The last row the joined label covers (the lower cell's bottom). */
  bottom: number;
}

export class SheetIndex {
  /** Normalised text -> its cells, in reading order. */
  private readonly byLabel = new Map<string, CellRef[]>();
  /** Row -> sorted columns of its non-empty cells. */
  private readonly rowCols = new Map<number, number[]>();
  /** Upper cells of split labels (by cell key), and the lower cells they absorbed. */
  private readonly joined = new Map<string, Joined>();
  private readonly absorbed = new Set<string>();
  readonly texts: { ref: CellRef; norm: string }[] = [];

  constructor(readonly grid: Grid) {
    const entries: { row: number; col: number; value: unknown }[] = [];
    for (const [key, cell] of grid.cells) {
      if (cell.value === null || cell.value === '') continue;
      const comma = key.indexOf(',');
      entries.push({ row: +key.slice(0, comma), col: +key.slice(comma + 1), value: cell.value });
    }
    entries.sort((a, b) => a.row - b.row || a.col - b.col);
    this.joinSplitLabels(entries);
    for (const { row, col, value } of entries) {
      const key = `${row},${col}`;
      if (this.absorbed.has(key)) continue;
      let cols = this.rowCols.get(row);
      if (!cols) this.rowCols.set(row, (cols = []));
      cols.push(col);
      if (typeof value !== 'string') continue;
      const norm = this.joined.get(key)?.norm ?? normalizeLabel(value);
      if (norm === '') continue;
      const ref = { row, col };
      this.texts.push({ ref, norm });
      const list = this.byLabel.get(norm);
      if (list) list.push(ref);
      else this.byLabel.set(norm, [ref]);
    }
  }

  /** A text cell and the text cell right below it (same column, next row after its merged area) that together make a known label. */
  private joinSplitLabels(entries: { row: number; col: number; value: unknown }[]): void {
    const textAt = new Map<string, string>();
    for (const e of entries) if (typeof e.value === 'string') textAt.set(`${e.row},${e.col}`, e.value);
    for (const e of entries) {
      const key = `${e.row},${e.col}`;
      if (typeof e.value !== 'string' || this.absorbed.has(key)) continue;
      const upper = normalizeLabel(e.value);
      if (upper.length > 12) continue; // labels are short; long text never needs joining
      const below = { row: this.bottomEdge({ row: e.row, col: e.col }) + 1, col: e.col };
      const lowerText = textAt.get(cellKey(below));
      if (lowerText === undefined) continue;
      const lower = normalizeLabel(lowerText);
      if (!joinsToLabel(upper, lower)) continue;
      this.joined.set(key, { norm: upper + lower, text: `${e.value}\n${lowerText}`, bottom: this.bottomEdge(below) });
      this.absorbed.add(cellKey(below));
    }
  }

  /** Cells whose text is one of the labels, in reading order, optionally from a row on. */
  find(labels: readonly string[], fromRow = 0): CellRef[] {
    const out: CellRef[] = [];
    for (const l of labels) for (const ref of this.byLabel.get(normalizeLabel(l)) ?? []) if (ref.row >= fromRow) out.push(ref);
    return out.sort((a, b) => a.row - b.row || a.col - b.col);
  }

  first(labels: readonly string[], fromRow = 0): CellRef | null {
    return this.find(labels, fromRow)[0] ?? null;
  }

  /** Cells whose normalised text starts with `prefix`. */
  findPrefix(prefix: string, fromRow = 0): { ref: CellRef; norm: string }[] {
    const p = normalizeLabel(prefix);
    return this.texts.filter((t) => t.ref.row >= fromRow && t.norm.startsWith(p));
  }

  /** Within rows [top, bottom], the first cell whose text is one of the labels. */
  findInRows(labels: readonly string[], top: number, bottom: number): CellRef | null {
    return this.find(labels).find((r) => r.row >= top && r.row <= bottom) ?? null;
  }

  colsOfRow(row: number): number[] {
    return this.rowCols.get(row) ?? [];
  }

  textAt(ref: CellRef): string {
    const key = cellKey(ref);
    if (this.absorbed.has(key)) return '';
    const joined = this.joined.get(key);
    if (joined) return joined.text;
    const v = getCell(this.grid, ref)?.value;
    return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
  }

  normAt(ref: CellRef): string {
    return this.joined.get(cellKey(ref))?.norm ?? normalizeLabel(this.textAt(ref));
  }

  isEmpty(ref: CellRef): boolean {
    if (this.absorbed.has(cellKey(ref))) return true;
    const v = getCell(this.grid, ref)?.value;
    return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
  }

  /** The last column a cell covers, through its merged area. */
  rightEdge(ref: CellRef): number {
    return mergeAt(this.grid, ref)?.right ?? ref.col;
  }

  /** The last row a cell covers, through its merged area and, for a split label, its lower part. */
  bottomEdge(ref: CellRef): number {
    const joined = this.joined?.get(cellKey(ref));
    if (joined) return joined.bottom;
    return mergeAt(this.grid, ref)?.bottom ?? ref.row;
  }

  /** Merged areas whose top row lies in [top, bottom]. */
  mergesStartingIn(top: number, bottom: number): { top: number; left: number; bottom: number; right: number }[] {
    return this.grid.merges.filter((m) => m.top >= top && m.top <= bottom);
  }
}
