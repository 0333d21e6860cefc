import { form, ruleTester } from './rule-tester';
import type { FormData } from '../../src/form/form-data';
import { paperGrid } from '../support/forms';

const dropLevel2 = (...names: string[]) => (f: FormData) => (f.annual = f.annual.filter((r) => !names.includes(r[1])));

ruleTester('indicator-level2-coverage', {
  valid: [
    { name: 'the clean form', grid: form() },
    { name: 'a whole 一级 missing is reported by the level-1 rule only', grid: form((f) => (f.annual = f.annual.filter((r) => r[0] !== '满意度'))) },
    { name: 'an annual 二级 not in the long-term table', grid: form((f) => f.annual.push(['满意度', '社会公众满意度', '群众满意度', '90%', '90%', '90%', '历史标准', '绩效创新型'])) },
  ],
  invalid: [
    {
      name: 'no 科技支撑 in the annual table',
      grid: form(dropLevel2('科技支撑')),
      errors: (at) => [
        {
          messageId: 'missing',
          cells: [at.level('longTerm', '可持续发展能力', '科技支撑')],
          data: { level1: '可持续发展能力', level2: '科技支撑' },
          says: ['可持续发展能力', '科技支撑'],
        },
      ],
    },
    {
      name: 'the paper layout as filed',
      grid: paperGrid,
      errors: [{ messageId: 'missing', cells: ['C69'], data: { level2: '科技支撑' } }],
    },
    {
      name: 'a 二级 of several rows is reported once, at its merged cell',
      grid: form(dropLevel2('资产管理', '财务管理')),
      errors: (at) => [
        { messageId: 'missing', cells: [at.level('longTerm', '管理效率', '资产管理')], data: { level1: '管理效率', level2: '资产管理' } },
        { messageId: 'missing', cells: [at.level('longTerm', '管理效率', '财务管理')], data: { level2: '财务管理' } },
      ],
    },
  ],
});
