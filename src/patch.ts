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
  /** Why it was left alone: the user typed something else, or it holds a formula. */
  because: 'user-value' | 'formula' | 'not-computable';
  wanted?: CellValue;
  found?: CellValue;
  formula?: string;
}

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
    out.skipped.push(...p.skipped);
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
