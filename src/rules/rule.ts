/**
 * The shape of a check, modelled on ESLint rules: metadata (id, severity, messages in zh-CN and en-US)
 * beside a `check` function that walks the located form and reports issues.
 */
import type { CellRef } from '../grid/address';
import type { CellValue } from '../grid/types';
import type { FormContext } from '../read/context';

export type Severity = 'error' | 'warning';
export type Locale = 'zh-CN' | 'en-US';

/** Sections of the form, used to group issues in the task pane and reports. */
export type Section = 'header' | 'funding' | 'projects' | 'goals' | 'longTerm' | 'annual' | 'sheet';

export interface MessageTemplate {
  'zh-CN': string;
  'en-US': string;
}

export interface RuleMeta {
  id: string;
  severity: Severity;
  section: Section;
  description: MessageTemplate;
  /** Message templates by message id; `{name}` placeholders are filled from the report's data. */
  messages: Record<string, MessageTemplate>;
  fixable?: boolean;
}

/** A suggested cell value that would resolve the issue. */
export interface CellFix {
  cell: CellRef;
  value: CellValue;
  numberFormat?: string;
}

export interface Report {
  messageId: string;
  cells: CellRef[];
  data?: Record<string, string | number>;
  /** The value the blamed cell should hold, as text for people (e.g. "7969.25"). */
  expected?: string;
  fix?: CellFix[];
}

export interface Issue {
  rule: string;
  severity: Severity;
  section: Section;
  messageId: string;
  cells: CellRef[];
  data: Record<string, string | number>;
  expected?: string;
  fix?: CellFix[];
  /** What the issue is about, independent of where it sits: rule + the meaning of its cells (see review/issue-key). */
  key?: string;
  /** A user's 审核说明 for a warning; errors cannot be explained away. */
  explanation?: string;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: FormContext, report: (r: Report) => void): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

export function formatTemplate(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (k in data ? String(data[k]) : `{${k}}`));
}
