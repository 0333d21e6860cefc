/** Every 二级指标 of the long-term table appears in the annual table under the same 一级. */
import { defineRule } from './rule';

export default defineRule({
  meta: {
    id: 'indicator-level2-coverage',
    severity: 'warning',
    section: 'annual',
    description: { 'zh-CN': '长期绩效指标的二级指标在年度绩效指标中均有对应', 'en-US': 'Every second-level indicator of the long-term table appears in the annual table' },
    messages: {
      missing: { 'zh-CN': '年度绩效指标表缺少“{level1}”下的二级指标“{level2}”', 'en-US': 'The annual table lacks “{level2}” under “{level1}”' },
    },
  },
  check(ctx, report) {
    const { longTerm, annual } = ctx.form;
    if (!longTerm || !annual) return;
    const level1s = new Set(annual.rows.map((r) => r.level1));
    const present = new Set(annual.rows.map((r) => `${r.level1}|${r.level2}`));
    const seen = new Set<string>();
    for (const r of longTerm.rows) {
      const key = `${r.level1}|${r.level2}`;
      // Whole missing 一级 are reported once by the level-1 rule, not again for each of their 二级.
      if (!r.level2 || !level1s.has(r.level1) || present.has(key) || seen.has(key)) continue;
      seen.add(key);
      report({ messageId: 'missing', cells: [r.level2At ?? { row: r.row, col: longTerm.cols.level2 }], data: { level1: r.level1, level2: r.level2 } });
    }
  },
});
