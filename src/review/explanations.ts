/**
 * 审核说明: warnings that may stand with a written explanation (提示性 + 说明), as fiscal reporting systems
 * have them. Errors (强制性) cannot be explained away. Explanations are kept inside the workbook (a very
 * hidden sheet, see xlsx/explanation-store and excel/), keyed by the issue's meaning.
 */
import type { Issue } from '../rules/rule';

export interface Explanation {
  key: string;
  rule: string;
  /** The cells at the time of writing, for people reading the stored sheet. */
  cells: string;
  text: string;
  /** ISO time of the last edit. */
  at: string;
}

export type IssueStatus = 'error' | 'open' | 'explained';

export function statusOf(issue: Issue): IssueStatus {
  if (issue.severity === 'error') return 'error';
  return issue.explanation ? 'explained' : 'open';
}

/** Attaches stored explanations to the warnings they belong to. Explanations of vanished issues are kept aside. */
export function attachExplanations(issues: Issue[], explanations: readonly Explanation[]): { issues: Issue[]; orphans: Explanation[] } {
  const byKey = new Map(explanations.filter((e) => e.text.trim() !== '').map((e) => [e.key, e]));
  const used = new Set<string>();
  const out = issues.map((i) => {
    const e = i.key ? byKey.get(i.key) : undefined;
    if (!e || i.severity === 'error') return i;
    used.add(e.key);
    return { ...i, explanation: e.text };
  });
  return { issues: out, orphans: [...byKey.values()].filter((e) => !used.has(e.key)) };
}

export interface ReviewCounts {
  errors: number;
  openWarnings: number;
  explainedWarnings: number;
}

export function countStatuses(issues: Issue[]): ReviewCounts {
  const c: ReviewCounts = { errors: 0, openWarnings: 0, explainedWarnings: 0 };
  for (const i of issues) {
    const s = statusOf(i);
    if (s === 'error') c.errors++;
    else if (s === 'open') c.openWarnings++;
    else c.explainedWarnings++;
  }
  return c;
}

/** Records (or clears, with empty text) the explanation of a warning; refuses errors. */
export function explain(explanations: readonly Explanation[], issue: Issue, text: string, cells: string, now = new Date()): Explanation[] {
  if (issue.severity === 'error') throw new Error('错误（强制性）不能通过说明放行 (an error cannot be explained away)');
  if (!issue.key) throw new Error('issue has no key');
  const rest = explanations.filter((e) => e.key !== issue.key);
  return text.trim() === '' ? rest : [...rest, { key: issue.key, rule: issue.rule, cells, text: text.trim(), at: now.toISOString() }];
}
