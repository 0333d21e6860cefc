import { form, ruleTester } from './rule-tester';
import { paperGrid } from '../support/forms';

ruleTester('funding-share-missing', {
  valid: [
    { name: 'the clean form', grid: form() },
    { name: 'the paper layout', grid: paperGrid },
    { name: 'items with no amount need no share', grid: form((f) => (f.funding.income.items.unitFunds = { current: null, share: null, prior: ['1', '2'] })) },
    {
      name: 'an item of 0 needs no share',
      grid: form((f) => {
        f.funding.income.items.specialAccount.current = '0';
        f.funding.income.items.specialAccount.share = null;
      }),
    },
    {
      name: 'a zero total: no share can be computed',
      grid: form((f) => {
        const e = f.funding.expense;
        for (const r of [...Object.values(e.items), e.total]) {
          r.current = '0';
          r.share = null;
        }
      }),
    },
  ],
  invalid: [
    {
      name: 'one share missing',
      grid: form((f) => (f.funding.expense.items.personnel.share = null)),
      errors: (at) => [
        {
          messageId: 'missing',
          cells: [at.funding('expense', 'personnel', 'share')],
          expected: '9.46%',
          data: { item: '人员类项目支出', expected: '9.46%' },
          says: ['人员类项目支出', '9.46%'],
          fix: [{ cell: at.funding('expense', 'personnel', 'share'), value: 0.0946 }],
        },
      ],
    },
    {
      name: 'the largest item’s share missing: it gets the tail',
      grid: form((f) => (f.funding.expense.items.targeted.share = null)),
      errors: (at) => [{ messageId: 'missing', cells: [at.funding('expense', 'targeted', 'share')], expected: '89.25%', says: ['89.25%'] }],
    },
    {
      name: 'all shares of a group missing',
      grid: form((f) => {
        for (const r of Object.values(f.funding.expense.items)) r.share = null;
      }),
      errors: (at) =>
        at.fundingItems('expense', 'share').map((cell, i) => ({ messageId: 'missing', cells: [cell], expected: ['9.46%', '1.29%', '89.25%'][i] })),
    },
    {
      name: 'no total and no share: the share of the items’ sum',
      grid: form((f) => {
        f.funding.income.total.current = null;
        f.funding.income.items.fiscal.share = null;
      }),
      errors: (at) => [{ messageId: 'missing', cells: [at.funding('income', 'fiscal', 'share')], expected: '100.00%', data: { item: '财政拨款' }, says: ['财政拨款', '100.00%'] }],
    },
  ],
});
