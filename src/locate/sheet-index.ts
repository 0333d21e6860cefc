/**
 * A lookup structure over one grid's text: normalised label -> cells, and the cells of each row.
 * Cells are held row by row (numbers, not `row,col` strings): the locator asks about nearly every cell of a
 * long form, and a string key per ask made locating the slowest and largest part of a check.
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

/** One row's non-empty cells, by column. */
interface RowCells {
  cols: number[];
  values: CellValue[];
  /** Normalised text of the text cells (undefined for the others). */
  norms: (string | undefined)[];
  /** `cols` without the lower cells of split labels. */
  visible: number[];
}

export class SheetIndex {
  /** Normalised text -> its cells as row, col pairs, in reading order. */
  private readonly byLabel = new Map<string, number[]>();
  private readonly rows = new Map<number, RowCells>();
  /** Rows that hold a cell, in order. */
  private readonly rowOrder: number[];
  /** Upper cells of split labels (row -> column -> joined label), and the lower cells they absorbed. */
  private readonly joined = new Map<number, Map<number, Joined>>();
  private readonly absorbed = new Map<number, Set<number>>();
  private readonly merges: MergeIndex;

  constructor(readonly grid: Grid) {
    this.merges = new MergeIndex(grid.merges);
    for (const [key, cell] of grid.cells) {
      const value = cell.value;
      if (value === null || value === '') continue;
      const comma = key.indexOf(',');
      const row = +key.slice(0, comma);
      let r = this.rows.get(row);
      if (!r) this.rows.set(row, (r = { cols: [], values: [], norms: [], visible: [] }));
      r.cols.push(+key.slice(comma + 1));
      r.values.push(value);
    }
    this.rowOrder = [...this.rows.keys()].sort((a, b) => a - b);
    for (const r of this.rows.values()) {
      sortRow(r);
      for (let i = 0; i < r.cols.length; i++) {
        const v = r.values[i];
        r.norms.push(typeof v === 'string' ? normalizeLabel(v) : undefined);
      }
    }
    this.joinSplitLabels();
    for (const row of this.rowOrder) {
      const r = this.rows.get(row)!;
      const absorbed = this.absorbed.get(row);
      r.visible = absorbed ? r.cols.filter((c) => !absorbed.has(c)) : r.cols;
      for (let i = 0; i < r.cols.length; i++) {
        const col = r.cols[i];
        if (absorbed?.has(col)) continue;
        const norm = this.joined.get(row)?.get(col)?.norm ?? r.norms[i];
        if (norm === undefined || norm === '') continue;
        const list = this.byLabel.get(norm);
        if (list) list.push(row, col);
        else this.byLabel.set(norm, [row, col]);
      }
    }
  }

  /** A text cell and the text cell right below it (same column, next row after its merged area) that together make a known label. */
  private joinSplitLabels(): void {
    for (const row of this.rowOrder) {
      const r = this.rows.get(row)!;
      for (let i = 0; i < r.cols.length; i++) {
        const col = r.cols[i];
        const value = r.values[i];
        if (typeof value !== 'string' || this.absorbed.get(row)?.has(col)) continue;
        const upper = r.norms[i]!;
        if (upper.length > 12) continue; // labels are short; long text never needs joining
        const below = { row: this.bottomEdge({ row, col }) + 1, col };
        const at = this.find1(below);
        const lowerText = at?.r.values[at.i];
        if (!at || typeof lowerText !== 'string') continue;
        const lower = at.r.norms[at.i]!;
        if (!joinsToLabel(upper, lower)) continue;
        setIn(this.joined, row, col, { norm: upper + lower, text: `${value}\n${lowerText}`, bottom: this.bottomEdge(below) });
        const set = this.absorbed.get(below.row);
        if (set) set.add(col);
        else this.absorbed.set(below.row, new Set([col]));
      }
    }
  }

  /** Where a non-empty cell sits in its row's lists. */
  private find1(ref: CellRef): { r: RowCells; i: number } | undefined {
    const r = this.rows.get(ref.row);
    if (!r) return undefined;
    const i = r.cols.indexOf(ref.col);
    return i < 0 ? undefined : { r, i };
  }

  private valueAt(ref: CellRef): CellValue | undefined {
    const r = this.rows.get(ref.row);
    if (!r) return undefined;
    const i = r.cols.indexOf(ref.col);
    return i < 0 ? undefined : r.values[i];
  }

  private isAbsorbed(ref: CellRef): boolean {
    return this.absorbed.size > 0 && !!this.absorbed.get(ref.row)?.has(ref.col);
  }

  private joinedAt(ref: CellRef): Joined | undefined {
    return this.joined.size > 0 ? this.joined.get(ref.row)?.get(ref.col) : undefined;
  }

  /** Cells whose text is one of the labels, in reading order, optionally from a row on. */
  find(labels: readonly string[], fromRow = 0): CellRef[] {
    const out: CellRef[] = [];
    for (const l of labels) {
      const list = this.byLabel.get(normalizeLabel(l));
      if (!list) continue;
      for (let k = 0; k < list.length; k += 2) if (list[k] >= fromRow) out.push({ row: list[k], col: list[k + 1] });
    }
    return out.sort((a, b) => a.row - b.row || a.col - b.col);
  }

  first(labels: readonly string[], fromRow = 0): CellRef | null {
    return this.find(labels, fromRow)[0] ?? null;
  }

  /** The text cells (with their normalised text), in reading order, from a row on, that pass `test`. */
  private texts(fromRow: number, test: (norm: string) => boolean, firstOnly: boolean): { ref: CellRef; norm: string }[] {
    const out: { ref: CellRef; norm: string }[] = [];
    for (const row of this.rowOrder) {
      if (row < fromRow) continue;
      const r = this.rows.get(row)!;
      const absorbed = this.absorbed.get(row);
      for (let i = 0; i < r.cols.length; i++) {
        const col = r.cols[i];
        if (r.norms[i] === undefined || absorbed?.has(col)) continue;
        const norm = this.joined.get(row)?.get(col)?.norm ?? r.norms[i]!;
        if (norm === '' || !test(norm)) continue;
        out.push({ ref: { row, col }, norm });
        if (firstOnly) return out;
      }
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

  colsOfRow(row: number): number[] {
    return this.rows.get(row)?.visible ?? [];
  }

  textAt(ref: CellRef): string {
    if (this.isAbsorbed(ref)) return '';
    const joined = this.joinedAt(ref);
    if (joined) return joined.text;
    const v = this.valueAt(ref);
    return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
  }

  normAt(ref: CellRef): string {
    const joined = this.joinedAt(ref);
    if (joined) return joined.norm;
    if (this.isAbsorbed(ref)) return '';
    const at = this.find1(ref);
    if (!at) return '';
    const norm = at.r.norms[at.i];
    return norm ?? normalizeLabel(this.textAt(ref));
  }

  isEmpty(ref: CellRef): boolean {
    if (this.isAbsorbed(ref)) return true;
    const v = this.valueAt(ref);
    return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
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
    const joined = this.joinedAt(ref);
    if (joined) return joined.bottom;
    return this.merges.at(ref)?.bottom ?? ref.row;
  }

  /** Merged areas whose top row lies in [top, bottom]. */
  mergesStartingIn(top: number, bottom: number): RangeRef[] {
    return this.merges.startingIn(top, bottom);
  }
}

function setIn<T>(map: Map<number, Map<number, T>>, row: number, col: number, value: T): void {
  const inner = map.get(row);
  if (inner) inner.set(col, value);
  else map.set(row, new Map([[col, value]]));
}

/** Sorts a row's cells by column (a sheet lists them in order almost always; merged labels may come last). */
function sortRow(r: RowCells): void {
  let sorted = true;
  for (let i = 1; i < r.cols.length && sorted; i++) sorted = r.cols[i - 1] < r.cols[i];
  if (sorted) return;
  const order = r.cols.map((_, i) => i).sort((a, b) => r.cols[a] - r.cols[b]);
  r.cols = order.map((i) => r.cols[i]);
  r.values = order.map((i) => r.values[i]);
}
