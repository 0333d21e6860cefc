/** The 本年度预算 of the 特定目标类 projects add up to 特定目标类项目支出 in the funding table. */
import { defineRule } from './rule';
import { fmtAmount, sameAmount, sum } from './format';
import { normalizeLabel } from '../form/labels';
import { TARGETED_CATEGORY, TARGETED_ITEM_KEY } from '../form/spec';

export default defineRule({
  meta: {
    id: 'project-targeted-sum',
    severity: 'error',
    section: 'projects',
    description: { 'zh-CN': '特定目标类项目本年度预算之和等于特定目标类项目支出', 'en-US': 'Targeted projects’ budgets add up to the targeted expenditure line' },
    messages: {
      mismatch: {
        'zh-CN': '特定目标类项目本年度预算合计 {sum}，与资金情况表中特定目标类项目支出 {line} 不符（差 {diff}）',
        'en-US': 'Targeted projects add up to {sum}, but the targeted expenditure line says {line} (off by {diff})',
      },
    },
  },
  check(ctx, report) {
    const p = ctx.form.projects;
    const f = ctx.form.funding;
    if (!p || !f || p.cols.current === null || p.cols.category === null) return;
    const line = f.groups.flatMap((g) => g.items).find((it) => it.key === TARGETED_ITEM_KEY);
    if (!line) return;
    const lineRef = { row: line.row, col: f.currentCol };
    const lineAmount = ctx.amount(lineRef);
    if (lineAmount === null) return;
    const cat = p.cols.category;
    const cur = p.cols.current;
    const targetedRows = p.rows.filter((row) => {
      const c = ctx.parsed({ row, col: cat });
      return c.kind === 'text' && normalizeLabel(c.text).startsWith(TARGETED_CATEGORY);
    });
    // No 特定目标类 project at all against a non-zero line is the same mismatch (their sum is 0).
    const total = sum(targetedRows.map((row) => ctx.amount({ row, col: cur })));
    if (sameAmount(total, lineAmount)) return;
    report({
      messageId: 'mismatch',
      cells: [lineRef, ...targetedRows.map((row) => ({ row, col: cur }))],
      data: { sum: fmtAmount(total), line: fmtAmount(lineAmount), diff: fmtAmount(total.minus(lineAmount)) },
      expected: fmtAmount(total),
    });
  },
});
