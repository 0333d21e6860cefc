import { edited, form, ruleTester } from './rule-tester';
import { paperGrid } from '../support/forms';

ruleTester('project-category', {
  valid: [
    { name: 'the clean form', grid: form() },
    { name: 'the paper layout', grid: paperGrid },
    { name: '人员类 and 运转类', grid: form((f) => ((f.projects[0].category = '人员类'), (f.projects[1].category = '运转类'))) },
    { name: '特定目标类项目', grid: form((f) => (f.projects[0].category = '特定目标类项目')) },
    { name: 'spaces around and inside', grid: edited((put, at) => put(at.project(0, 'category'), ' 运转 类\u3000')) },
    { name: 'a row with no name and no category', grid: form((f) => f.projects.push({ name: null, category: null, total: null, current: null, purpose: '备用' })) },
    { name: 'an error value (cell-error-value reports it)', grid: edited((put, at) => put(at.project(1, 'category'), { error: '#N/A' })) },
  ],
  invalid: [
    {
      name: 'an unknown category',
      grid: form((f) => (f.projects[0].category = '专项')),
      errors: (at) => [
        {
          messageId: 'invalid',
          cells: [at.project(0, 'category')],
          data: { value: '专项', allowed: '人员类、运转类、特定目标类' },
          says: ['专项', '人员类、运转类、特定目标类'],
        },
      ],
    },
    {
      name: 'a number',
      grid: edited((put, at) => put(at.project(1, 'category'), 5)),
      errors: [{ messageId: 'invalid', cells: ['C18'], data: { value: '5' }, says: ['“5”'] }],
    },
    {
      name: 'a project with no category',
      grid: form((f) => (f.projects[2].category = null)),
      errors: (at) => [{ messageId: 'empty', cells: [at.project(2, 'category')], data: { name: '市直党政机关物业集中统一管理项目保障' }, says: ['市直党政机关物业集中统一管理项目保障'] }],
    },
    {
      name: 'a project named 特定目标 with the category abbreviated',
      grid: form((f) => (f.projects[3].category = '特定目标')),
      errors: (at) => [{ messageId: 'invalid', cells: [at.project(3, 'category')], says: ['特定目标'] }],
    },
  ],
});
