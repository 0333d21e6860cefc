/**
 * A patch: the cell writes of one action. Fills and the roll-over return patches; adapters apply them.
 * Every patch can be inverted against the grid it was made for, which is what undo replays.
 */
import { parseA1, toA1, type CellRef } from './grid/address';
import { cloneGrid, getCell, setCell } from './grid/grid';
import type { Cell, CellValue, Grid } from './grid/types';

/** Why a cell is written; 'fix' is a finding's expected value written on request (改为应为值). */
export type WriteReason = 'share' | 'total' | 'change' | 'roll' | 'import' | 'template' | 'undo' | 'hygiene' | 'fix';

export interface CellWrite {
  address: string; // A1 on the patch's sheet
  /** The value to write; ignored when `formula` is given. */
  value?: CellValue;
  formula?: string;
  numberFormat?: string;
  reason: WriteReason;
  /** A cell note to leave (e.g. "carried over, confirm"); '' removes the note. */
  note?: string;
}

export interface SkippedWrite {
  address: string;
  reason: WriteReason;
  /** Why it was left alone (see SkipBecause). */
  because: SkipBecause;
  wanted?: CellValue;
  found?: CellValue;
  formula?: string;
  /** The cell that keeps this one from being computed (an amount typed as words, a total kept as typed). */
  blockedBy?: string;
}

/**
 * Why a fill left a cell alone:
 *  - user-value / formula: the cell holds the user's own value or formula (--overwrite replaces it);
 *  - not-computable: nothing can be computed for it (e.g. a total whose items include words);
 *  - not-a-number: an amount typed as words or with a unit, which no total or share can use;
 *  - no-amount: a share beside an amount that is empty;
 *  - total-kept: a share that would have to be computed against a total that was left as typed and does
 *    not match its items, so the group could not add up to 100.00%;
 *  - items-likely-wrong: a total that disagrees with its items but agrees with the other group's total:
 *    an item is the likelier mistake, so even --overwrite keeps the total;
 *  - unbalanced: after the fill, 收入合计 and 支出合计 of a column differ (the amounts do): no fill can
 *    choose which amount is wrong, so it names the totals.
 */
export type SkipBecause =
  | 'user-value'
  | 'formula'
  | 'not-computable'
  | 'not-a-number'
  | 'no-amount'
  | 'total-kept'
  | 'items-likely-wrong'
  | 'unbalanced';

export interface Patch {
  sheetName: string;
  writes: CellWrite[];
  skipped: SkippedWrite[];
}

export function emptyPatch(sheetName: string): Patch {
  return { sheetName, writes: [], skipped: [] };
}

export function mergePatches(sheetName: string, patches: Patch[]): Patch {
  const out = emptyPatch(sheetName);
  const seen = new Set<string>();
  for (const p of patches) {
    for (const w of p.writes) {
      if (seen.has(w.address)) continue; // the first writer of a cell wins
      seen.add(w.address);
      out.writes.push(w);
    }
    // A cell several fills left alone for the same reason is listed once.
    for (const k of p.skipped) if (!out.skipped.some((o) => o.address === k.address && o.because === k.because)) out.skipped.push(k);
  }
  return out;
}

/** The cell a write leaves behind, given what was there. */
export function cellAfterWrite(before: Cell | undefined, write: CellWrite): Cell {
  const numberFormat = write.numberFormat ?? before?.numberFormat;
  const note = write.note !== undefined ? write.note || undefined : before?.note;
  const cell: Cell =
    write.formula !== undefined
      ? { value: write.value ?? (before?.formula === write.formula ? before.value : null), formula: write.formula, numberFormat }
      : { value: write.value ?? null, numberFormat };
  if (note) cell.note = note;
  return cell;
}

/** Applies a patch to a copy of the grid (formulas keep their last value; nothing is recalculated). */
export function applyPatch(grid: Grid, patch: Patch): Grid {
  const next = cloneGrid(grid);
  for (const w of patch.writes) {
    const ref = parseA1(w.address);
    setCell(next, ref, cellAfterWrite(getCell(grid, ref), w));
  }
  return next;
}

/** The patch that puts back what `patch` is about to overwrite in `grid`: values, formulas and formats. */
export function invertPatch(grid: Grid, patch: Patch): Patch {
  return {
    sheetName: patch.sheetName,
    skipped: [],
    writes: patch.writes.map((w) => {
      const before = getCell(grid, parseA1(w.address));
      const note = w.note !== undefined ? { note: before?.note ?? '' } : {};
      return before?.formula
        ? { address: w.address, formula: before.formula, value: before.value, numberFormat: before.numberFormat ?? 'General', reason: 'undo' as const, ...note }
        : { address: w.address, value: before?.value ?? null, numberFormat: before?.numberFormat ?? 'General', reason: 'undo' as const, ...note };
    }),
  };
}

export function writeAt(ref: CellRef, rest: Omit<CellWrite, 'address'>): CellWrite {
  return { address: toA1(ref), ...rest };
}
