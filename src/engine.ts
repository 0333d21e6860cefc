/**
 * The one door every shell uses (task pane, ribbon commands, command line): check a grid, fill a grid,
 * build the template. Pure: grids in, issues and patches out.
 */
import type { Grid } from './grid/types';
import type { Issue, Locale } from './rules/rule';
import { emptyPatch, type Patch } from './patch';
import type { TemplateDoc } from './form/template-doc';
import { locate } from './locate/locate';
import { FormContext } from './read/context';
import { runRules } from './rules/run';
import { issueMessage as formatIssue } from './i18n/messages';
import type { FormMap } from './locate/form-map';
import { blankForm, buildTemplateDoc, defaultFormYear } from './form/template';
import { SAMPLE_FORM } from './form/sample';

import { FILL_KINDS, runFills, type FillKind } from './fills/fill';
import type { TailRule } from './read/shares';
export type { FillKind };

export interface CheckOptions {
  locale?: Locale;
}

export interface CheckResult {
  sheetName: string;
  /** False when no form was found on the sheet; `lookedFor` then lists the labels searched for. */
  found: boolean;
  lookedFor: string[];
  issues: Issue[];
  form?: FormMap;
}

export interface FillOptions {
  only?: FillKind[];
  /** Replace cells the user typed and formulas too. Off by default: a fill never loses user input. */
  overwrite?: boolean;
  /** Write computed values (default) or live Excel formulas. */
  mode?: 'values' | 'formulas';
  /** Where the rounding tail of the shares goes: the largest item (default) or nowhere. */
  tailRule?: TailRule;
}

export interface FillResult {
  found: boolean;
  lookedFor: string[];
  patch: Patch;
  unavailable: { kind: FillKind; reason: string }[];
}

export function check(grid: Grid, _options: CheckOptions = {}): CheckResult {
  const { form, lookedFor } = locate(grid);
  if (!form) return { sheetName: grid.sheetName, found: false, lookedFor, issues: [] };
  const issues = runRules(new FormContext(grid, form));
  return { sheetName: grid.sheetName, found: true, lookedFor, issues, form };
}

export function fill(grid: Grid, options: FillOptions = {}): FillResult {
  const { form, lookedFor } = locate(grid);
  if (!form) return { found: false, lookedFor, patch: emptyPatch(grid.sheetName), unavailable: [] };
  const outcome = runFills(grid, form, {
    only: options.only ?? FILL_KINDS,
    overwrite: options.overwrite ?? false,
    mode: options.mode ?? 'values',
    tailRule: options.tailRule ?? 'largest',
  });
  return { found: true, lookedFor, ...outcome };
}

export function issueMessage(issue: Issue, locale: Locale = 'zh-CN'): string {
  return formatIssue(issue, locale);
}

/** The blank template for a budget year (default: the year a form made today is for), or the filed example. */
export function buildTemplate(options: { sample?: boolean; year?: number } = {}): TemplateDoc {
  return buildTemplateDoc(options.sample ? SAMPLE_FORM : blankForm(options.year ?? defaultFormYear()));
}
