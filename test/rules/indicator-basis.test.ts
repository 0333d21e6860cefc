import { edited, form, ruleTester } from './rule-tester';
import type { FormData, LongTermRow } from '../../src/form/form-data';
import { paperGrid, sampleGrid } from '../support/forms';

const longRow = (f: FormData, l3: string): LongTermRow => f.longTerm.find((r) => r[2] === l3)!;
const ALLOWED = '计划标准、行业标准、历史标准、预算支出标准、其他标准';

ruleTester('indicator-basis', {
  valid: [
    { name: 'the clean form', grid: form() },
    { name: '其他标准', grid: form((f) => (longRow(f, '预算编制科学性')[4] = '其他标准')) },
    { name: 'spaces inside and around', grid: edited((put, at) => put(at.indicator('longTerm', '预算编制科学性', 'basis'), ' 历史 标准\u3000')) },
    { name: 'empty (indicator-empty reports it)', grid: form((f) => (longRow(f, '预算编制科学性')[4] = null)) },
    { name: 'an error value (cell-error-value reports it)', grid: edited((put, at) => put(at.indicator('annual', '预算编制科学性', 'basis'), { error: '#REF!' })) },
  ],
  invalid: [
    {
      name: 'the filed 中长期规划相符性: its value typed as its basis',
      grid: sampleGrid,
      errors: (at) => [
        {
          messageId: 'looksLikeValue',
          cells: [at.indicator('longTerm', '中长期规划相符性', 'basis')],
          data: { indicator: '中长期规划相符性', value: '基本相符', allowed: ALLOWED },
          says: ['中长期规划相符性', '基本相符', ALLOWED],
        },
      ],
    },
    {
      name: 'the paper layout as filed',
      grid: paperGrid,
      errors: [{ messageId: 'looksLikeValue', cells: ['F33'], data: { value: '基本相符' } }],
    },
    {
      name: 'an unknown basis',
      grid: form((f) => (longRow(f, '立项规范性')[4] = '国家标准')),
      errors: (at) => [
        { messageId: 'invalid', cells: [at.indicator('longTerm', '立项规范性', 'basis')], data: { indicator: '立项规范性', value: '国家标准' }, says: ['立项规范性', '国家标准', ALLOWED] },
      ],
    },
    {
      name: 'a number',
      grid: edited((put, at) => put(at.indicator('annual', '立项规范性', 'basis'), 100)),
      errors: (at) => [{ messageId: 'invalid', cells: [at.indicator('annual', '立项规范性', 'basis')], data: { value: '100' }, says: ['“100”'] }],
    },
    {
      name: 'the annual table’s value copied into its basis',
      grid: form((f) => (f.annual.find((r) => r[2] === '资金使用合规性')![6] = '合规')),
      errors: (at) => [{ messageId: 'looksLikeValue', cells: [at.indicator('annual', '资金使用合规性', 'basis')], says: ['合规'] }],
    },
  ],
});
