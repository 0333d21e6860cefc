/**
 * 占比 for both groups: amount ÷ 合计 rounded to 0.01%, the rounding tail put into the largest item so the
 * group shows exactly 100.00%; 合计's share 100%. In formula mode the tail item is 1 − the other shares.
 */
import { toA1 } from '../grid/address';
import { FORMATS } from '../form/spec';
import type { FormContext } from '../read/context';
import { allocateShares, type TailRule } from '../read/shares';
import { shareOf } from '../read/values';
import { groupShares } from '../rules/funding-shares-common';
import type { FillContext } from './fill-context';
import { propose } from './propose';

const readShare = (c: FormContext, r: { row: number; col: number }) => shareOf(c.parsed(r));

export function fillShares(ctx: FormContext, fc: FillContext, tailRule: TailRule = 'largest'): void {
  for (const g of groupShares(ctx)) {
    const alloc = allocateShares(g.amounts, g.total, tailRule);
    if (!alloc) continue;
    const totalAbs = g.totalRef ? `${toA1({ row: g.totalRef.row, col: g.totalRef.col }).replace(/(\d+)$/, '$$$1')}` : null;
    g.shareRefs.forEach((ref, i) => {
      const share = alloc.adjusted[i];
      if (share === null) return;
      let formula: string | undefined;
      if (fc.mode === 'formulas' && totalAbs) {
        formula =
          i === alloc.tailIndex
            ? `=1-${g.shareRefs.filter((_, k) => k !== i && alloc.adjusted[k] !== null).map(toA1).join('-') || '0'}`
            : `=ROUND(${toA1(g.amountRefs[i])}/${totalAbs},4)`;
      }
      fc.add(propose(ctx, ref, { value: share.toNumber(), formula, numberFormat: FORMATS.share, places: 4, read: readShare }, 'share', fc.overwrite));
    });
    if (g.totalShareRef) {
      const formula = fc.mode === 'formulas' ? `=SUM(${toA1(g.shareRefs[0])}:${toA1(g.shareRefs[g.shareRefs.length - 1])})` : undefined;
      fc.add(propose(ctx, g.totalShareRef, { value: 1, formula, numberFormat: FORMATS.share, places: 4, read: readShare }, 'share', fc.overwrite));
    }
  }
}
