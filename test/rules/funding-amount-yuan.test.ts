import { edited, form, ruleTester } from './rule-tester';

ruleTester('funding-amount-yuan', {
  valid: [
    { name: 'the clean form', grid: form() },
    { name: 'a large amount that adds up (10037.9 万元)', grid: form((f) => (f.funding.income.items.fiscal.prior[1] = '10037.9')) },
    { name: 'a total in 万元 over small items', grid: form((f) => (f.funding.expense.items.operating.current = '103.11')) },
  ],
  invalid: [
    {
      name: '754.19 typed as 7541900 元: the total adds up once read in 万元',
      grid: edited((put, at) => put(at.funding('expense', 'personnel', 'current'), 7541900)),
      errors: (at) => [
        { messageId: 'yuan', cells: [at.funding('expense', 'personnel', 'current')], expected: '754.19', fix: [{ cell: at.funding('expense', 'personnel', 'current'), value: 754.19 }], says: ['7541900', '754.19'] },
      ],
    },
    {
      name: 'a prior year in 元 without a total: the same item in the other years is a ten-thousandth of it',
      grid: edited((put, at) => {
        put(at.funding('expense', 'operating', 2022), 825500);
        put(at.funding('expense', 'total', 2022), null);
      }),
      errors: (at) => [{ messageId: 'yuan', cells: [at.funding('expense', 'operating', 2022)], expected: '82.55', says: ['825500', '82.55'] }],
    },
  ],
});
