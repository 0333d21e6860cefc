/**
 * A part of the form that was not found or holds nothing readable is a finding of its own: a check that
 * read only part of a form must never pass it.
 */
import { defineRule } from './rule';
import { PART_NAMES, partCoverage } from '../read/coverage';

export default defineRule({
  meta: {
    id: 'form-part-missing',
    severity: 'error',
    section: 'sheet',
    description: { 'zh-CN': '申报表各部分齐全且可读（表头、收入、支出、项目、总目标、长期和年度指标表）', 'en-US': 'Every part of the form is present and readable (header, income, expenditure, projects, goals, both indicator tables)' },
    messages: {
      missing: {
        'zh-CN': '未找到或未能读取{part}（查找的标签：{labels}），该部分未检查',
        'en-US': 'The {partEn} was not found or could not be read (looked for: {labels}); it was not checked',
      },
    },
  },
  check(ctx, report) {
    const anchor = ctx.form.title ?? ctx.form.funding?.currentHeader ?? (ctx.form.longTerm ?? ctx.form.annual)?.rows[0]?.level1At ?? null;
    for (const p of partCoverage(ctx.form)) {
      if (p.found) continue;
      report({
        messageId: 'missing',
        cells: anchor ? [anchor] : [],
        data: { part: PART_NAMES[p.part]['zh-CN'], partEn: PART_NAMES[p.part]['en-US'], labels: p.lookedFor.join('、') },
      });
    }
  },
});
