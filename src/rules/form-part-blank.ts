/**
 * A part of the form left entirely blank is reported once, saying what is still to fill — a blank template
 * reads as a short to-do list, not as dozens of 未填 findings (the other rules' findings inside a blank part
 * are left out, see run.ts).
 */
import { defineRule } from './rule';
import { formParts, type FormPart } from '../read/parts';

const TODO: Record<FormPart, { part: string; todo: string; partEn: string; todoEn: string }> = {
  header: { part: '表头', todo: '填报日期、部门（单位）名称、填报人、联系电话', partEn: 'The header', todoEn: 'filing date, department, person filing, phone' },
  funding: { part: '部门总体资金情况', todo: '收入和支出各项的当年金额及近两年金额', partEn: 'The funding table', todoEn: 'this year’s and the two prior years’ amounts of every income and expenditure item' },
  functions: { part: '部门职能概述', todo: '部门的主要职能', partEn: 'The functions overview', todoEn: 'the department’s main functions' },
  tasks: { part: '年度工作任务', todo: '本年度的主要工作任务', partEn: 'The annual tasks', todoEn: 'this year’s main tasks' },
  projects: { part: '项目支出情况', todo: '每个项目的名称、类别、总预算、本年度预算和主要用途', partEn: 'The project table', todoEn: 'each project’s name, category, total and current budget, and purpose' },
  goals: { part: '整体绩效总目标', todo: '长期目标和年度目标', partEn: 'The overall goals', todoEn: 'the long-term and the annual goals' },
  longTerm: { part: '长期绩效指标', todo: '各二级指标下的三级指标、指标值、指标值确定依据和指标分类', partEn: 'The long-term indicator table', todoEn: 'third-level indicators with value, basis and category under each second-level one' },
  annual: { part: '年度绩效指标', todo: '各二级指标下的三级指标、近两年指标值、预期当年实现值、指标值确定依据和指标分类', partEn: 'The annual indicator table', todoEn: 'third-level indicators with the two prior years’ values, the target, basis and category under each second-level one' },
};

export default defineRule({
  meta: {
    id: 'form-part-blank',
    severity: 'error',
    section: 'header',
    description: { 'zh-CN': '表单各部分均已填写（整个部分空白时只报一次，列出待填内容）', 'en-US': 'Every part of the form is filled in (a blank part is reported once, with what to fill)' },
    messages: {
      blank: { 'zh-CN': '{part}尚未填写：请填写{todo}', 'en-US': '{partEn} is still blank: fill in {todoEn}' },
    },
  },
  check(ctx, report) {
    for (const p of formParts(ctx)) {
      if (p.blank) report({ messageId: 'blank', cells: [p.first], data: TODO[p.part] });
    }
  },
});
