/**
 * The one door every shell uses (task pane, ribbon commands, command line): check a grid, fill a grid,
 * build the template. Pure: grids in, issues and patches out.
 * (Placeholder bodies; the stages behind them land next.)
 */
import type { Grid } from './grid/types';
import type { Issue, Locale } from './rules/rule';
import { emptyPatch, type Patch } from './patch';
import type { TemplateDoc } from './form/template-doc';

export type FillKind = 'shares' | 'totals' | 'changes';

export interface CheckOptions {
  locale?: Locale;
}

export interface CheckResult {
  sheetName: string;
  /** False when no form was found on the sheet; `lookedFor` then lists the labels searched for. */
  found: boolean;
  lookedFor: string[];
  issues: Issue[];
}

export interface FillOptions {
  only?: FillKind[];
  /** Replace cells the user typed and formulas too. Off by default: a fill never loses user input. */
  overwrite?: boolean;
  /** Write computed values (default) or live Excel formulas. */
  mode?: 'values' | 'formulas';
}

export interface FillResult {
  found: boolean;
  lookedFor: string[];
  patch: Patch;
}

export function check(grid: Grid, _options: CheckOptions = {}): CheckResult {
  return { sheetName: grid.sheetName, found: false, lookedFor: [], issues: [] };
}

export function fill(grid: Grid, _options: FillOptions = {}): FillResult {
  return { found: false, lookedFor: [], patch: emptyPatch(grid.sheetName) };
}

export function issueMessage(issue: Issue, _locale: Locale = 'zh-CN'): string {
  return issue.messageId;
}

export function buildTemplate(_options: { sample?: boolean } = {}): TemplateDoc {
  throw new Error('not yet');
}
