import { edited, form, ruleTester } from './rule-tester';
import type { AnnualRow, FormData } from '../../src/form/form-data';
import { paperGrid } from '../support/forms';

const annualRow = (f: FormData, l3: string): AnnualRow => f.annual.find((r) => r[2] === l3)!;

ruleTester('indicator-history-empty', {
  valid: [
    { name: 'the clean form', grid: form() },
    { name: 'the paper layout', grid: paperGrid },
    { name: 'a bare 0 is a value', grid: form((f) => ((annualRow(f, '预算调整率')[3] = '0'), (annualRow(f, '预算调整率')[4] = '0'))) },
    { name: 'a row with no 三级 name is not an indicator yet', grid: form((f) => {
        const r = annualRow(f, '预算执行率');
        r[2] = null;
        r[3] = null;
      }),
    },
    { name: 'an empty target is indicator-empty’s finding', grid: form((f) => (annualRow(f, '预算执行率')[5] = null)) },
  ],
  invalid: [
    {
      name: 'one prior year empty',
      grid: form((f) => (annualRow(f, '公用经费控制率')[3] = null)),
      errors: (at) => [
        {
          messageId: 'empty',
          cells: [at.indicator('annual', '公用经费控制率', 2022)],
          data: { indicator: '公用经费控制率', year: 2022 },
          says: ['公用经费控制率', '2022'],
        },
      ],
    },
    {
      name: 'both prior years empty, in sheet order',
      grid: form((f) => {
        f.annualYears = [2023, 2022];
        annualRow(f, '立项规范性')[3] = null;
        annualRow(f, '立项规范性')[4] = null;
      }),
      errors: (at) => [
        { messageId: 'empty', cells: [at.indicator('annual', '立项规范性', 2023)], data: { year: 2023 }, says: ['2023'] },
        { messageId: 'empty', cells: [at.indicator('annual', '立项规范性', 2022)], data: { year: 2022 }, says: ['2022'] },
      ],
    },
    {
      name: 'a value of only spaces is empty',
      grid: edited((put, at) => put(at.indicator('annual', '会议服务次数', 2023), '\u3000 ')),
      errors: (at) => [{ messageId: 'empty', cells: [at.indicator('annual', '会议服务次数', 2023)], says: ['会议服务次数'] }],
    },
  ],
});
