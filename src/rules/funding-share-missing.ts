/** An item with an amount but no 占比: the fill can compute it. */
import { defineRule } from './rule';
import { fmtPercent } from './format';
import { allocateShares } from '../read/shares';
import { groupShares } from './funding-shares-common';

export default defineRule({
  meta: {
    id: 'funding-share-missing',
    severity: 'warning',
    section: 'funding',
    description: { 'zh-CN': '有金额的项目应填写占比', 'en-US': 'Items with an amount have a share' },
    messages: {
      missing: { 'zh-CN': '{item}有金额但未填占比（应为 {expected}）', 'en-US': '{item} has an amount but no share (should be {expected})' },
    },
    fixable: true,
  },
  check(ctx, report) {
    for (const g of groupShares(ctx)) {
      const alloc = allocateShares(g.amounts, g.total);
      if (!alloc) continue;
      g.shareRefs.forEach((ref, i) => {
        const a = g.amounts[i];
        if (a === null || a.isZero() || !ctx.isEmpty(ref)) return;
        const expected = alloc.adjusted[i]!;
        report({ messageId: 'missing', cells: [ref], data: { item: g.labels[i], expected: fmtPercent(expected) }, expected: fmtPercent(expected), fix: [{ cell: ref, value: expected.toNumber() }] });
      });
    }
  },
});
