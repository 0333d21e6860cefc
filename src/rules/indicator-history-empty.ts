/** The annual table's prior-year values (近两年指标值) are filled in; a new indicator may leave them, so a warning. */
import { defineRule } from './rule';

export default defineRule({
  meta: {
    id: 'indicator-history-empty',
    severity: 'warning',
    section: 'annual',
    description: { 'zh-CN': '年度指标的近两年指标值已填写', 'en-US': 'The annual indicators’ prior-year values are filled in' },
    messages: {
      empty: { 'zh-CN': '“{indicator}”未填{year}年指标值', 'en-US': '“{indicator}” has no value for {year}' },
    },
  },
  check(ctx, report) {
    const table = ctx.form.annual;
    if (!table) return;
    for (const row of table.rows) {
      if (!row.level3) continue;
      for (const p of table.priorCols) {
        const ref = { row: row.row, col: p.col };
        if (ctx.isEmpty(ref)) report({ messageId: 'empty', cells: [ref], data: { indicator: row.level3, year: p.year ?? '' } });
      }
    }
  },
});
