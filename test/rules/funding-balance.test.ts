import { edited, form, ruleTester } from './rule-tester';
import { paperGrid } from '../support/forms';

ruleTester('funding-balance', {
  valid: [
    { name: 'the clean form', grid: form() },
    { name: 'the paper layout (totals balance though items do not)', grid: paperGrid },
    { name: 'one total stored as text', grid: edited((put, at) => put(at.funding('income', 'total', 'current'), '7969.30')) },
    { name: 'totals differing by less than 1 元', grid: edited((put, at) => put(at.funding('income', 'total', 'current'), 7969.30003)) },
    { name: 'an empty 支出合计 (funding-total reports it)', grid: form((f) => (f.funding.expense.total.current = null)) },
    { name: 'both totals empty in a column', grid: form((f) => ((f.funding.expense.total.prior[0] = null), (f.funding.income.total.prior[0] = null))) },
  ],
  invalid: [
    {
      name: '收入合计 above 支出合计 this year',
      grid: form((f) => (f.funding.income.total.current = '8000')),
      errors: (at) => [
        {
          messageId: 'unbalanced',
          cells: [at.funding('income', 'total', 'current'), at.funding('expense', 'total', 'current')],
          data: { column: '当年金额', columnEn: 'the current year', income: '8000', expense: '7969.3', diff: '30.7' },
          says: ['8000', '7969.3', '30.7'],
          zh: ['当年金额'],
          en: ['current year'],
        },
      ],
    },
    {
      name: 'a prior year below',
      grid: form((f) => (f.funding.expense.total.prior[0] = '8700')),
      errors: [
        {
          messageId: 'unbalanced',
          cells: ['F9', 'F13'],
          data: { column: '2023年', columnEn: '2023', diff: '-25.3' },
          says: ['8674.7', '8700', '-25.3', '2023'],
        },
      ],
    },
    {
      name: 'every column off',
      grid: form((f) => (f.funding.income.total = { current: '1', share: '100%', prior: ['2', '3'] })),
      errors: (at) => [
        { messageId: 'unbalanced', cells: [at.funding('income', 'total', 'current'), at.funding('expense', 'total', 'current')], data: { diff: '-7968.3' } },
        { messageId: 'unbalanced', cells: [at.funding('income', 'total', 2023), at.funding('expense', 'total', 2023)], data: { diff: '-8672.7' } },
        { messageId: 'unbalanced', cells: [at.funding('income', 'total', 2022), at.funding('expense', 'total', 2022)], data: { diff: '-10034.9' } },
      ],
    },
  ],
});
