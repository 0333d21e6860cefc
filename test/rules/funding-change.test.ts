import { edited, form, ruleTester } from './rule-tester';
import { check } from '../../src/engine';
import { toA1 } from '../../src/grid/address';
import { cleanForm, gridOf, paperGrid } from '../support/forms';

ruleTester('funding-change', {
  valid: [
    { name: 'the clean form (every change within ±30%)', grid: form() },
    { name: 'the paper layout', grid: paperGrid },
    { name: 'exactly +30% is within the threshold', grid: form((f) => ((f.funding.expense.items.operating.prior[0] = '100'), (f.funding.expense.items.operating.current = '130'))) },
    { name: 'a zero base: no rate to compare', grid: form((f) => ((f.funding.income.items.unitFunds.current = '50'), (f.funding.income.items.unitFunds.prior = ['0', '0']))) },
    { name: 'no amount last year', grid: form((f) => (f.funding.expense.items.operating.prior = [null, '82.55'])) },
    { name: 'an amount in words', grid: edited((put, at) => put(at.funding('expense', 'operating', 'current'), '待定')) },
  ],
  invalid: [
    {
      name: 'this year far above last year',
      grid: form((f) => (f.funding.expense.items.operating.current = '200')),
      errors: (at) => [
        {
          messageId: 'large',
          cells: [at.funding('expense', 'operating', 'current'), at.funding('expense', 'operating', 2023)],
          data: { item: '运转类项目支出', period: '当年较上年', rate: '+95.12%', base: '102.5', now: '200', threshold: '30%' },
          says: ['运转类项目支出', '+95.12%', '102.5', '200', '30%'],
          zh: ['当年较上年'],
          en: ['this year against last year'],
        },
      ],
    },
    {
      name: 'last year far above the year before',
      grid: form((f) => (f.funding.expense.items.operating.prior[1] = '50')),
      errors: (at) => [
        {
          messageId: 'large',
          cells: [at.funding('expense', 'operating', 2023), at.funding('expense', 'operating', 2022)],
          data: { period: '上年较前年', rate: '+105.00%', base: '50', now: '102.5' },
          zh: ['上年较前年'],
          en: ['last year against the year before'],
        },
      ],
    },
    {
      name: 'a fall, on a 合计 row too',
      grid: form((f) => ((f.funding.expense.items.targeted.current = '4000'), (f.funding.expense.total.current = '4857.3'))),
      errors: (at) => [
        { messageId: 'large', cells: [at.funding('expense', 'targeted', 'current'), at.funding('expense', 'targeted', 2023)], data: { item: '特定目标类项目支出', rate: '-49.15%' }, says: ['-49.15%'] },
        { messageId: 'large', cells: [at.funding('expense', 'total', 'current'), at.funding('expense', 'total', 2023)], data: { item: '合计', rate: '-44.01%' }, says: ['合计', '-44.01%'] },
      ],
    },
  ],
});

test('funding-change: the threshold is a setting of check()', () => {
  const grid = gridOf(cleanForm());
  const at10 = check(grid, { changeThreshold: 0.1 }).issues.filter((i) => i.rule === 'funding-change');
  expect(at10.map((i) => `${i.cells.map(toA1).join(',')} ${i.data.rate} ${i.data.threshold}`)).toContain('F6,G6 -13.58% 10%');
  expect(check(grid, { changeThreshold: 0.3 }).issues.filter((i) => i.rule === 'funding-change')).toEqual([]);
});
