import { edited, form, ruleTester } from './rule-tester';
import { paperGrid } from '../support/forms';

ruleTester('hygiene-number-as-text', {
  valid: [
    { name: 'the clean form', grid: form() },
    { name: 'the paper layout', grid: paperGrid },
    { name: 'an indicator value stored as text is fine', grid: edited((put, at) => put(at.indicator('longTerm', '预算执行率', 'value'), '100')) },
    { name: 'a phone number is text', grid: edited((put, at) => put(at.header('phone'), '02760830624')) },
    { name: 'full-width digits (hygiene-full-width reports them)', grid: edited((put, at) => put(at.funding('expense', 'total', 'current'), '７９６９．３')) },
    { name: 'words in an amount cell', grid: edited((put, at) => put(at.project(0, 'total'), '约864')) },
  ],
  invalid: [
    {
      name: 'an amount stored as text',
      grid: edited((put, at) => put(at.funding('expense', 'personnel', 'current'), '754.19')),
      errors: (at) => [
        {
          messageId: 'asText',
          cells: [at.funding('expense', 'personnel', 'current')],
          expected: '754.19',
          data: { value: '754.19' },
          says: ['754.19'],
          fix: [{ cell: at.funding('expense', 'personnel', 'current'), value: 754.19 }],
        },
      ],
    },
    {
      name: 'a share stored as text',
      grid: edited((put, at) => put(at.funding('expense', 'personnel', 'share'), '9.46%')),
      errors: (at) => [
        {
          messageId: 'asText',
          cells: [at.funding('expense', 'personnel', 'share')],
          expected: '9.46%',
          says: ['9.46%'],
          fix: [{ cell: at.funding('expense', 'personnel', 'share'), value: 0.0946, numberFormat: '0.00%' }],
        },
      ],
    },
    {
      name: 'the filed “7112　” with an ideographic space',
      grid: edited((put, at) => put(at.funding('expense', 'targeted', 'current'), '7112\u3000')),
      errors: (at) => [
        { messageId: 'asText', cells: [at.funding('expense', 'targeted', 'current')], expected: '7112', data: { value: '7112\u3000' }, fix: [{ cell: 'D12', value: 7112 }] },
      ],
    },
    {
      name: 'thousands separators',
      grid: edited((put, at) => put(at.funding('income', 'total', 2022), '10,037.9')),
      errors: (at) => [{ messageId: 'asText', cells: [at.funding('income', 'total', 2022)], expected: '10037.9', says: ['10,037.9'] }],
    },
    {
      name: 'project budgets',
      grid: edited((put, at) => (put(at.project(5, 'total'), '120'), put(at.project(5, 'current'), '120'))),
      errors: (at) => [
        { messageId: 'asText', cells: [at.project(5, 'total')], expected: '120' },
        { messageId: 'asText', cells: [at.project(5, 'current')], expected: '120' },
      ],
    },
  ],
});
