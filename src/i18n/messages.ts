/** Issue messages in zh-CN and en-US, from the rules' own message tables. */
import { RULES_BY_ID } from '../rules/index';
import { ENGINE_FAULT_RULE } from '../rules/run';
import { formatTemplate, type Issue, type Locale, type Section } from '../rules/rule';

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
export function ruleTitle(rule: string, locale: Locale = 'zh-CN'): string {
  if (rule === ENGINE_FAULT_RULE) return locale === 'zh-CN' ? '检查规则运行出错' : 'A check failed to run';
  return RULES_BY_ID.get(rule)?.meta.description[locale] ?? rule;
}

/** One line of a cell note, in one language: the severity in words, then the message. */
export function noteLine(issue: Issue, locale: Locale = 'zh-CN'): string {
  const severity = SEVERITY_NAMES[issue.severity][locale];
  return locale === 'zh-CN' ? `【${severity}】${issueMessage(issue, locale)}` : `[${severity}] ${issueMessage(issue, locale)}`;
}
