/** The shares of each group add up to exactly 100.00%: rounding alone leaves 99.99% or 100.01%. */
import Decimal from 'decimal.js';
import { defineRule } from './rule';
import { fmtPercent, roundShare } from './format';
import { shareOf } from '../read/values';
import { allocateShares } from '../read/shares';
import { groupShares } from './funding-shares-common';

export default defineRule({
  meta: {
    id: 'funding-shares-sum',
    severity: 'error',
    section: 'funding',
    description: { 'zh-CN': '各组占比之和为 100.00%', 'en-US': 'Each group’s shares add up to exactly 100.00%' },
    messages: {
      notHundred: {
        'zh-CN': '{group}各项占比之和为 {sum}，应为 100.00%（尾差可计入最大项“{largest}”）',
        'en-US': '{groupEn} shares add up to {sum}, not 100.00% (the rounding tail can go into the largest item, {largest})',
      },
    },
    fixable: true,
  },
  check(ctx, report) {
    for (const g of groupShares(ctx)) {
      const shares = g.shareRefs.map((r) => shareOf(ctx.parsed(r)));
      // Only a complete set of shares can be summed; missing ones are another rule's business.
      if (shares.some((s, i) => s === null && g.amounts[i] !== null && !g.amounts[i]!.isZero())) continue;
      // A group of zeros has no shares to add up (nothing to divide by), typed or not.
      if (g.total.isZero() || shares.every((s) => s === null)) continue;
      const total = shares.reduce<Decimal>((acc, s) => (s ? acc.plus(roundShare(s)) : acc), new Decimal(0));
      if (total.eq(1)) continue;
      const alloc = allocateShares(g.amounts, g.total);
      const largest = alloc?.tailIndex ?? null;
      report({
        messageId: 'notHundred',
        cells: g.shareRefs.filter((_, i) => shares[i] !== null),
        data: {
          group: g.key === 'income' ? '收入' : '支出',
          groupEn: g.key === 'income' ? 'Income' : 'Expenditure',
          sum: fmtPercent(total),
          largest: largest !== null ? g.labels[largest] : g.labels[0],
        },
        expected: '100.00%',
        fix: alloc ? g.shareRefs.flatMap((cell, i) => (alloc.adjusted[i] ? [{ cell, value: alloc.adjusted[i]!.toNumber() }] : [])) : undefined,
      });
    }
  },
});
