/** Every 一级指标 of the long-term table appears in the annual table. */
import { defineRule } from './rule';

export default defineRule({
  meta: {
    id: 'indicator-level1-coverage',
    severity: 'error',
    section: 'annual',
    description: { 'zh-CN': '长期绩效指标的每个一级指标都出现在年度绩效指标中', 'en-US': 'Every first-level indicator of the long-term table appears in the annual table' },
    messages: {
      missing: { 'zh-CN': '年度绩效指标表缺少一级指标“{level1}”', 'en-US': 'The annual table lacks the first-level indicator “{level1}”' },
    },
  },
  check(ctx, report) {
    const { longTerm, annual } = ctx.form;
    if (!longTerm || !annual) return;
    const present = new Set(annual.rows.map((r) => r.level1));
    const seen = new Set<string>();
    for (const r of longTerm.rows) {
      if (!r.level1 || present.has(r.level1) || seen.has(r.level1)) continue;
      seen.add(r.level1);
      report({ messageId: 'missing', cells: [r.level1At ?? { row: r.row, col: longTerm.cols.level1 }], data: { level1: r.level1 } });
    }
  },
});
