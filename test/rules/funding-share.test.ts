import { edited, form, ruleTester } from './rule-tester';
import type { FormData } from '../../src/form/form-data';
import { paperGrid } from '../support/forms';

const expenseShares = (personnel: string | null, operating: string | null, targeted: string | null) => (f: FormData) => {
  f.funding.expense.items.personnel.share = personnel;
  f.funding.expense.items.operating.share = operating;
  f.funding.expense.items.targeted.share = targeted;
};

ruleTester('funding-share', {
  valid: [
    { name: 'the clean form: 89.25% carries the rounding tail of 89.24%', grid: form() },
    { name: 'the paper layout', grid: paperGrid },
    { name: 'the tail put into another item (9.47% for 9.46%)', grid: form(expenseShares('9.47%', '1.29%', '89.24%')) },
    { name: 'every share rounded on its own, no tail (funding-shares-sum reports 99.99%)', grid: form(expenseShares('9.46%', '1.29%', '89.24%')) },
    { name: 'shares typed as bare points', grid: edited((put, at) => at.fundingItems('expense', 'share').forEach((c, i) => put(c, [9.46, 1.29, 89.25][i]))) },
    { name: 'shares typed as unformatted ratios', grid: edited((put, at) => at.fundingItems('expense', 'share').forEach((c, i) => put(c, [0.0946, 0.0129, 0.8925][i]))) },
    { name: 'shares stored as text', grid: edited((put, at) => at.fundingItems('expense', 'share').forEach((c, i) => put(c, ['9.46%', '1.29%', '89.25%'][i]))) },
    { name: 'a share with more places that rounds right', grid: edited((put, at) => put(at.funding('expense', 'personnel', 'share'), 0.094637, { numberFormat: '0.0000%' })) },
    { name: 'empty shares (funding-share-missing reports them)', grid: form(expenseShares(null, null, null)) },
    { name: 'an empty total share', grid: form((f) => (f.funding.expense.total.share = null)) },
    {
      name: 'a zero total: nothing to divide by',
      grid: form((f) => {
        const e = f.funding.expense;
        for (const r of [...Object.values(e.items), e.total]) r.current = '0';
      }),
    },
  ],
  invalid: [
    {
      name: 'a wrong share',
      grid: form(expenseShares('9.5%', '1.29%', '89.25%')),
      errors: (at) => [
        {
          messageId: 'wrong',
          cells: [at.funding('expense', 'personnel', 'share')],
          expected: '9.46%',
          data: { item: '人员类项目支出', share: '9.50%', amount: '754.19', total: '7969.3', expected: '9.46%' },
          says: ['人员类项目支出', '9.50%', '754.19', '7969.3', '9.46%'],
          fix: [{ cell: at.funding('expense', 'personnel', 'share'), value: 0.0946 }],
        },
      ],
    },
    {
      name: 'a wrong share beside the tail: only the wrong one is blamed',
      grid: form(expenseShares('9.47%', '1.29%', '89.25%')),
      errors: (at) => [{ messageId: 'wrong', cells: [at.funding('expense', 'personnel', 'share')], expected: '9.46%', data: { share: '9.47%' } }],
    },
    {
      name: 'a tail of two points is no rounding tail',
      grid: form(expenseShares('9.46%', '1.29%', '89.26%')),
      errors: (at) => [{ messageId: 'wrong', cells: [at.funding('expense', 'targeted', 'share')], expected: '89.25%', data: { share: '89.26%', amount: '7112' } }],
    },
    {
      name: 'two wrong shares',
      grid: form(expenseShares('10%', '2%', '88%')),
      errors: (at) => [
        { messageId: 'wrong', cells: [at.funding('expense', 'personnel', 'share')], expected: '9.46%', says: ['10.00%'] },
        { messageId: 'wrong', cells: [at.funding('expense', 'operating', 'share')], expected: '1.29%', says: ['2.00%'] },
        { messageId: 'wrong', cells: [at.funding('expense', 'targeted', 'share')], expected: '89.25%', says: ['88.00%'] },
      ],
    },
    {
      name: 'a share on an item with no amount',
      grid: form((f) => (f.funding.income.items.specialAccount.share = '5%')),
      errors: (at) => [
        { messageId: 'wrong', cells: [at.funding('income', 'specialAccount', 'share')], expected: '0.00%', data: { item: '财政专户管理资金', amount: '0' }, says: ['5.00%', '0.00%'] },
      ],
    },
    {
      name: 'a bare point share that is wrong',
      grid: edited((put, at) => put(at.funding('expense', 'operating', 'share'), 1.3)),
      errors: (at) => [{ messageId: 'wrong', cells: [at.funding('expense', 'operating', 'share')], expected: '1.29%', data: { share: '1.30%' } }],
    },
    {
      name: '合计 not at 100%',
      grid: form((f) => (f.funding.expense.total.share = '99.99%')),
      errors: (at) => [
        {
          messageId: 'totalNot100',
          cells: [at.funding('expense', 'total', 'share')],
          expected: '100.00%',
          data: { share: '99.99%' },
          says: ['99.99%', '100.00%'],
          fix: [{ cell: at.funding('expense', 'total', 'share'), value: 1 }],
        },
      ],
    },
  ],
});
