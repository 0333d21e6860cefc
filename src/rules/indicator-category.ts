/** 指标分类 is 绩效基本型 or 绩效创新型. */
import { defineRule } from './rule';
import { normalizeLabel } from '../form/labels';
import { INDICATOR_CATEGORIES } from '../form/spec';

export default defineRule({
  meta: {
    id: 'indicator-category',
    severity: 'error',
    section: 'longTerm',
    description: { 'zh-CN': '指标分类为绩效基本型或绩效创新型', 'en-US': 'Indicator category is 绩效基本型 or 绩效创新型' },
    messages: {
      invalid: { 'zh-CN': '“{indicator}”的指标分类“{value}”不在允许范围（{allowed}）', 'en-US': 'Category “{value}” of “{indicator}” is not one of {allowed}' },
    },
  },
  check(ctx, report) {
    const allowed = INDICATOR_CATEGORIES.map(normalizeLabel);
    for (const table of ctx.indicatorTables()) {
      if (table.cols.category === null) continue;
      for (const row of table.rows) {
        const ref = { row: row.row, col: table.cols.category };
        const v = ctx.parsed(ref);
        if (v.kind === 'empty' || v.kind === 'error') continue;
        const text = v.kind === 'text' ? v.text : String(ctx.cell(ref)?.value ?? '');
        if (allowed.includes(normalizeLabel(text))) continue;
        report({ messageId: 'invalid', cells: [ref], data: { indicator: row.level3, value: text, allowed: INDICATOR_CATEGORIES.join('、') } });
      }
    }
  },
});
