/** A patch of the engine -> cell writes for the package patcher (values, formulas, formats, notes). */
import type { Patch } from '../patch';
import type { CellWriteSpec } from '../ooxml/patcher';

export function patchWrites(patch: Patch): CellWriteSpec[] {
  return patch.writes.map((w) => ({
    address: w.address,
    content: w.formula !== undefined ? { formula: w.formula, value: w.value } : { value: w.value ?? null },
    numberFormat: w.numberFormat,
    // Our notes go after the user's own; removing a note ('') is for undo in the add-in, not for copies.
    note: w.note || undefined,
  }));
}
