import { edited, form, ruleTester } from './rule-tester';
import type { AnnualRow, FormData, LongTermRow } from '../../src/form/form-data';
import { paperGrid } from '../support/forms';

const longRow = (f: FormData, l3: string): LongTermRow => f.longTerm.find((r) => r[2] === l3)!;
const annualRow = (f: FormData, l3: string): AnnualRow => f.annual.find((r) => r[2] === l3)!;

ruleTester('indicator-rate-percent', {
  valid: [
    { name: 'the clean form', grid: form() },
    { name: 'a bare 1 may be 100% formatted as General', grid: edited((put, at) => put(at.indicator('longTerm', '预算执行率', 'value'), 1)) },
    { name: 'a bare 0 may be 0%', grid: form((f) => (longRow(f, '预算调整率')[3] = '0')) },
    { name: 'a ratio such as 0.95', grid: edited((put, at) => put(at.indicator('annual', '政府采购执行率', 'value'), 0.95)) },
    { name: 'a bare number where the indicator is no rate', grid: form((f) => (longRow(f, '会议服务次数')[3] = '200')) },
    { name: 'a rate in words', grid: form((f) => (annualRow(f, '评价结果应用率')[5] = '较上年提高')) },
    { name: 'a negative rate with its percent sign', grid: form((f) => (longRow(f, '“三公”经费变动率')[3] = '-37%')) },
    { name: 'a percentage stored as text', grid: edited((put, at) => put(at.indicator('annual', '预算执行率', 2022), '100%')) },
  ],
  invalid: [
    {
      name: 'the filed 事前绩效评估完成率 “100”',
      grid: form((f) => (longRow(f, '事前绩效评估完成率')[3] = '100')),
      errors: (at) => [
        {
          messageId: 'noPercent',
          cells: [at.indicator('longTerm', '事前绩效评估完成率', 'value')],
          expected: '100%',
          data: { indicator: '事前绩效评估完成率', column: '指标值', value: '100', expected: '100%' },
          says: ['事前绩效评估完成率', '“100”', '100%'],
          fix: [{ cell: at.indicator('longTerm', '事前绩效评估完成率', 'value'), value: 1, numberFormat: '0%' }],
        },
      ],
    },
    {
      name: 'the paper layout as filed',
      grid: paperGrid,
      errors: [{ messageId: 'noPercent', cells: ['E43'], expected: '100%' }],
    },
    {
      name: 'an annual prior year without its sign',
      grid: form((f) => (annualRow(f, '政府采购执行率')[4] = '99.1')),
      errors: (at) => [
        { messageId: 'noPercent', cells: [at.indicator('annual', '政府采购执行率', 2023)], expected: '99.1%', data: { column: '2023年' }, says: ['2023年', '99.1%'] },
      ],
    },
    {
      name: 'a comparator typed before it',
      grid: form((f) => (annualRow(f, '评价结果应用率')[5] = '≥95')),
      errors: (at) => [{ messageId: 'noPercent', cells: [at.indicator('annual', '评价结果应用率', 'value')], expected: '≥95%', data: { column: '预期当年实现值', value: '95' }, says: ['≥95%'] }],
    },
    {
      name: 'a 1 stored as text reads as a point, not a ratio',
      grid: edited((put, at) => put(at.indicator('annual', '绩效监控开展率', 2022), '1')),
      errors: (at) => [{ messageId: 'noPercent', cells: [at.indicator('annual', '绩效监控开展率', 2022)], expected: '1%' }],
    },
    {
      name: 'a negative rate whose name ends in a quote mark',
      grid: form((f) => (longRow(f, '“三公”经费变动率')[3] = '-37')),
      errors: (at) => [
        {
          messageId: 'noPercent',
          cells: [at.indicator('longTerm', '"三公"经费变动率', 'value')],
          expected: '-37%',
          fix: [{ cell: at.indicator('longTerm', '"三公"经费变动率', 'value'), value: -0.37, numberFormat: '0%' }],
        },
      ],
    },
    {
      name: 'every value of one annual row',
      grid: form((f) => {
        const r = annualRow(f, '绩效评价覆盖率');
        r[3] = '100';
        r[4] = '100';
        r[5] = '100';
      }),
      errors: (at) => [2022, 2023, 'value' as const].map((c) => ({ messageId: 'noPercent', cells: [at.indicator('annual', '绩效评价覆盖率', c)], expected: '100%' })),
    },
  ],
});
