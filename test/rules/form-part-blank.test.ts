import { form, ruleTester, type At } from './rule-tester';
import { toA1 } from '../../src/grid/address';
import { blankForm, buildTemplateDoc } from '../../src/form/template';

const firstSlot = (at: At) => toA1({ row: at.form.projects!.slotRows[0], col: at.form.projects!.cols.name });
const firstIndicator = (at: At, kind: 'longTerm' | 'annual') => toA1({ row: at.table(kind).rows[0].row, col: at.table(kind).cols.level3 });

ruleTester('form-part-blank', {
  valid: [
    { name: 'the clean form', grid: form() },
    { name: 'one project typed, the other slots empty', grid: form((f) => (f.projects = f.projects.slice(0, 1))) },
    { name: 'only the department name in the header', grid: form((f) => Object.assign(f, { date: null, filler: null, phone: null })) },
    {
      name: 'one 三级 typed in an otherwise empty long-term table',
      grid: form((f) => (f.longTerm = f.longTerm.map((r, i) => (i === 0 ? r : [r[0], r[1], null, null, null, null])))),
    },
  ],
  invalid: [
    {
      name: 'a header left wholly blank: one finding, not one per field',
      grid: form((f) => Object.assign(f, { date: null, deptName: null, filler: null, phone: null })),
      errors: (at) => [{ messageId: 'blank', cells: [at.header('date')], data: { part: '表头' }, zh: ['填报日期、部门（单位）名称、填报人、联系电话'], en: ['header'] }],
    },
    {
      name: 'no project at all',
      grid: form((f) => (f.projects = [])),
      errors: (at) => [{ messageId: 'blank', cells: [firstSlot(at)], data: { part: '项目支出情况' }, en: ['project table'] }],
    },
    {
      name: 'no 部门职能概述',
      grid: form((f) => (f.functions = null)),
      errors: (at) => [{ messageId: 'blank', cells: [toA1(at.form.texts.functions!.value)], data: { part: '部门职能概述' } }],
    },
    {
      name: 'the blank template: once per part, in the order of the form',
      grid: () => buildTemplateDoc(blankForm(2027)).grid,
      errors: (at) => [
        { messageId: 'blank', cells: [at.header('date')], data: { part: '表头' } },
        { messageId: 'blank', cells: [at.funding('income', 'fiscal', 'current')], data: { part: '部门总体资金情况' } },
        { messageId: 'blank', cells: [toA1(at.form.texts.functions!.value)], data: { part: '部门职能概述' } },
        { messageId: 'blank', cells: [toA1(at.form.texts.tasks!.value)], data: { part: '年度工作任务' } },
        { messageId: 'blank', cells: [firstSlot(at)], data: { part: '项目支出情况' } },
        { messageId: 'blank', cells: [toA1(at.form.texts.longTermGoal!.value)], data: { part: '整体绩效总目标' } },
        { messageId: 'blank', cells: [firstIndicator(at, 'longTerm')], data: { part: '长期绩效指标' } },
        { messageId: 'blank', cells: [firstIndicator(at, 'annual')], data: { part: '年度绩效指标' } },
      ],
    },
  ],
});
