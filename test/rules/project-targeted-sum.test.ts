import { edited, form, ruleTester } from './rule-tester';
import { paperGrid } from '../support/forms';

const projectCurrents = (at: import('./rule-tester').At, indexes: number[]) => indexes.map((i) => at.project(i, 'current'));
const ALL = [0, 1, 2, 3, 4, 5, 6, 7];

ruleTester('project-targeted-sum', {
  valid: [
    { name: 'the clean form: 8 projects add up to 7112', grid: form() },
    { name: 'the paper layout', grid: paperGrid },
    { name: 'no targeted projects and a line of 0', grid: form((f) => (f.projects.forEach((p) => (p.category = '运转类')), (f.funding.expense.items.targeted.current = '0'))) },
    { name: 'an empty 特定目标类项目支出 line', grid: form((f) => (f.funding.expense.items.targeted.current = null)) },
    { name: 'the category written 特定目标类项目', grid: form((f) => (f.projects[0].category = '特定目标类项目')) },
    { name: 'a project budget stored as text', grid: edited((put, at) => put(at.project(0, 'current'), '864')) },
    {
      name: 'a targeted project with no budget this year counts as 0',
      grid: form((f) => f.projects.push({ name: '新增项目', category: '特定目标类', total: '10', current: null, purpose: null })),
    },
    {
      name: 'other categories are not counted',
      grid: form((f) => f.projects.push({ name: '人员经费', category: '人员类', total: '754.19', current: '754.19', purpose: null })),
    },
  ],
  invalid: [
    {
      name: 'one project over',
      grid: form((f) => (f.projects[0].current = '900')),
      errors: (at) => [
        {
          messageId: 'mismatch',
          cells: [at.funding('expense', 'targeted', 'current'), ...projectCurrents(at, ALL)],
          expected: '7148',
          data: { sum: '7148', line: '7112', diff: '36' },
          says: ['7148', '7112', '36'],
        },
      ],
    },
    {
      name: 'a project moved to another category',
      grid: form((f) => (f.projects[7].category = '运转类')),
      errors: (at) => [
        {
          messageId: 'mismatch',
          cells: ['D12', ...projectCurrents(at, [0, 1, 2, 3, 4, 5, 6])],
          expected: '7060',
          data: { sum: '7060', line: '7112', diff: '-52' },
          says: ['7060', '-52'],
        },
      ],
    },
    {
      name: 'no targeted project at all against a non-zero line',
      grid: form((f) => f.projects.forEach((p) => (p.category = '运转类'))),
      errors: [{ messageId: 'mismatch', cells: ['D12'], expected: '0', data: { sum: '0', line: '7112', diff: '-7112' }, says: ['7112', '-7112'] }],
    },
    {
      name: 'the funding line off',
      grid: form((f) => (f.funding.expense.items.targeted.current = '7112.5')),
      errors: (at) => [{ messageId: 'mismatch', cells: ['D12', ...projectCurrents(at, ALL)], expected: '7112', data: { line: '7112.5', diff: '-0.5' }, says: ['7112.5', '-0.5'] }],
    },
  ],
});
