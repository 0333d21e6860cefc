import { edited, form, ruleTester } from './rule-tester';
import { paperGrid } from '../support/forms';

ruleTester('funding-total', {
  valid: [
    { name: 'the clean form', grid: form() },
    { name: 'a total stored as text', grid: edited((put, at) => put(at.funding('expense', 'total', 'current'), '7969.3')) },
    { name: 'a total in full-width digits (hygiene-full-width reports it)', grid: edited((put, at) => put(at.funding('expense', 'total', 'current'), '７９６９．３')) },
    { name: 'an item with a trailing ideographic space', grid: edited((put, at) => put(at.funding('expense', 'targeted', 'current'), '7112\u3000')) },
    { name: 'a total off by less than 1 元', grid: edited((put, at) => put(at.funding('expense', 'total', 'current'), 7969.30004)) },
    {
      name: 'decimals that a float sum gets wrong (0.1 + 0.2 = 0.3)',
      grid: form((f) => {
        const e = f.funding.expense;
        e.items.personnel.current = '0.1';
        e.items.operating.current = '0.2';
        e.items.targeted.current = '0';
        e.total.current = '0.3';
      }),
    },
    {
      name: 'a year column left empty, total and items',
      grid: form((f) => {
        const e = f.funding.expense;
        for (const row of [...Object.values(e.items), e.total]) row.prior[1] = null;
      }),
    },
  ],
  invalid: [
    {
      name: 'a total written with its unit (7969.3万元)',
      grid: edited((put, at) => put(at.funding('expense', 'total', 'current'), '7969.3万元')),
      errors: (at) => [
        {
          messageId: 'notNumber',
          cells: [at.funding('expense', 'total', 'current')],
          expected: '7969.3',
          says: ['7969.3万元', '7969.3'],
        },
      ],
    },
    {
      name: 'the filed 支出 (754.14 for 754.19): 收入合计 agrees with the written total, so an item is the likelier mistake',
      grid: form((f) => (f.funding.expense.items.personnel.current = '754.14')),
      errors: (at) => [
        {
          messageId: 'itemsLikelyWrong',
          cells: [at.funding('expense', 'total', 'current'), ...at.fundingItems('expense', 'current'), at.funding('income', 'total', 'current')],
          data: { total: '7969.3', sum: '7969.25', diff: '0.05', column: '当年金额', other: '收入' },
          says: ['7969.3', '7969.25', '0.05'],
          zh: ['支出', '当年金额', '收入合计同为 7969.3', '更可能是某一项金额有误'],
          en: ['Expenditure', 'current year', 'income total is 7969.3 too', 'an item is the likelier mistake'],
        },
      ],
    },
    {
      name: 'a prior year: the filed 2022 column (9290.05), 收入 2022 says 10037.9 too',
      grid: form((f) => (f.funding.expense.items.targeted.prior[1] = '9290.05')),
      errors: [
        {
          messageId: 'itemsLikelyWrong',
          cells: ['G13', 'G10', 'G11', 'G12', 'G9'],
          data: { column: '2022年', columnEn: '2022', diff: '-0.05' },
          says: ['10037.9', '10037.95', '-0.05'],
          zh: ['2022年'],
          en: ['2022'],
        },
      ],
    },
    {
      name: 'a typed total that nothing corroborates: the total is the fix',
      grid: form((f) => (f.funding.expense.total.current = '8000')),
      errors: (at) => [
        {
          messageId: 'mismatch',
          cells: [at.funding('expense', 'total', 'current'), ...at.fundingItems('expense', 'current')],
          expected: '7969.3',
          data: { total: '8000', sum: '7969.3', diff: '30.7', column: '当年金额' },
          says: ['8000', '7969.3', '30.7'],
          zh: ['支出', '当年金额'],
          en: ['Expenditure', 'current year'],
          fix: [{ cell: at.funding('expense', 'total', 'current'), value: 7969.3 }],
        },
      ],
    },
    {
      name: 'the other total is no evidence when its own items do not add up to it',
      grid: form((f) => {
        f.funding.expense.items.personnel.current = '754.14';
        f.funding.income.items.fiscal.current = '7000';
      }),
      errors: (at) => [
        { messageId: 'mismatch', cells: [at.funding('income', 'total', 'current'), at.funding('income', 'fiscal', 'current')], expected: '7000' },
        { messageId: 'mismatch', cells: [at.funding('expense', 'total', 'current'), ...at.fundingItems('expense', 'current')], expected: '7969.25' },
      ],
    },
    {
      name: 'only the items with an amount are blamed',
      grid: form((f) => {
        f.funding.income.items.fiscal.current = '8000';
        f.funding.income.total.current = '9000';
      }),
      errors: (at) => [
        {
          messageId: 'mismatch',
          cells: [at.funding('income', 'total', 'current'), at.funding('income', 'fiscal', 'current')],
          expected: '8000',
          data: { group: '收入', groupEn: 'Income', diff: '1000' },
          says: ['9000', '8000', '1000'],
          zh: ['收入'],
          en: ['Income'],
        },
      ],
    },
    {
      name: 'an amount typed as words or with its unit is named, and no sum is claimed',
      grid: edited((put, at) => {
        put(at.funding('expense', 'personnel', 'current'), '七百五十四万');
        put(at.funding('expense', 'operating', 2023), '102.5万元');
      }),
      errors: (at) => [
        { messageId: 'itemNotNumber', cells: [at.funding('expense', 'personnel', 'current')], says: ['七百五十四万'], zh: ['人员类项目支出', '不是数字'], en: ['not a number'] },
        { messageId: 'itemNotNumber', cells: [at.funding('expense', 'operating', 2023)], says: ['102.5万元', '2023'] },
      ],
    },
    {
      name: 'an empty total',
      grid: form((f) => (f.funding.income.total.current = null)),
      errors: (at) => [
        {
          messageId: 'missing',
          cells: [at.funding('income', 'total', 'current')],
          expected: '7969.3',
          data: { sum: '7969.3' },
          says: ['7969.3'],
          fix: [{ cell: 'D9', value: 7969.3 }],
        },
      ],
    },
    {
      name: 'empty totals in both prior years',
      grid: form((f) => (f.funding.expense.total.prior = [null, null])),
      errors: (at) => [
        { messageId: 'missing', cells: [at.funding('expense', 'total', 2023)], expected: '8674.7', says: ['8674.7', '2023'] },
        { messageId: 'missing', cells: [at.funding('expense', 'total', 2022)], expected: '10037.9', says: ['10037.9', '2022'] },
      ],
    },
    {
      name: 'an item in full-width digits still counts',
      grid: edited((put, at) => {
        put(at.funding('expense', 'personnel', 'current'), '７５４．１４');
      }),
      errors: [{ messageId: 'itemsLikelyWrong', cells: ['D13', 'D10', 'D11', 'D12', 'D9'] }],
    },
    {
      name: 'the paper layout as filed',
      grid: paperGrid,
      errors: [
        { messageId: 'itemsLikelyWrong', cells: ['D13', 'D10', 'D11', 'D12', 'D9'], says: ['7969.25', '7969.3'] },
        { messageId: 'itemsLikelyWrong', cells: ['G13', 'G10', 'G11', 'G12', 'G9'], says: ['10037.95', '10037.9'] },
      ],
    },
  ],
});
