import { edited, form, ruleTester } from './rule-tester';
import type { AnnualRow, FormData, LongTermRow } from '../../src/form/form-data';
import { paperGrid } from '../support/forms';

const longRow = (f: FormData, l3: string): LongTermRow => f.longTerm.find((r) => r[2] === l3)!;
const annualRow = (f: FormData, l3: string): AnnualRow => f.annual.find((r) => r[2] === l3)!;
const annualValues = (l3: string, values: [string, string, string]) => (f: FormData) => {
  const r = annualRow(f, l3);
  [r[3], r[4], r[5]] = values;
};

ruleTester('indicator-unit', {
  valid: [
    { name: 'the clean form', grid: form() },
    { name: 'a bare 0 before values with a unit (办公用房安全鉴定、测量面积)', grid: form(annualValues('办公用房安全鉴定、测量面积', ['0', '0', '16.19平方米'])) },
    { name: 'a bare number in a rate row (indicator-rate-percent reports it)', grid: form(annualValues('预算执行率', ['100', '100%', '100%'])) },
    { name: 'words and numbers', grid: form(annualValues('节约型机关建设', ['初见成效', '效果明显', '效果明显'])) },
    { name: 'long-term % and annual bare number in a rate row', grid: form((f) => (annualRow(f, '绩效监控开展率')[5] = '100')) },
    { name: 'a comparator does not change the unit', grid: form(annualValues('公务用车保障车辆数量', ['231辆', '≥231辆', '231辆'])) },
    { name: 'full-width digits keep their unit', grid: edited((put, at) => put(at.indicator('annual', '公务用车保障车辆数量', 2022), '２３１辆')) },
  ],
  invalid: [
    {
      name: 'the filed 55家 then 55种',
      grid: form(annualValues('丰富多样的餐饮品种', ['55家', '55家', '55种'])),
      errors: (at) => [
        {
          messageId: 'acrossYears',
          cells: [at.indicator('annual', '丰富多样的餐饮品种', 2022), at.indicator('annual', '丰富多样的餐饮品种', 2023), at.indicator('annual', '丰富多样的餐饮品种', 'value')],
          data: { indicator: '丰富多样的餐饮品种', values: '55家、55家、55种' },
          says: ['丰富多样的餐饮品种', '55家、55家、55种'],
        },
      ],
    },
    {
      name: 'the filed 200次 then 200场次',
      grid: form((f) => (longRow(f, '会议服务次数')[3] = '200次')),
      errors: (at) => [
        {
          messageId: 'acrossTables',
          cells: [at.indicator('longTerm', '会议服务次数', 'value'), at.indicator('annual', '会议服务次数', 'value')],
          data: { indicator: '会议服务次数', longTerm: '200次', annual: '200场次' },
          says: ['会议服务次数', '200次', '200场次'],
        },
      ],
    },
    {
      name: 'the paper layout as filed',
      grid: paperGrid,
      errors: [
        { messageId: 'acrossYears', cells: ['E101', 'F101', 'G101'], says: ['55家、55家、55种'] },
        { messageId: 'acrossTables', cells: ['E58', 'G105'], says: ['200次', '200场次'] },
      ],
    },
    {
      name: 'a percentage among counts',
      grid: form(annualValues('公物仓货物维护次数', ['30次', '30%', '30次'])),
      errors: (at) => [
        { messageId: 'acrossYears', cells: [2022, 2023, 'value' as const].map((c) => at.indicator('annual', '公物仓货物维护次数', c)), data: { values: '30次、30%、30次' } },
      ],
    },
    {
      name: 'a bare non-zero number among counts',
      grid: form(annualValues('公务用车保障车辆数量', ['231', '231辆', '231辆'])),
      errors: (at) => [
        { messageId: 'acrossYears', cells: [2022, 2023, 'value' as const].map((c) => at.indicator('annual', '公务用车保障车辆数量', c)), data: { values: '231、231辆、231辆' } },
      ],
    },
    {
      name: 'a word value is left out of the list',
      grid: form(annualValues('物业集中管理服务面积', ['暂无', '38万平方米', '37万亩'])),
      errors: (at) => [
        {
          messageId: 'acrossYears',
          cells: [at.indicator('annual', '物业集中管理服务面积', 2023), at.indicator('annual', '物业集中管理服务面积', 'value')],
          data: { values: '38万平方米、37万亩' },
        },
        {
          messageId: 'acrossTables',
          cells: [at.indicator('longTerm', '物业集中管理服务面积', 'value'), at.indicator('annual', '物业集中管理服务面积', 'value')],
          data: { longTerm: '37万平方米', annual: '37万亩' },
        },
      ],
    },
  ],
});
