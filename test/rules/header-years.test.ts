import { edited, form, ruleTester } from './rule-tester';
import { paperGrid } from '../support/forms';

ruleTester('header-years', {
  valid: [
    { name: 'the clean form (2024, with 2023 and 2022)', grid: form() },
    { name: 'the paper layout, inline date', grid: paperGrid },
    { name: 'filed in the autumn before the budget year', grid: form((f) => (f.date = { year: 2023, month: 10, day: 8 })) },
    { name: 'the annual table’s years descending', grid: form((f) => (f.annualYears = [2023, 2022])) },
    { name: 'no date, the two tables agree', grid: form((f) => (f.date = null)) },
    { name: 'no date, the two tables agree in different orders', grid: form((f) => ((f.date = null), (f.annualYears = [2023, 2022]))) },
  ],
  invalid: [
    {
      name: 'one prior year off',
      grid: form((f) => (f.priorYears = [2023, 2021])),
      errors: (at) => [
        {
          messageId: 'wrongYear',
          cells: [at.yearHeader('funding', 2021)],
          data: { found: '2021年', formYear: 2024, expected: '2022年、2023年' },
          says: ['2021年', '2024', '2022年、2023年'],
          zh: ['资金情况表'],
          en: ['funding table'],
        },
      ],
    },
    {
      name: 'the same year twice',
      grid: form((f) => (f.priorYears = [2023, 2023])),
      errors: [
        { messageId: 'wrongYear', cells: ['F5'], data: { found: '2023年' } },
        { messageId: 'wrongYear', cells: ['G5'], data: { found: '2023年' } },
      ],
    },
    {
      name: 'a date a year later than the headers: the older year is off',
      grid: form((f) => (f.date = { year: 2025, month: 3, day: 1 })),
      errors: (at) => [
        { messageId: 'wrongYear', cells: [at.yearHeader('funding', 2022)], data: { found: '2022年', formYear: 2025, expected: '2023年、2024年' }, says: ['2023年、2024年'] },
        { messageId: 'wrongYear', cells: [at.yearHeader('annual', 2022)], zh: ['年度绩效指标表'], en: ['annual indicator table'] },
      ],
    },
    {
      name: 'a date two years later: every year header is off',
      grid: form((f) => (f.date = { year: 2026, month: 3, day: 1 })),
      errors: (at) => [
        { messageId: 'wrongYear', cells: [at.yearHeader('funding', 2023)], data: { found: '2023年', formYear: 2026, expected: '2024年、2025年' } },
        { messageId: 'wrongYear', cells: [at.yearHeader('funding', 2022)], data: { found: '2022年' } },
        { messageId: 'wrongYear', cells: [at.yearHeader('annual', 2022)], data: { found: '2022年' } },
        { messageId: 'wrongYear', cells: [at.yearHeader('annual', 2023)], says: ['2023年', '2026'] },
      ],
    },
    {
      name: 'filed in September of the budget year: the form is for the next one',
      grid: form((f) => (f.date = { year: 2024, month: 9, day: 15 })),
      errors: ['G5', 'E87'].map((c) => ({ messageId: 'wrongYear', cells: [c], data: { found: '2022年', formYear: 2025 }, says: ['2025'] })),
    },
    {
      name: 'no date and the tables disagree',
      grid: form((f) => ((f.date = null), (f.annualYears = [2021, 2022]))),
      errors: [
        {
          messageId: 'disagree',
          cells: ['F5', 'G5', 'E87', 'F87'],
          data: { funding: '2022、2023', annual: '2021、2022' },
          says: ['2022、2023', '2021、2022'],
        },
      ],
    },
    {
      name: 'the paper layout with a 2026 inline date',
      grid: edited((put) => put('A2', '填报日期：2026年1月12日'), paperGrid),
      errors: (at) =>
        [at.yearHeader('funding', 2023), at.yearHeader('funding', 2022), at.yearHeader('annual', 2022), at.yearHeader('annual', 2023)].map((c) => ({
          messageId: 'wrongYear',
          cells: [c],
          data: { formYear: 2026 },
        })),
    },
  ],
});
