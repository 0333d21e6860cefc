import { form, ruleTester } from './rule-tester';
import type { AnnualRow, FormData } from '../../src/form/form-data';
import { paperGrid } from '../support/forms';

const annualRow = (f: FormData, l3: string): AnnualRow => f.annual.find((r) => r[2] === l3)!;
const dropAnnual = (f: FormData, l3: string) => f.annual.splice(f.annual.indexOf(annualRow(f, l3)), 1);
/** Puts a row right after the last annual row of its 二级, where a person would type it. */
const addAnnual = (f: FormData, row: AnnualRow) => {
  const last = f.annual.map((r) => r[1]).lastIndexOf(row[1]);
  f.annual.splice(last + 1, 0, row);
};

ruleTester('indicator-name-match', {
  valid: [
    { name: 'the clean form', grid: form() },
    { name: 'a whole 二级 missing from the annual table (the coverage rule reports it)', grid: form((f) => dropAnnual(f, '信息化建设情况')) },
    {
      name: 'the same names in another order',
      grid: form((f) => {
        const a = f.annual.findIndex((r) => r[2] === '预算编制科学性');
        [f.annual[a], f.annual[a + 1]] = [f.annual[a + 1], f.annual[a]];
      }),
    },
  ],
  invalid: [
    {
      name: 'the filed 标准化建设推进项目',
      grid: form((f) => (annualRow(f, '标准化建设项目')[2] = '标准化建设推进项目')),
      errors: (at) => [
        {
          messageId: 'renamed',
          cells: [at.indicator('longTerm', '标准化建设项目', 'level3'), at.indicator('annual', '标准化建设推进项目', 'level3')],
          expected: '标准化建设项目',
          data: { level2: '核心业务产出8', longTerm: '标准化建设项目', annual: '标准化建设推进项目' },
          says: ['核心业务产出8', '标准化建设项目', '标准化建设推进项目'],
        },
      ],
    },
    {
      name: 'the paper layout as filed',
      grid: paperGrid,
      errors: [
        { messageId: 'renamed', cells: ['D53', 'D100'], expected: '政府办公大楼、综合楼日常维修维护', says: ['政府办公大楼、综合楼日常巡检'] },
        { messageId: 'renamed', cells: ['D60', 'D107'], expected: '标准化建设项目' },
        { messageId: 'onlyLongTerm', cells: ['D67'], data: { name: '干部队伍体系建设规划情况' } },
        { messageId: 'onlyLongTerm', cells: ['D68'], data: { name: '高学历、高层次人才储备率' } },
      ],
    },
    {
      name: 'an indicator only in the long-term table',
      grid: form((f) => dropAnnual(f, '干部队伍体系建设规划情况')),
      errors: (at) => [
        {
          messageId: 'onlyLongTerm',
          cells: [at.indicator('longTerm', '干部队伍体系建设规划情况', 'level3')],
          data: { level2: '人才支撑', name: '干部队伍体系建设规划情况' },
          says: ['人才支撑', '干部队伍体系建设规划情况'],
        },
      ],
    },
    {
      name: 'an indicator only in the annual table',
      grid: form((f) => addAnnual(f, ['可持续发展能力', '人才支撑', '青年干部培养率', '80%', '85%', '90%', '计划标准', '绩效创新型'])),
      errors: (at) => [
        {
          messageId: 'onlyAnnual',
          cells: [at.indicator('annual', '青年干部培养率', 'level3')],
          data: { level2: '人才支撑', name: '青年干部培养率' },
          says: ['人才支撑', '青年干部培养率'],
        },
      ],
    },
    {
      name: 'a rename and an addition under one 二级: paired first, the rest only-annual',
      grid: form((f) => {
        annualRow(f, '业务学习与培训完成率')[2] = '业务培训完成率';
        addAnnual(f, ['可持续发展能力', '人才支撑', '青年干部培养率', '80%', '85%', '90%', '计划标准', '绩效创新型']);
      }),
      errors: (at) => [
        {
          messageId: 'renamed',
          cells: [at.indicator('longTerm', '业务学习与培训完成率', 'level3'), at.indicator('annual', '业务培训完成率', 'level3')],
          expected: '业务学习与培训完成率',
        },
        { messageId: 'onlyAnnual', cells: [at.indicator('annual', '青年干部培养率', 'level3')] },
      ],
    },
  ],
});
