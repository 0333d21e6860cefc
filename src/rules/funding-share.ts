/**
 * 占比 equals amount ÷ 合计 rounded to 0.01%. A tail difference of 0.01 point put into one item so the
 * group shows exactly 100.00% is accepted, as finance staff do it; 合计's own share is 100%.
 */
import Decimal from 'decimal.js';
import { defineRule } from './rule';
import { fmtPercent, roundShare } from './format';
import { shareOf } from '../read/values';
import { allocateShares } from '../read/shares';
import { groupShares } from './funding-shares-common';

export default defineRule({
  meta: {
    id: 'funding-share',
    severity: 'error',
    section: 'funding',
    description: { 'zh-CN': '占比等于金额÷合计（保留两位小数的百分比，允许尾差）', 'en-US': 'Each share equals amount ÷ total to 0.01% (a rounding tail in one item is accepted)' },
    messages: {
      wrong: {
        'zh-CN': '{item}占比为 {share}，按 {amount}÷{total} 应为 {expected}',
        'en-US': 'Share of {item} is {share}; {amount} ÷ {total} gives {expected}',
      },
      totalNot100: { 'zh-CN': '合计的占比应为 100.00%，现为 {share}', 'en-US': 'The total’s share should be 100.00%, found {share}' },
    },
    fixable: true,
  },
  check(ctx, report) {
    for (const g of groupShares(ctx)) {
      const alloc = allocateShares(g.amounts, g.total);
      if (!alloc) continue;
      const shares = g.shareRefs.map((r) => shareOf(ctx.parsed(r)));
      const present = shares.filter((s): s is Decimal => s !== null).map(roundShare);
      const showsHundred = present.length > 0 && present.reduce((a, b) => a.plus(b), new Decimal(0)).eq(1);
      const off = shares.map((s, i) => {
        const expected = alloc.rounded[i] ?? new Decimal(0);
        return s !== null && !roundShare(s).eq(expected);
      });
      // The one accepted deviation: a single item carries exactly the rounding tail and the group shows 100.00%.
      const offIdx = off.flatMap((o, i) => (o ? [i] : []));
      const tailAccepted =
        showsHundred && offIdx.length === 1 && !alloc.tail.isZero() && roundShare(shares[offIdx[0]]!).minus(alloc.rounded[offIdx[0]] ?? 0).eq(alloc.tail);
      offIdx.forEach((i) => {
        if (tailAccepted) return;
        const expected = alloc.adjusted[i] ?? new Decimal(0);
        // The item that carries the tail is right as it is, whatever else in the group is wrong.
        if (roundShare(shares[i]!).eq(expected)) return;
        report({
          messageId: 'wrong',
          cells: [g.shareRefs[i]],
          data: {
            item: g.labels[i],
            share: fmtPercent(shares[i]!),
            amount: (g.amounts[i] ?? new Decimal(0)).toString(),
            total: g.total.toString(),
            expected: fmtPercent(expected),
          },
          expected: fmtPercent(expected),
          fix: [{ cell: g.shareRefs[i], value: expected.toNumber() }],
        });
      });
      if (g.totalShareRef) {
        const s = shareOf(ctx.parsed(g.totalShareRef));
        if (s !== null && !roundShare(s).eq(1)) {
          report({ messageId: 'totalNot100', cells: [g.totalShareRef], data: { share: fmtPercent(s) }, expected: '100.00%', fix: [{ cell: g.totalShareRef, value: 1 }] });
        }
      }
    }
  },
});
