/** A project's 本年度预算 never exceeds its 项目总预算. */
import { defineRule } from './rule';
import { fmtAmount } from './format';

export default defineRule({
  meta: {
    id: 'project-budget',
    severity: 'error',
    section: 'projects',
    description: { 'zh-CN': '项目本年度预算不超过项目总预算', 'en-US': 'A project’s budget for this year does not exceed its total budget' },
    messages: {
      exceeds: {
        'zh-CN': '项目“{name}”本年度预算 {current} 超过项目总预算 {total}',
        'en-US': 'Project “{name}”: this year’s budget {current} exceeds its total budget {total}',
      },
    },
  },
  check(ctx, report) {
    const p = ctx.form.projects;
    if (!p || p.cols.total === null || p.cols.current === null) return;
    for (const row of p.rows) {
      const totalRef = { row, col: p.cols.total };
      const currentRef = { row, col: p.cols.current };
      const total = ctx.amount(totalRef);
      const current = ctx.amount(currentRef);
      if (total === null || current === null || current.lte(total)) continue;
      const name = ctx.parsed({ row, col: p.cols.name });
      report({
        messageId: 'exceeds',
        cells: [currentRef, totalRef],
        data: { name: name.kind === 'text' ? name.text : String(row + 1), current: fmtAmount(current), total: fmtAmount(total) },
      });
    }
  },
});
