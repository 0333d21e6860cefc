/** 合计 from its items, for 收入 and 支出, in every amount column. */
import { toA1, type CellRef } from '../grid/address';
import { FORMATS } from '../form/spec';
import type { FormContext } from '../read/context';
import { sum } from '../rules/format';
import type { FillContext } from './fill-context';
import { propose } from './propose';

/** A SUM over the item cells: one range where they are contiguous, a list otherwise. */
export function sumFormula(refs: CellRef[]): string {
  const contiguous = refs.every((r, i) => i === 0 || (r.col === refs[0].col && r.row === refs[i - 1].row + 1));
  return contiguous ? `=SUM(${toA1(refs[0])}:${toA1(refs[refs.length - 1])})` : `=${refs.map(toA1).join('+')}`;
}

export function fillTotals(ctx: FormContext, fc: FillContext): void {
  for (const group of ctx.fundingGroups()) {
    if (!group.total || group.items.length === 0) continue;
    for (const column of ctx.amountColumns()) {
      const refs = group.items.map((it) => ({ row: it.row, col: column.col }));
      const amounts = refs.map((r) => ctx.amount(r));
      if (amounts.every((a) => a === null)) continue;
      const total = sum(amounts);
      const ref = { row: group.total.row, col: column.col };
      fc.add(
        propose(
          ctx,
          ref,
          {
            value: total.toNumber(),
            formula: fc.mode === 'formulas' ? sumFormula(refs) : undefined,
            numberFormat: FORMATS.amount,
            places: 6,
            read: (c, r) => c.amount(r),
          },
          'total',
          fc.overwrite,
        ),
      );
    }
  }
}
