import { edited, form, ruleTester } from './rule-tester';
import { paperGrid } from '../support/forms';

ruleTester('project-budget', {
  valid: [
    { name: 'the clean form (本年度 = 总预算 everywhere)', grid: form() },
    { name: 'the paper layout', grid: paperGrid },
    { name: 'this year below the total', grid: form((f) => (f.projects[0].current = '400')) },
    { name: 'no total budget', grid: form((f) => (f.projects[0].total = null)) },
    { name: 'no budget this year', grid: form((f) => (f.projects[0].current = null)) },
    { name: 'amounts stored as text', grid: edited((put, at) => (put(at.project(0, 'total'), '864'), put(at.project(0, 'current'), '864.00'))) },
    { name: 'a total in words', grid: form((f) => (f.projects[0].total = '待定')) },
  ],
  invalid: [
    {
      name: 'this year above the total',
      grid: form((f) => (f.projects[0].current = '900')),
      errors: (at) => [
        {
          messageId: 'exceeds',
          cells: [at.project(0, 'current'), at.project(0, 'total')],
          data: { name: '滨湖大厦办公大楼运行保障', current: '900', total: '864' },
          says: ['滨湖大厦办公大楼运行保障', '900', '864'],
        },
      ],
    },
    {
      name: 'above by a cent',
      grid: form((f) => (f.projects[7].current = '52.01')),
      errors: [{ messageId: 'exceeds', cells: ['E24', 'D24'], data: { name: '公物仓资产管理经费', current: '52.01', total: '52' }, says: ['52.01'] }],
    },
    {
      name: 'a project with no name is named by its row',
      grid: form((f) => f.projects.push({ name: null, category: '运转类', total: '100', current: '200', purpose: null })),
      errors: (at) => [{ messageId: 'exceeds', cells: [at.project(8, 'current'), at.project(8, 'total')], data: { name: '25' }, says: ['“25”', '200', '100'] }],
    },
    {
      name: 'two projects',
      grid: form((f) => ((f.projects[1].current = '500'), (f.projects[2].current = '3000.5'))),
      errors: (at) => [
        { messageId: 'exceeds', cells: [at.project(1, 'current'), at.project(1, 'total')], data: { current: '500', total: '456' } },
        { messageId: 'exceeds', cells: [at.project(2, 'current'), at.project(2, 'total')], data: { current: '3000.5', total: '3000' } },
      ],
    },
  ],
});
