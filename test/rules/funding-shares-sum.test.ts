import { edited, form, ruleTester } from './rule-tester';
import type { FormData } from '../../src/form/form-data';
import { paperGrid } from '../support/forms';

const expenseShares = (personnel: string | null, operating: string | null, targeted: string | null) => (f: FormData) => {
  f.funding.expense.items.personnel.share = personnel;
  f.funding.expense.items.operating.share = operating;
  f.funding.expense.items.targeted.share = targeted;
};

ruleTester('funding-shares-sum', {
  valid: [
    { name: 'the clean form: 9.46% + 1.29% + 89.25%', grid: form() },
    { name: 'the paper layout', grid: paperGrid },
    { name: 'the tail in another item', grid: form(expenseShares('9.47%', '1.29%', '89.24%')) },
    { name: 'a missing share: nothing to add up yet', grid: form(expenseShares(null, '1.29%', '89.24%')) },
    { name: 'no shares at all', grid: form(expenseShares(null, null, null)) },
    {
      name: 'an item of 0 with no share',
      grid: form((f) => {
        f.funding.income.items.specialAccount.current = '0';
        f.funding.income.items.specialAccount.share = null;
      }),
    },
    {
      name: 'a group of zeros with no shares: nothing to add up',
      grid: form((f) => {
        const e = f.funding.expense;
        for (const r of [...Object.values(e.items), e.total]) {
          r.current = '0';
          r.share = null;
        }
      }),
    },
    {
      name: 'a group of zeros with 0% typed for each item',
      grid: form((f) => {
        const e = f.funding.expense;
        for (const r of Object.values(e.items)) {
          r.current = '0';
          r.share = '0%';
        }
        e.total.current = '0';
      }),
    },
    { name: 'shares as bare points adding up to 100', grid: edited((put, at) => at.fundingItems('expense', 'share').forEach((c, i) => put(c, [9.46, 1.29, 89.25][i]))) },
  ],
  invalid: [
    {
      name: 'every share rounded on its own: 99.99%',
      grid: form(expenseShares('9.46%', '1.29%', '89.24%')),
      errors: (at) => [
        {
          messageId: 'notHundred',
          cells: at.fundingItems('expense', 'share'),
          expected: '100.00%',
          data: { group: '支出', groupEn: 'Expenditure', sum: '99.99%', largest: '特定目标类项目支出' },
          says: ['99.99%', '100.00%', '特定目标类项目支出'],
          zh: ['支出'],
          en: ['Expenditure'],
          fix: at.fundingItems('expense', 'share').map((cell, i) => ({ cell, value: [0.0946, 0.0129, 0.8925][i] })),
        },
      ],
    },
    {
      name: 'a tail too many: 100.01%',
      grid: form(expenseShares('9.47%', '1.29%', '89.25%')),
      errors: (at) => [{ messageId: 'notHundred', cells: at.fundingItems('expense', 'share'), expected: '100.00%', data: { sum: '100.01%' }, says: ['100.01%'] }],
    },
    {
      name: '收入 at 99%',
      grid: form((f) => (f.funding.income.items.fiscal.share = '99%')),
      errors: (at) => [
        {
          messageId: 'notHundred',
          cells: [at.funding('income', 'fiscal', 'share')],
          expected: '100.00%',
          data: { group: '收入', groupEn: 'Income', sum: '99.00%', largest: '财政拨款' },
          says: ['99.00%', '财政拨款'],
          zh: ['收入'],
          en: ['Income'],
          fix: [{ cell: at.funding('income', 'fiscal', 'share'), value: 1 }],
        },
      ],
    },
    {
      name: 'a share on an item with no amount counts',
      grid: form((f) => (f.funding.income.items.specialAccount.share = '1%')),
      errors: (at) => [
        { messageId: 'notHundred', cells: [at.funding('income', 'fiscal', 'share'), at.funding('income', 'specialAccount', 'share')], expected: '100.00%', data: { sum: '101.00%' } },
      ],
    },
  ],
});
