/** 指标值确定依据 is one of 计划标准, 行业标准, 历史标准, 预算支出标准, 其他标准. */
import { defineRule } from './rule';
import { normalizeLabel } from '../form/labels';
import { INDICATOR_BASES } from '../form/spec';

export default defineRule({
  meta: {
    id: 'indicator-basis',
    severity: 'error',
    section: 'longTerm',
    description: { 'zh-CN': '指标值确定依据为计划标准、行业标准、历史标准、预算支出标准或其他标准', 'en-US': 'The basis of an indicator value is one of the standard bases' },
    messages: {
      invalid: { 'zh-CN': '“{indicator}”的指标值确定依据“{value}”不在允许范围（{allowed}）', 'en-US': 'Basis “{value}” of “{indicator}” is not one of {allowed}' },
      looksLikeValue: {
        'zh-CN': '“{indicator}”的指标值确定依据填成了指标值“{value}”，应为{allowed}之一',
        'en-US': 'The basis of “{indicator}” holds a value (“{value}”) instead of one of {allowed}',
      },
    },
  },
  check(ctx, report) {
    const allowed = INDICATOR_BASES.map(normalizeLabel);
    for (const table of ctx.indicatorTables()) {
      if (table.cols.basis === null) continue;
      for (const row of table.rows) {
        const ref = { row: row.row, col: table.cols.basis };
        const v = ctx.parsed(ref);
        if (v.kind === 'empty' || v.kind === 'error') continue;
        const text = v.kind === 'text' ? v.text : String(ctx.cell(ref)?.value ?? '');
        if (allowed.includes(normalizeLabel(text))) continue;
        const valueTexts = ctx.indicatorValueCells(table, row).map((c) => ctx.parsed(c.ref)).map((p) => (p.kind === 'text' ? normalizeLabel(p.text) : ''));
        const isValue = valueTexts.includes(normalizeLabel(text));
        report({
          messageId: isValue ? 'looksLikeValue' : 'invalid',
          cells: [ref],
          data: { indicator: row.level3, value: text, allowed: INDICATOR_BASES.join('、') },
        });
      }
    }
  },
});
