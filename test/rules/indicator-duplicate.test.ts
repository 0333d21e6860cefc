import { form, ruleTester } from './rule-tester';
import type { FormData } from '../../src/form/form-data';
import { paperGrid, sampleGrid } from '../support/forms';

const renameSecond = (rows: (f: FormData) => (string | null)[][]) => (f: FormData) => {
  rows(f).find((r) => r[1] === '行政管理体制改革成效')![2] = '服务体制改革成效';
};

ruleTester('indicator-duplicate', {
  valid: [
    { name: 'the clean form (each name once per table, in both tables)', grid: form() },
    { name: 'a duplicate 二级 name is fine', grid: form((f) => (f.longTerm.find((r) => r[2] === '会计核算规范性')![1] = '资产管理')) },
  ],
  invalid: [
    {
      name: 'the filed 服务体制改革成效 twice in the long-term table',
      grid: form(renameSecond((f) => f.longTerm)),
      errors: (at) => [
        {
          messageId: 'duplicate',
          cells: [at.indicator('longTerm', '服务体制改革成效', 'level3', 0), at.indicator('longTerm', '服务体制改革成效', 'level3', 1)],
          data: { table: '长期绩效指标表', tableEn: 'long-term table', name: '服务体制改革成效', count: 2, places: '体制机制改革 / 行政管理体制改革成效' },
          says: ['服务体制改革成效', '2', '体制机制改革 / 行政管理体制改革成效'],
          zh: ['长期绩效指标表'],
          en: ['long-term table'],
        },
      ],
    },
    {
      name: 'the sample: once per table',
      grid: sampleGrid,
      errors: (at) => [
        { messageId: 'duplicate', cells: [0, 1].map((n) => at.indicator('longTerm', '服务体制改革成效', 'level3', n)), zh: ['长期绩效指标表'] },
        { messageId: 'duplicate', cells: [0, 1].map((n) => at.indicator('annual', '服务体制改革成效', 'level3', n)), zh: ['年度绩效指标表'], en: ['annual table'] },
      ],
    },
    {
      name: 'the paper layout as filed',
      grid: paperGrid,
      errors: [
        { messageId: 'duplicate', cells: ['D64', 'D65'] },
        { messageId: 'duplicate', cells: ['D111', 'D112'] },
      ],
    },
    {
      name: 'three times',
      grid: form((f) => {
        for (const l3 of ['预算编制合理性', '立项规范性']) f.annual.find((r) => r[2] === l3)![2] = '预算编制科学性';
      }),
      errors: (at) => [
        {
          messageId: 'duplicate',
          cells: [0, 1, 2].map((n) => at.indicator('annual', '预算编制科学性', 'level3', n)),
          data: { count: 3, places: '预算编制 / 预算编制 / 预算编制' },
          says: ['预算编制科学性', '3'],
        },
      ],
    },
  ],
});
