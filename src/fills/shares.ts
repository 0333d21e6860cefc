/**
 * 占比 for both groups: amount ÷ 合计 rounded to 0.01%, the rounding tail put into the largest item so the
 * group shows exactly 100.00%; 合计's share 100%. In formula mode the tail item is 1 − the other shares.
 *
 * A fill leaves each group adding up or lists every cell that keeps it from doing so: no share is
 * computed against a total that disagrees with its items beyond rounding (a total left as typed), none
 * over an amount typed as words, and a share beside an empty amount is cleared when the fill may replace
 * it, listed otherwise.
 */
import { toA1, type CellRef } from '../grid/address';
import { FORMATS } from '../form/spec';
import type { FormContext } from '../read/context';
import { allocateShares, type TailRule } from '../read/shares';
import { shareOf } from '../read/values';
import { sum } from '../rules/format';
import type { FillContext } from './fill-context';
import { propose } from './propose';
import { notAnAmount } from './totals';

const readShare = (c: FormContext, r: { row: number; col: number }) => shareOf(c.parsed(r));

export function fillShares(ctx: FormContext, fc: FillContext, tailRule: TailRule = 'largest'): void {
  const f = ctx.form.funding;
  if (!f || f.shareCol === null) return;
  const shareCol = f.shareCol;
  for (const g of f.groups) {
    if (g.items.length === 0) continue;
    if (!fc.inScope(g.key, f.currentCol) && !fc.inScope(g.key, shareCol)) continue;
    const amountRefs = g.items.map((it) => ({ row: it.row, col: f.currentCol }));
    const shareRefs = g.items.map((it) => ({ row: it.row, col: shareCol }));
    const totalRef = g.total ? { row: g.total.row, col: f.currentCol } : null;
    const totalShareRef = g.total ? { row: g.total.row, col: shareCol } : null;
    const found = (ref: CellRef) => ctx.cell(ref)?.value ?? null;
    const amounts = amountRefs.map((r) => ctx.amount(r));
    const words = amountRefs.filter((r) => notAnAmount(ctx, r));

    // A share with no amount beside it: ours (or --overwrite) to clear, the user's to be told about.
    const clearOrList = (ref: CellRef, because: 'no-amount' | 'not-computable', blockedBy?: string) => {
      if (ctx.isEmpty(ref) && !ctx.cell(ref)?.formula) return;
      if (because === 'no-amount' && fc.mayReplace(ctx, ref)) fc.add({ write: { address: toA1(ref), value: null, reason: 'share' } });
      else fc.skip({ address: toA1(ref), reason: 'share', because, found: found(ref), formula: ctx.cell(ref)?.formula, blockedBy });
    };

    if (words.length === 0 && amounts.every((a) => a === null)) {
      // The group is empty: shares this fill wrote go; typed ones stay (no amount, nothing to contradict).
      for (const ref of [...shareRefs, ...(totalShareRef ? [totalShareRef] : [])]) {
        if (!ctx.isEmpty(ref) && fc.owns(ctx, ref)) fc.add({ write: { address: toA1(ref), value: null, reason: 'share' } });
      }
      continue;
    }
    const written = totalRef ? ctx.amount(totalRef) : null;
    const base = written ?? sum(amounts);
    const alloc = allocateShares(amounts, base, tailRule);
    if (!alloc && words.length === 0) continue; // every amount is zero: there is nothing to divide by, and nothing to check
    // Shares add up to 100.00% only over a total the items reach within rounding.
    const fits = allocateShares(amounts, base, 'largest');
    if (!alloc || words.length) {
      for (const w of words) fc.skip({ address: toA1(w), reason: 'share', because: 'not-a-number', found: found(w) });
      shareRefs.forEach((ref, i) => {
        if (amounts[i] !== null || !ctx.isEmpty(ref)) fc.skip({ address: toA1(ref), reason: 'share', because: 'not-computable', found: found(ref), blockedBy: toA1(words[0]) });
      });
    } else if (!fits || (!fits.tail.isZero() && fits.tailIndex === null)) {
      shareRefs.forEach((ref, i) => {
        if (amounts[i] === null) clearOrList(ref, 'no-amount');
        else fc.skip({ address: toA1(ref), reason: 'share', because: 'total-kept', found: found(ref), blockedBy: totalRef ? toA1(totalRef) : undefined });
      });
    } else {
      const totalAbs = totalRef ? `${toA1(totalRef).replace(/(\d+)$/, '$$$1')}` : null;
      shareRefs.forEach((ref, i) => {
        const share = alloc.adjusted[i];
        if (share === null) {
          clearOrList(ref, 'no-amount');
          return;
        }
        let formula: string | undefined;
        if (fc.mode === 'formulas' && totalAbs) {
          formula =
            i === alloc.tailIndex
              ? `=1-${shareRefs.filter((_, k) => k !== i && alloc.adjusted[k] !== null).map(toA1).join('-') || '0'}`
              : `=ROUND(${toA1(amountRefs[i])}/${totalAbs},4)`;
        }
        fc.add(propose(ctx, ref, { value: share.toNumber(), formula, numberFormat: FORMATS.share, places: 4, read: readShare }, 'share', fc.mayReplace(ctx, ref)));
      });
    }
    if (totalShareRef) {
      const formula = fc.mode === 'formulas' ? `=SUM(${toA1(shareRefs[0])}:${toA1(shareRefs[shareRefs.length - 1])})` : undefined;
      fc.add(propose(ctx, totalShareRef, { value: 1, formula, numberFormat: FORMATS.share, places: 4, read: readShare }, 'share', fc.mayReplace(ctx, totalShareRef)));
    }
  }
}
