/**
 * The year headers agree with each other and with 填报日期: the prior-year columns are the two years
 * before the form's year (the date's year, or the next one for a form filed in the autumn).
 */
import { defineRule } from './rule';
import type { YearColumn } from '../locate/form-map';

export default defineRule({
  meta: {
    id: 'header-years',
    severity: 'error',
    section: 'header',
    description: { 'zh-CN': '年度列标题与填报日期一致（为预算年度的前两年）', 'en-US': 'Year headers are the two years before the form’s budget year' },
    messages: {
      wrongYear: {
        'zh-CN': '{table}的年度列“{found}”与填报日期不符：{formYear}年申报表的前两年应为 {expected}',
        'en-US': 'In the {tableEn}, year header “{found}” does not fit the filing date: a {formYear} form’s prior years are {expected}',
      },
      disagree: {
        'zh-CN': '资金情况表的年度（{funding}）与年度绩效指标表的年度（{annual}）不一致',
        'en-US': 'The funding table’s years ({funding}) differ from the annual indicator table’s ({annual})',
      },
    },
  },
  check(ctx, report) {
    const formYear = ctx.formYear();
    const tables: { cols: YearColumn[]; zh: string; en: string }[] = [];
    if (ctx.form.funding) tables.push({ cols: ctx.form.funding.priorCols, zh: '资金情况表', en: 'funding table' });
    if (ctx.form.annual) tables.push({ cols: ctx.form.annual.priorCols, zh: '年度绩效指标表', en: 'annual indicator table' });
    if (formYear !== null) {
      const expected = [formYear - 1, formYear - 2];
      for (const t of tables) {
        for (const c of t.cols) {
          if (c.year !== null && expected.includes(c.year) && t.cols.filter((o) => o.year === c.year).length === 1) continue;
          report({
            messageId: 'wrongYear',
            cells: [c.header],
            data: { table: t.zh, tableEn: t.en, found: c.year !== null ? `${c.year}年` : '年（年份未填）', formYear, expected: `${expected[1]}年、${expected[0]}年` },
          });
        }
      }
      return;
    }
    if (tables.length === 2) {
      const years = tables.map((t) => t.cols.map((c) => c.year).sort().join('、'));
      if (years[0] !== years[1]) {
        report({ messageId: 'disagree', cells: tables.flatMap((t) => t.cols.map((c) => c.header)), data: { funding: years[0], annual: years[1] } });
      }
    }
  },
});
