/** Issue messages in zh-CN and en-US, from the rules' own message tables. */
import { RULES_BY_ID } from '../rules/index';
import { ENGINE_FAULT_RULE } from '../rules/run';
import { formatTemplate, type Issue, type Locale, type Section } from '../rules/rule';
import type { UnavailableReason } from '../fills/fill';
import type { ImportWarning } from '../fills/import-last-year';

export function issueMessage(issue: Issue, locale: Locale = 'zh-CN'): string {
  if (issue.rule === ENGINE_FAULT_RULE) {
    return locale === 'zh-CN' ? `规则 ${issue.data.rule} 运行出错：${issue.data.message}` : `Rule ${issue.data.rule} failed: ${issue.data.message}`;
  }
  const template = RULES_BY_ID.get(issue.rule)?.meta.messages[issue.messageId]?.[locale];
  return template ? formatTemplate(template, issue.data) : `${issue.rule}:${issue.messageId}`;
}

export const SECTION_NAMES: Record<Section, Record<Locale, string>> = {
  header: { 'zh-CN': '表头', 'en-US': 'Header' },
  funding: { 'zh-CN': '部门总体资金情况', 'en-US': 'Overall funding' },
  projects: { 'zh-CN': '项目支出情况', 'en-US': 'Project expenditure' },
  goals: { 'zh-CN': '整体绩效总目标', 'en-US': 'Overall goals' },
  longTerm: { 'zh-CN': '长期绩效指标', 'en-US': 'Long-term indicators' },
  annual: { 'zh-CN': '年度绩效指标', 'en-US': 'Annual indicators' },
  sheet: { 'zh-CN': '数据规范', 'en-US': 'Data hygiene' },
};

export const SEVERITY_NAMES: Record<'error' | 'warning', Record<Locale, string>> = {
  error: { 'zh-CN': '错误（强制）', 'en-US': 'Error' },
  warning: { 'zh-CN': '提示', 'en-US': 'Warning' },
};

/**
 * What a rule checks, in words (its description), for reviewers who read the 检查结果 sheet or a note: the
 * rule id (funding-total) is for scripts and docs/rules.md, not for people.
 */
const UNAVAILABLE_FILLS: Record<UnavailableReason, Record<Locale, string>> = {
  'no-share-column': { 'zh-CN': '未找到“占比”列', 'en-US': 'the form has no 占比 (share) column' },
  'no-change-columns': { 'zh-CN': '表中没有增减变动率列（插入模板可获得这些列）', 'en-US': 'the sheet has no change-rate columns (the template has them)' },
};

/** Why a fill could not run, in one language. */
export function unavailableFillText(reason: UnavailableReason, locale: Locale = 'zh-CN'): string {
  return UNAVAILABLE_FILLS[reason][locale];
}

/** An import's warning, in one language. */
export function importWarningText(w: ImportWarning, locale: Locale = 'zh-CN'): string {
  if (w.code === 'by-position') {
    return locale === 'zh-CN' ? '表中没有年份，按列的位置导入，请核对' : 'The forms carry no years: columns were matched by position; please check';
  }
  return locale === 'zh-CN'
    ? `上年申报表是 ${w.last} 年的，本表是 ${w.this} 年的：本表 ${w.missing.map((y) => `${y}年`).join('、')} 的数据在该表中没有，未导入任何内容；请选择 ${w.need} 年的申报表`
    : `Last year’s form is for ${w.last}, this one for ${w.this}: it holds no figures for ${w.missing.join(', ')}; nothing was imported; pick the ${w.need} form`;
}

export function ruleTitle(rule: string, locale: Locale = 'zh-CN'): string {
  if (rule === ENGINE_FAULT_RULE) return locale === 'zh-CN' ? '检查规则运行出错' : 'A check failed to run';
  return RULES_BY_ID.get(rule)?.meta.description[locale] ?? rule;
}

/** One line of a cell note, in one language: the severity in words, then the message. */
export function noteLine(issue: Issue, locale: Locale = 'zh-CN'): string {
  const severity = SEVERITY_NAMES[issue.severity][locale];
  return locale === 'zh-CN' ? `【${severity}】${issueMessage(issue, locale)}` : `[${severity}] ${issueMessage(issue, locale)}`;
}
