import { form, ruleTester } from './rule-tester';
import type { FormData } from '../../src/form/form-data';
import { paperGrid } from '../support/forms';

const dropLevel1 = (...names: string[]) => (f: FormData) => (f.annual = f.annual.filter((r) => !names.includes(r[0])));

ruleTester('indicator-level1-coverage', {
  valid: [
    { name: 'the clean form', grid: form() },
    { name: 'an annual 一级 not in the long-term table', grid: form((f) => f.annual.push(['其他', '其他', '其他指标', '1个', '1个', '1个', '其他标准', '绩效创新型'])) },
    { name: 'a 二级 missing under a present 一级 (the level-2 rule reports it)', grid: form((f) => (f.annual = f.annual.filter((r) => r[1] !== '科技支撑'))) },
  ],
  invalid: [
    {
      name: 'no 满意度 in the annual table',
      grid: form(dropLevel1('满意度')),
      errors: (at) => [{ messageId: 'missing', cells: [at.level('longTerm', '满意度')], data: { level1: '满意度' }, says: ['满意度'] }],
    },
    {
      name: 'the paper layout as filed',
      grid: paperGrid,
      errors: [{ messageId: 'missing', cells: ['B70'], data: { level1: '满意度' } }],
    },
    {
      name: 'two missing, reported once each in long-term order',
      grid: form(dropLevel1('满意度', '社会效应')),
      errors: (at) => [
        { messageId: 'missing', cells: [at.level('longTerm', '社会效应')], says: ['社会效应'] },
        { messageId: 'missing', cells: [at.level('longTerm', '满意度')], says: ['满意度'] },
      ],
    },
  ],
});
