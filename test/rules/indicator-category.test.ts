import { edited, form, ruleTester } from './rule-tester';
import type { FormData, LongTermRow } from '../../src/form/form-data';
import { paperGrid } from '../support/forms';

const longRow = (f: FormData, l3: string): LongTermRow => f.longTerm.find((r) => r[2] === l3)!;

ruleTester('indicator-category', {
  valid: [
    { name: 'the clean form', grid: form() },
    { name: 'the paper layout', grid: paperGrid },
    { name: 'a trailing ideographic space', grid: edited((put, at) => put(at.indicator('longTerm', '预算执行率', 'category'), '绩效创新型\u3000')) },
    { name: 'empty (indicator-empty reports it)', grid: form((f) => (longRow(f, '预算执行率')[5] = null)) },
    { name: 'an error value (cell-error-value reports it)', grid: edited((put, at) => put(at.indicator('annual', '预算执行率', 'category'), { error: '#VALUE!' })) },
  ],
  invalid: [
    {
      name: 'an unknown category',
      grid: form((f) => (longRow(f, '预算执行率')[5] = '绩效其他型')),
      errors: (at) => [
        {
          messageId: 'invalid',
          cells: [at.indicator('longTerm', '预算执行率', 'category')],
          data: { indicator: '预算执行率', value: '绩效其他型', allowed: '绩效基本型、绩效创新型' },
          says: ['预算执行率', '绩效其他型', '绩效基本型、绩效创新型'],
        },
      ],
    },
    {
      name: 'the basis typed into the category',
      grid: form((f) => (f.annual.find((r) => r[2] === '结转结余率')![7] = '预算支出标准')),
      errors: (at) => [{ messageId: 'invalid', cells: [at.indicator('annual', '结转结余率', 'category')], says: ['预算支出标准', '结转结余率'] }],
    },
    {
      name: 'a number',
      grid: edited((put, at) => put(at.indicator('annual', '结转结余率', 'category'), 1)),
      errors: (at) => [{ messageId: 'invalid', cells: [at.indicator('annual', '结转结余率', 'category')], data: { value: '1' }, says: ['“1”'] }],
    },
  ],
});
