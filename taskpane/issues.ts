/** The issue list's shape, without React: issues grouped by section in the form's order, with counts. */
import { toA1 } from '../src/grid/address';
import { countStatuses, statusOf, type IssueStatus, type ReviewCounts } from '../src/review/explanations';
import type { Issue, Section } from '../src/rules/rule';

/** The order of the sections on the paper form; the sheet-wide hygiene checks last. */
export const SECTION_ORDER: readonly Section[] = ['header', 'funding', 'projects', 'goals', 'longTerm', 'annual', 'sheet'];

export interface IssueGroup {
  section: Section;
  issues: Issue[];
  counts: ReviewCounts;
}

const RANK: Record<IssueStatus, number> = { error: 0, open: 1, explained: 2 };

/** Groups in form order; inside a group errors first, then open warnings, then explained ones; else as reported. */
export function groupIssues(issues: readonly Issue[]): IssueGroup[] {
  const by = new Map<Section, Issue[]>();
  for (const i of issues) {
    const list = by.get(i.section) ?? [];
    list.push(i);
    by.set(i.section, list);
  }
  const known = SECTION_ORDER.filter((s) => by.has(s));
  const other = [...by.keys()].filter((s) => !SECTION_ORDER.includes(s));
  return [...known, ...other].map((section) => {
    const list = by
      .get(section)!
      .map((issue, n) => ({ issue, n }))
      .sort((a, b) => RANK[statusOf(a.issue)] - RANK[statusOf(b.issue)] || a.n - b.n)
      .map((x) => x.issue);
    return { section, issues: list, counts: countStatuses(list) };
  });
}

export function cellsText(issue: Pick<Issue, 'cells'>): string {
  return issue.cells
    .filter((c) => c.row >= 0 && c.col >= 0)
    .map(toA1)
    .join(', ');
}

/** A stable React key and DOM id part for an issue. */
export function issueId(issue: Issue, index: number): string {
  const base = issue.key ?? `${issue.rule}|${issue.messageId}|${cellsText(issue)}`;
  let h = 0;
  for (let i = 0; i < base.length; i++) h = (Math.imul(h, 31) + base.charCodeAt(i)) | 0;
  return `i${(h >>> 0).toString(36)}-${index}`;
}
