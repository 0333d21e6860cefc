/**
 * Shares (占比) as finance staff compute them: each amount ÷ 合计 rounded to 0.01%, and the tail
 * difference (尾差) that rounding leaves put into the largest item, so the group shows exactly 100.00%.
 */
import Decimal from 'decimal.js';
import { roundShare } from '../rules/format';

export interface ShareAllocation {
  /** Each item's share rounded on its own; null where the item has no amount. */
  rounded: (Decimal | null)[];
  /** The shares to show: `rounded` with the tail put into `tailIndex`. */
  adjusted: (Decimal | null)[];
  /** 1 − Σ rounded: what rounding left over (e.g. 0.0001 for 99.99%). */
  tail: Decimal;
  tailIndex: number | null;
}

export type TailRule = 'largest' | 'none';

export function allocateShares(amounts: (Decimal | null)[], total: Decimal, tailRule: TailRule = 'largest'): ShareAllocation | null {
  if (total.isZero()) return null;
  const rounded = amounts.map((a) => (a === null ? null : roundShare(a.div(total))));
  const present = rounded.filter((r): r is Decimal => r !== null);
  const tail = new Decimal(1).minus(present.reduce((s, r) => s.plus(r), new Decimal(0)));
  let tailIndex: number | null = null;
  if (!tail.isZero() && tailRule === 'largest') {
    amounts.forEach((a, i) => {
      if (a === null) return;
      if (tailIndex === null || a.abs().gt(amounts[tailIndex]!.abs())) tailIndex = i;
    });
  }
  // Only a rounding tail is moved: when the items do not add up to the total, no share can fix that.
  if (tail.abs().gt(new Decimal('0.0001').mul(Math.max(1, present.length)))) tailIndex = null;
  const adjusted = rounded.map((r, i) => (r !== null && i === tailIndex ? r.plus(tail) : r));
  return { rounded, adjusted, tail, tailIndex };
}
