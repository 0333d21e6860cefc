/**
 * A lookup structure over one grid's text: normalised label -> cells, and the cells of each row.
 * The non-empty cells are held in flat arrays in reading order, found through the index of each row's first
 * cell: the locator asks about nearly every cell of a long form, and an object or a `row,col` string per cell
 * made the index the largest and slowest part of a check.
 */
import { normalizeLabel } from '../form/labels';
import { MergeIndex } from '../grid/merge-index';
import type { CellRef, RangeRef } from '../grid/address';
import type { CellValue, Grid } from '../grid/types';
import { joinsToLabel } from './known-labels';

/** A label split over two cells, read as one: the upper cell stands for both. */
interface Joined {
  norm: string;
  text: string;
  /** The last row the joined label covers (the lower cell's bottom). */
  bottom: number;
}

export class SheetIndex {
  /** The non-empty cells in reading order: position, value, and normalised text (text cells only). */
  // Plain arrays of small integers (held as compactly as typed arrays, and what every engine the add-in runs on has).
  private readonly cellRow: number[];
  private readonly cellCol: number[];
  private readonly values: CellValue[];
  private readonly norms: (string | undefined)[];
  /** Row -> index of its first cell; filled in reading order, so its keys run in row order. */
  private readonly rowStart = new Map<number, number>();
  /** Normalised text -> the index of its cell, or of its cells in reading order. */
  private readonly byLabel = new Map<string, number | number[]>();
  /** Upper cells of split labels and the lower cells they absorbed, by cell index. */
  private readonly joined = new Map<number, Joined>();
  private readonly absorbed = new Set<number>();
  private readonly merges: MergeIndex;

  constructor(readonly grid: Grid) {
    this.merges = new MergeIndex(grid.merges);
    const rows: number[] = [];
    const cols: number[] = [];
    const values: CellValue[] = [];
    let n = 0;
    let sorted = true;
    for (const [key, cell] of grid.cells) {
      const value = cell.value;
      if (value === null || value === '') continue;
      const comma = key.indexOf(',');
      rows.push(+key.slice(0, comma));
      cols.push(+key.slice(comma + 1));
      if (n > 0 && (rows[n] < rows[n - 1] || (rows[n] === rows[n - 1] && cols[n] < cols[n - 1]))) sorted = false;
      values.push(value);
      n++;
    }
    // A sheet lists its cells in reading order almost always (a merged label may come last in its row).
    if (sorted) {
      this.cellRow = rows;
      this.cellCol = cols;
      this.values = values;
    } else {
      const order = values.map((_, i) => i).sort((a, b) => rows[a] - rows[b] || cols[a] - cols[b]);
      this.cellRow = order.map((i) => rows[i]);
      this.cellCol = order.map((i) => cols[i]);
      this.values = order.map((i) => values[i]);
    }
    this.norms = this.values.map((v) => (typeof v === 'string' ? normalizeLabel(v) : undefined));
    for (let i = 0; i < n; i++) if (i === 0 || this.cellRow[i] !== this.cellRow[i - 1]) this.rowStart.set(this.cellRow[i], i);
    this.joinSplitLabels();
    for (let i = 0; i < n; i++) {
      if (this.absorbed.has(i)) continue;
      const norm = this.joined.get(i)?.norm ?? this.norms[i];
      if (norm === undefined || norm === '') continue;
      const at = this.byLabel.get(norm);
      if (at === undefined) this.byLabel.set(norm, i);
      else if (typeof at === 'number') this.byLabel.set(norm, [at, i]);
      else at.push(i);
    }
  }

  /** A text cell and the text cell right below it (same column, next row after its merged area) that together make a known label. */
  private joinSplitLabels(): void {
    for (let i = 0; i < this.values.length; i++) {
      const value = this.values[i];
      if (typeof value !== 'string' || this.absorbed.has(i)) continue;
      const upper = this.norms[i]!;
      if (upper.length > 12) continue; // labels are short; long text never needs joining
      const col = this.cellCol[i];
      const below = { row: this.bottomEdge({ row: this.cellRow[i], col }) + 1, col };
      const j = this.indexOf(below);
      const lowerText = j < 0 ? undefined : this.values[j];
      if (typeof lowerText !== 'string') continue;
      const lower = this.norms[j]!;
      if (!joinsToLabel(upper, lower)) continue;
      this.joined.set(i, { norm: upper + lower, text: `${value}\n${lowerText}`, bottom: this.bottomEdge(below) });
      this.absorbed.add(j);
    }
  }

  /** The index of a non-empty cell, or -1. */
  private indexOf(ref: CellRef): number {
    const start = this.rowStart.get(ref.row);
    if (start === undefined) return -1;
    for (let i = start; i < this.cellRow.length && this.cellRow[i] === ref.row; i++) {
      if (this.cellCol[i] === ref.col) return i;
      if (this.cellCol[i] > ref.col) break;
    }
    return -1;
  }

  private refOf(i: number): CellRef {
    return { row: this.cellRow[i], col: this.cellCol[i] };
  }

  /** Cells whose text is one of the labels, in reading order, optionally from a row on. */
  find(labels: readonly string[], fromRow = 0): CellRef[] {
    const out: CellRef[] = [];
    for (const l of labels) {
      const at = this.byLabel.get(normalizeLabel(l));
      if (at === undefined) continue;
      for (const i of typeof at === 'number' ? [at] : at) if (this.cellRow[i] >= fromRow) out.push(this.refOf(i));
    }
    return out.sort((a, b) => a.row - b.row || a.col - b.col);
  }

  first(labels: readonly string[], fromRow = 0): CellRef | null {
    return this.find(labels, fromRow)[0] ?? null;
  }

  /** The text cells (with their normalised text), in reading order, from a row on, that pass `test`. */
  private texts(fromRow: number, test: (norm: string) => boolean, firstOnly: boolean): { ref: CellRef; norm: string }[] {
    const out: { ref: CellRef; norm: string }[] = [];
    for (let i = 0; i < this.values.length; i++) {
      if (this.norms[i] === undefined || this.cellRow[i] < fromRow || this.absorbed.has(i)) continue;
      const norm = this.joined.get(i)?.norm ?? this.norms[i]!;
      if (norm === '' || !test(norm)) continue;
      out.push({ ref: this.refOf(i), norm });
      if (firstOnly) break;
    }
    return out;
  }

  /** Cells whose normalised text starts with `prefix`. */
  findPrefix(prefix: string, fromRow = 0): { ref: CellRef; norm: string }[] {
    const p = normalizeLabel(prefix);
    return this.texts(fromRow, (norm) => norm.startsWith(p), false);
  }

  /** The first text cell, in reading order, whose normalised text passes `test`. */
  firstText(test: (norm: string) => boolean): { ref: CellRef; norm: string } | undefined {
    return this.texts(0, test, true)[0];
  }

  /** Within rows [top, bottom], the first cell whose text is one of the labels. */
  findInRows(labels: readonly string[], top: number, bottom: number): CellRef | null {
    return this.find(labels).find((r) => r.row >= top && r.row <= bottom) ?? null;
  }

  /** The columns of a row's non-empty cells, in order (the lower cells of split labels left out). */
  colsOfRow(row: number): number[] {
    const out: number[] = [];
    const start = this.rowStart.get(row);
    if (start === undefined) return out;
    for (let i = start; i < this.cellRow.length && this.cellRow[i] === row; i++) if (!this.absorbed.has(i)) out.push(this.cellCol[i]);
    return out;
  }

  textAt(ref: CellRef): string {
    const i = this.indexOf(ref);
    if (i < 0 || this.absorbed.has(i)) return '';
    const joined = this.joined.get(i);
    if (joined) return joined.text;
    const v = this.values[i];
    return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
  }

  normAt(ref: CellRef): string {
    const i = this.indexOf(ref);
    if (i < 0 || this.absorbed.has(i)) return '';
    return this.joined.get(i)?.norm ?? this.norms[i] ?? normalizeLabel(this.textAt(ref));
  }

  isEmpty(ref: CellRef): boolean {
    const i = this.indexOf(ref);
    if (i < 0 || this.absorbed.has(i)) return true;
    const v = this.values[i];
    return typeof v === 'string' && v.trim() === '';
  }

  /** The merged area that contains the cell, if any. */
  mergeAt(ref: CellRef): RangeRef | undefined {
    return this.merges.at(ref);
  }

  /** The last column a cell covers, through its merged area. */
  rightEdge(ref: CellRef): number {
    return this.merges.at(ref)?.right ?? ref.col;
  }

  /** The last row a cell covers, through its merged area and, for a split label, its lower part. */
  bottomEdge(ref: CellRef): number {
    const joined = this.joined.size > 0 ? this.joined.get(this.indexOf(ref)) : undefined;
    if (joined) return joined.bottom;
    return this.merges.at(ref)?.bottom ?? ref.row;
  }

  /** Merged areas whose top row lies in [top, bottom]. */
  mergesStartingIn(top: number, bottom: number): RangeRef[] {
    return this.merges.startingIn(top, bottom);
  }
}
