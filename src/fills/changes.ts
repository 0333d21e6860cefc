/**
 * Change rates for every amount row: the current year against last year, and last year against the year
 * before, as percentages to 0.01%. A zero base gives an empty cell with a note, never #DIV/0!.
 */
import { fillNote } from './notes';
import Decimal from 'decimal.js';
import { toA1 } from '../grid/address';
import { FORMATS } from '../form/spec';
import type { FormContext } from '../read/context';
import type { FillContext } from './fill-context';
import { propose } from './propose';


/** (now − base) ÷ base to four decimal places of the ratio; null when there is nothing to compare. */
export function changeRate(now: Decimal | null, base: Decimal | null): Decimal | 'zero-base' | null {
  if (now === null || base === null) return null;
  if (base.isZero()) return 'zero-base';
  return now.minus(base).div(base).toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
}

export function fillChanges(ctx: FormContext, fc: FillContext): void {
  const f = ctx.form.funding;
  if (!f) return;
  const { last, before } = ctx.priorYearCols();
  const pairs = [
    { col: f.changeCurrentCol, now: f.currentCol, base: last?.col ?? null },
    { col: f.changePriorCol, now: last?.col ?? null, base: before?.col ?? null },
  ];
  for (const row of ctx.fundingRows()) {
    for (const p of pairs) {
      if (p.col === null || p.now === null || p.base === null) continue;
      const nowRef = { row: row.row, col: p.now };
      const baseRef = { row: row.row, col: p.base };
      const rate = changeRate(ctx.amount(nowRef), ctx.amount(baseRef));
      if (rate === null) continue;
      const ref = { row: row.row, col: p.col };
      const formula = fc.mode === 'formulas' ? `=IF(${toA1(baseRef)}=0,"",ROUND((${toA1(nowRef)}-${toA1(baseRef)})/${toA1(baseRef)},4))` : undefined;
      if (rate === 'zero-base') {
        fc.add(propose(ctx, ref, { value: null, formula, note: fillNote('zero-base', fc.locale), places: 4, read: () => null }, 'change', fc.mayReplace(ctx, ref)));
      } else {
        fc.add(
          propose(ctx, ref, { value: rate.toNumber(), formula, numberFormat: FORMATS.changeRate, places: 4, read: (c, r) => { const v = c.parsed(r); return v.kind === 'number' ? v.value : null; } }, 'change', fc.mayReplace(ctx, ref)),
        );
      }
    }
  }
}
