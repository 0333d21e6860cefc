/** A lookup structure over one grid's text: normalised label -> cells, and the cells of each row. */
import { normalizeLabel } from '../form/labels';
import { getCell, mergeAt } from '../grid/grid';
import { type CellRef } from '../grid/address';
import type { Grid } from '../grid/types';

export class SheetIndex {
  /** Normalised text -> its cells, in reading order. */
  private readonly byLabel = new Map<string, CellRef[]>();
  /** Row -> sorted columns of its non-empty cells. */
  private readonly rowCols = new Map<number, number[]>();
  readonly texts: { ref: CellRef; norm: string }[] = [];

  constructor(readonly grid: Grid) {
    const entries: { row: number; col: number; value: unknown }[] = [];
    for (const [key, cell] of grid.cells) {
      if (cell.value === null || cell.value === '') continue;
      const comma = key.indexOf(',');
      entries.push({ row: +key.slice(0, comma), col: +key.slice(comma + 1), value: cell.value });
    }
    entries.sort((a, b) => a.row - b.row || a.col - b.col);
    for (const { row, col, value } of entries) {
      let cols = this.rowCols.get(row);
      if (!cols) this.rowCols.set(row, (cols = []));
      cols.push(col);
      if (typeof value !== 'string') continue;
      const norm = normalizeLabel(value);
      if (norm === '') continue;
      const ref = { row, col };
      this.texts.push({ ref, norm });
      const list = this.byLabel.get(norm);
      if (list) list.push(ref);
      else this.byLabel.set(norm, [ref]);
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
    const v = getCell(this.grid, ref)?.value;
    return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
  }

  normAt(ref: CellRef): string {
    return normalizeLabel(this.textAt(ref));
  }

  isEmpty(ref: CellRef): boolean {
    const v = getCell(this.grid, ref)?.value;
    return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
  }

  /** The last column a cell covers, through its merged area. */
  rightEdge(ref: CellRef): number {
    return mergeAt(this.grid, ref)?.right ?? ref.col;
  }

  bottomEdge(ref: CellRef): number {
    return mergeAt(this.grid, ref)?.bottom ?? ref.row;
  }
}
