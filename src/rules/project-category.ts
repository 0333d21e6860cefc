/** 支出项目类别 is one of 人员类, 运转类, 特定目标类. */
import { defineRule } from './rule';
import { normalizeLabel } from '../form/labels';
import { PROJECT_CATEGORIES } from '../form/spec';
import { displayOf } from '../read/values';

export default defineRule({
  meta: {
    id: 'project-category',
    severity: 'error',
    section: 'projects',
    description: { 'zh-CN': '支出项目类别为人员类、运转类或特定目标类', 'en-US': 'Project category is 人员类, 运转类 or 特定目标类' },
    messages: {
      invalid: { 'zh-CN': '支出项目类别“{value}”不在允许范围（{allowed}）', 'en-US': 'Project category “{value}” is not one of {allowed}' },
      empty: { 'zh-CN': '项目“{name}”未填支出项目类别', 'en-US': 'Project “{name}” has no category' },
    },
  },
  check(ctx, report) {
    const p = ctx.form.projects;
    if (!p || p.cols.category === null) return;
    const allowed = PROJECT_CATEGORIES.map(normalizeLabel);
    for (const row of p.rows) {
      const ref = { row, col: p.cols.category };
      const v = ctx.parsed(ref);
      if (v.kind === 'empty') {
        const name = ctx.parsed({ row, col: p.cols.name });
        if (name.kind !== 'empty') report({ messageId: 'empty', cells: [ref], data: { name: name.kind === 'text' ? name.text : String(row + 1) } });
        continue;
      }
      if (v.kind === 'error') continue; // the error-value rule reports it
      const text = v.kind === 'text' ? normalizeLabel(v.text) : '';
      // "特定目标类项目" and the like name the same category.
      if (allowed.some((a) => text === a || text === `${a}项目`)) continue;
      report({ messageId: 'invalid', cells: [ref], data: { value: v.kind === 'text' ? v.text : displayOf(v), allowed: PROJECT_CATEGORIES.join('、') } });
    }
  },
});
