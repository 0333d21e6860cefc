import { form, ruleTester } from './rule-tester';
import type { AnnualRow, FormData, LongTermRow } from '../../src/form/form-data';
import { paperGrid } from '../support/forms';

const longRow = (f: FormData, l3: string): LongTermRow => f.longTerm.find((r) => r[2] === l3)!;
const annualRow = (f: FormData, l3: string): AnnualRow => f.annual.find((r) => r[2] === l3)!;

ruleTester('indicator-empty', {
  valid: [
    { name: 'the clean form', grid: form() },
    { name: 'the paper layout', grid: paperGrid },
    { name: 'empty prior-year values (indicator-history-empty reports them)', grid: form((f) => ((annualRow(f, '预算执行率')[3] = null), (annualRow(f, '预算执行率')[4] = null))) },
  ],
  invalid: [
    {
      name: 'a long-term value missing',
      grid: form((f) => (longRow(f, '公用经费控制率')[3] = null)),
      errors: (at) => [
        {
          messageId: 'empty',
          cells: [at.indicator('longTerm', '公用经费控制率', 'value')],
          data: { table: '长期指标', indicator: '公用经费控制率', field: '指标值', fieldEn: 'value' },
          says: ['公用经费控制率'],
          zh: ['长期指标', '指标值'],
          en: ['long-term table', 'value'],
        },
      ],
    },
    {
      name: 'an annual target missing',
      grid: form((f) => (annualRow(f, '会议费控制率')[5] = null)),
      errors: (at) => [
        {
          messageId: 'empty',
          cells: [at.indicator('annual', '会议费控制率', 'value')],
          data: { table: '年度指标', field: '预期当年实现值', fieldEn: 'target value' },
          zh: ['年度指标', '会议费控制率', '预期当年实现值'],
          en: ['annual table', 'target value'],
        },
      ],
    },
    {
      name: 'basis and category missing: one finding naming both',
      grid: form((f) => {
        const r = annualRow(f, '预算执行率');
        r[6] = null;
        r[7] = null;
      }),
      errors: (at) => [
        {
          messageId: 'empty',
          cells: [at.indicator('annual', '预算执行率', 'basis'), at.indicator('annual', '预算执行率', 'category')],
          data: { field: '指标值确定依据、指标分类', fieldEn: 'basis, category' },
          zh: ['指标值确定依据、指标分类'],
          en: ['basis, category'],
        },
      ],
    },
    {
      name: 'no 三级 name: named by its 二级',
      grid: form((f) => (longRow(f, '在职人员控制率')[2] = null)),
      errors: (at) => [
        {
          messageId: 'empty',
          cells: [at.indicator('longTerm', '在职人员控制', 'level3')],
          data: { indicator: '在职人员控制', field: '三级指标', fieldEn: 'third-level name' },
          says: ['在职人员控制'],
          zh: ['三级指标'],
          en: ['third-level name'],
        },
      ],
    },
    {
      name: 'a row with a name only',
      grid: form((f) => {
        const r = longRow(f, '工作计划健全性');
        r[3] = null;
        r[4] = null;
        r[5] = null;
      }),
      errors: (at) => [
        {
          messageId: 'empty',
          cells: ['value', 'basis', 'category'].map((c) => at.indicator('longTerm', '工作计划健全性', c as 'value')),
          data: { field: '指标值、指标值确定依据、指标分类', fieldEn: 'value, basis, category' },
        },
      ],
    },
    {
      name: 'both tables, in table order',
      grid: form((f) => ((longRow(f, '预算调整率')[5] = null), (annualRow(f, '预算调整率')[6] = null))),
      errors: (at) => [
        { messageId: 'empty', cells: [at.indicator('longTerm', '预算调整率', 'category')], data: { field: '指标分类' } },
        { messageId: 'empty', cells: [at.indicator('annual', '预算调整率', 'basis')], data: { field: '指标值确定依据' } },
      ],
    },
  ],
});
