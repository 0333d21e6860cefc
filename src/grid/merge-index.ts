/**
 * The merged area holding a cell, found without scanning every merge. A form of many rows has a merge on
 * most of them (用途, 指标值确定依据…), and locating asks for the area of nearly every cell: scanning the
 * whole list each time made locating quadratic in the form's length.
 */
import type { CellRef, RangeRef } from './address';

/**
 * Areas up to this many rows tall are listed under each row they cover; taller ones under each block of
 * this many rows they touch, so an area down a whole long table costs a slot per block, not per row.
 */
const BLOCK = 64;

export class MergeIndex {
  // Lists of indices into the merge list, ascending; a list of one is held as the bare index (most are).
  /** Row -> the short areas covering it. */
  private readonly byRow = new Map<number, Indices>();
  /** Block of rows -> the tall areas touching it. */
  private readonly byBlock = new Map<number, Indices>();
  /** Top row -> the areas starting there. */
  private readonly byTop = new Map<number, Indices>();
  /** The top rows, sorted. */
  private readonly tops: number[];

  constructor(private readonly merges: readonly RangeRef[]) {
    merges.forEach((m, i) => {
      push(this.byTop, m.top, i);
      if (m.bottom - m.top < BLOCK) for (let row = m.top; row <= m.bottom; row++) push(this.byRow, row, i);
      else for (let b = Math.floor(m.top / BLOCK); b <= Math.floor(m.bottom / BLOCK); b++) push(this.byBlock, b, i);
    });
    this.tops = [...this.byTop.keys()].sort((a, b) => a - b);
  }

  /** The first area (in the grid's order, as a scan of the list finds it) that contains the cell. */
  at(ref: CellRef): RangeRef | undefined {
    const best = Math.min(firstContaining(this.merges, this.byRow.get(ref.row), ref), firstContaining(this.merges, this.byBlock.get(Math.floor(ref.row / BLOCK)), ref));
    return best === Infinity ? undefined : this.merges[best];
  }

  /** Whether some area that contains the cell passes `test`. */
  some(ref: CellRef, test: (m: RangeRef) => boolean): boolean {
    for (const indices of [this.byRow.get(ref.row), this.byBlock.get(Math.floor(ref.row / BLOCK))]) {
      for (const i of list(indices)) if (contains(this.merges[i], ref) && test(this.merges[i])) return true;
    }
    return false;
  }

  /** Areas whose top row lies in [top, bottom], in the grid's order. */
  startingIn(top: number, bottom: number): RangeRef[] {
    const hits: number[] = [];
    for (let k = lowerBound(this.tops, top); k < this.tops.length && this.tops[k] <= bottom; k++) hits.push(...list(this.byTop.get(this.tops[k])));
    return hits.sort((a, b) => a - b).map((i) => this.merges[i]);
  }
}

type Indices = number | number[];

function push(map: Map<number, Indices>, key: number, i: number): void {
  const at = map.get(key);
  if (at === undefined) map.set(key, i);
  else if (typeof at === 'number') map.set(key, [at, i]);
  else at.push(i);
}

function list(indices: Indices | undefined): readonly number[] {
  return indices === undefined ? [] : typeof indices === 'number' ? [indices] : indices;
}

function contains(m: RangeRef, ref: CellRef): boolean {
  return ref.row >= m.top && ref.row <= m.bottom && ref.col >= m.left && ref.col <= m.right;
}

/** The first index of an ascending list whose area contains the cell (Infinity: none). */
function firstContaining(merges: readonly RangeRef[], indices: Indices | undefined, ref: CellRef): number {
  if (typeof indices === 'number') return contains(merges[indices], ref) ? indices : Infinity;
  if (indices) for (const i of indices) if (contains(merges[i], ref)) return i;
  return Infinity;
}

/** The first index whose value is >= x in a sorted array. */
function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
