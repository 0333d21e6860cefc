/**
 * 合计 from its items, for 收入 and 支出, in every amount column. A total is not computed over an item
 * typed as words or with a unit (both are listed), and a typed total that the other group's total
 * corroborates is kept, even when asked to overwrite: the items are the likelier mistake.
 */
import { toA1, type CellRef } from '../grid/address';
import { FORMATS } from '../form/spec';
import type { FormContext } from '../read/context';
import { corroboratedTotal } from '../rules/funding-evidence';
import { sum } from '../rules/format';
import type { FillContext } from './fill-context';
import { propose } from './propose';

/** A SUM over the item cells: one range where they are contiguous, a list otherwise. */
export function sumFormula(refs: CellRef[]): string {
  const contiguous = refs.every((r, i) => i === 0 || (r.col === refs[0].col && r.row === refs[i - 1].row + 1));
  return contiguous ? `=SUM(${toA1(refs[0])}:${toA1(refs[refs.length - 1])})` : `=${refs.map(toA1).join('+')}`;
}

/** Holds something other than a plain amount: words, a number with a unit, a percentage, an error value. */
export function notAnAmount(ctx: FormContext, ref: CellRef): boolean {
  const p = ctx.parsed(ref);
  return p.kind !== 'empty' && !(p.kind === 'number' && !p.percent);
}

export function fillTotals(ctx: FormContext, fc: FillContext): void {
  for (const group of ctx.fundingGroups()) {
    if (!group.total || group.items.length === 0) continue;
    for (const column of ctx.amountColumns()) {
      if (!fc.inScope(group.key, column.col)) continue;
      const refs = group.items.map((it) => ({ row: it.row, col: column.col }));
      const ref = { row: group.total.row, col: column.col };
      const address = toA1(ref);
      const found = ctx.cell(ref)?.value ?? null;
      const words = refs.filter((r) => notAnAmount(ctx, r));
      if (words.length) {
        for (const w of words) fc.skip({ address: toA1(w), reason: 'total', because: 'not-a-number', found: ctx.cell(w)?.value ?? null });
        fc.skip({ address, reason: 'total', because: 'not-computable', found, blockedBy: toA1(words[0]) });
        continue;
      }
      const amounts = refs.map((r) => ctx.amount(r));
      if (amounts.every((a) => a === null)) {
        // Every item cleared: a total this fill wrote goes with them; a typed one stays (nothing contradicts it).
        if (!ctx.isEmpty(ref) && fc.owns(ctx, ref)) fc.add({ write: { address, value: null, reason: 'total' } });
        continue;
      }
      const total = sum(amounts);
      if (!ctx.isEmpty(ref) && !ctx.cell(ref)?.formula && !fc.owns(ctx, ref)) {
        const corroborated = corroboratedTotal(ctx, group.key, column.col);
        if (corroborated) {
          fc.skip({ address, reason: 'total', because: 'items-likely-wrong', found, wanted: total.toNumber(), blockedBy: toA1(corroborated.otherTotal) });
          continue;
        }
      }
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
          fc.mayReplace(ctx, ref),
        ),
      );
    }
  }
}
