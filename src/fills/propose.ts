/**
 * The one policy every fill follows: write a computed cell only when it is empty, or already holds what we
 * would write (then write nothing), unless the caller asked to overwrite. Typed values and formulas stay;
 * a formula that already computes the wanted number stays even when overwriting.
 */
import Decimal from 'decimal.js';
import { toA1, type CellRef } from '../grid/address';
import type { CellValue } from '../grid/types';
import type { CellWrite, SkippedWrite, WriteReason } from '../patch';
import type { FormContext } from '../read/context';
import { isPercentFormat } from '../read/values';

export interface Wanted {
  value: CellValue;
  formula?: string;
  numberFormat?: string;
  note?: string;
  /** Places to which two numbers must agree to count as the same (4 for shares, 6 for amounts). */
  places: number;
  /** How to read the number already in the cell (a share reads 9.46 as 9.46%). */
  read: (ctx: FormContext, ref: CellRef) => Decimal | null;
}

export interface Proposal {
  write?: CellWrite;
  skip?: SkippedWrite;
}

function sameFormula(a: string, b: string): boolean {
  const norm = (f: string) => f.replace(/\s+/g, '').replace(/^=/, '').toUpperCase();
  return norm(a) === norm(b);
}

function sameNumber(existing: Decimal | null, wanted: CellValue, places: number): boolean {
  if (existing === null || typeof wanted !== 'number') return false;
  return existing.toDecimalPlaces(places).eq(new Decimal(String(wanted)).toDecimalPlaces(places));
}

export function propose(ctx: FormContext, ref: CellRef, wanted: Wanted, reason: WriteReason, overwrite: boolean): Proposal {
  const cell = ctx.cell(ref);
  const address = toA1(ref);
  const existingValue = cell?.value ?? null;
  const isEmpty = !cell?.formula && ctx.isEmpty(ref);
  const write: CellWrite = { address, reason };
  // The value rides along with a formula too: it is what the formula computes, for previews and later fills.
  write.value = wanted.value;
  if (wanted.formula) write.formula = wanted.formula;
  if (wanted.note) write.note = wanted.note;
  // Keep the user's number format where it already shows the right kind of number.
  const keepsFormat = wanted.numberFormat && isPercentFormat(wanted.numberFormat) === isPercentFormat(cell?.numberFormat) && cell?.numberFormat;
  if (wanted.numberFormat && !keepsFormat) write.numberFormat = wanted.numberFormat;

  if (isEmpty) {
    if (wanted.value === null && !wanted.formula) {
      // Nothing to put in an empty cell; a note still tells why (e.g. a change rate over a zero base).
      if (!wanted.note || cell?.note === wanted.note) return {};
      return { write };
    }
    return { write };
  }
  // Already what we would write: nothing to do (this is what makes a second fill a no-op). A formula of the
  // user's that already computes the wanted number is kept even when overwriting: replacing a live SUM with
  // its own result (or with our spelling of the same sum) would lose a formula and gain nothing.
  const same = wanted.formula
    ? !!cell?.formula && (sameFormula(cell.formula, wanted.formula) || sameNumber(wanted.read(ctx, ref), wanted.value, wanted.places))
    : sameNumber(wanted.read(ctx, ref), wanted.value, wanted.places);
  if (same) return {};
  if (overwrite) return { write };
  return {
    skip: {
      address,
      reason,
      because: cell?.formula ? 'formula' : 'user-value',
      wanted: wanted.formula ?? wanted.value,
      found: existingValue,
      formula: cell?.formula,
    },
  };
}
