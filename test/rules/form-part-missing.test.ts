import { edited, form, ruleTester } from './rule-tester';
import { gridFromRows } from '../../src/grid/grid';

/** Only a long-term indicator table, as some departments send it. */
const onlyIndicators = () =>
  gridFromRows([
    ['长期绩效指标', '一级指标', '二级指标', '三级指标', '指标值', '指标值确定依据', '指标分类'],
    [null, '运行成本', '公用经费控制', '公用经费控制率', '100%', '预算支出标准', '绩效基本型'],
    [null, '满意度', '服务对象满意度', '机关干部满意度', '90%', '历史标准', '绩效创新型'],
  ]);

ruleTester('form-part-missing', {
  valid: [{ name: 'the clean form: every part found', grid: form() }],
  invalid: [
    {
      name: 'only a long-term indicator table: every other part is named with the labels looked for',
      grid: onlyIndicators,
      errors: ['header', 'income', 'expense', 'projects', 'goals', 'annual'].map((part) => ({
        messageId: 'missing',
        cells: ['B2'],
        data: { part: { header: '表头（部门名称、填报人、联系电话）', income: '收入构成', expense: '支出构成', projects: '项目支出情况', goals: '整体绩效总目标', annual: '年度绩效指标表' }[part] },
        zh: ['未检查'],
        en: ['not checked'],
      })),
    },
    {
      name: 'an annual table with a header but no rows is not read',
      grid: edited((put, at, grid) => {
        for (const r of at.form.annual!.rows) for (let col = 0; col < 12; col++) grid.cells.delete(`${r.row},${col}`);
      }),
      errors: (at) => [{ messageId: 'missing', cells: [at.form.title ? `A${at.form.title.row + 1}` : ''], zh: ['年度绩效指标表', '预期当年实现值'], en: ['annual indicator table'] }],
    },
  ],
});
