/**
 * The one door every shell uses (task pane, ribbon commands, command line): check a grid, fill a grid,
 * build the template. Pure: grids in, issues and patches out.
 */
import type { Grid } from './grid/types';
import type { Issue, Locale } from './rules/rule';
import { applyPatch, emptyPatch, mergePatches, type Patch } from './patch';
import { rollForward } from './fills/roll';
import { importLastYear, type ImportResult } from './fills/import-last-year';
import type { TemplateDoc } from './form/template-doc';
import { locate } from './locate/locate';
import Decimal from 'decimal.js';
import { DEFAULT_SETTINGS, FormContext } from './read/context';
import { runRules } from './rules/run';
import { issueKey } from './review/issue-key';
import { attachExplanations, type Explanation } from './review/explanations';
import { issueMessage as formatIssue } from './i18n/messages';
import type { FormMap } from './locate/form-map';
import { blankForm, buildTemplateDoc, defaultFormYear } from './form/template';
import { SAMPLE_FORM } from './form/sample';

import { FILL_KINDS, runFills, type FillKind, type UnavailableReason } from './fills/fill';
import { coverageOf, type Coverage } from './read/coverage';
import { formDataOf } from './read/form-data-of';
import { computeMissingResults } from './grid/formulas';
import { splitForms, topLeft } from './locate/forms';
import type { CellRef } from './grid/address';
import { cellKey } from './grid/address';
import type { TailRule } from './read/shares';
import type { FillScope } from './fills/fill-context';
import { computedCellsOf, editScopeOf, type ComputedCell } from './fills/auto-calc';
import type { CellValue } from './grid/types';
export type { FillKind, FillScope, ComputedCell };

export interface CheckOptions {
  locale?: Locale;
  /** Change against the year before, as a ratio, beyond which a warning asks for an explanation (default 0.3). */
  changeThreshold?: number;
  /** Stored 审核说明, attached to the warnings they explain. */
  explanations?: readonly Explanation[];
}

export interface CheckResult {
  sheetName: string;
  /** False when no form was found on the sheet; `lookedFor` then lists the labels searched for. */
  found: boolean;
  lookedFor: string[];
  issues: Issue[];
  form?: FormMap;
  /** Which parts of the form were found and read, and which were not. */
  coverage: Coverage;
  /** The form's top-left cell on its sheet (its first row with content, leftmost column used). */
  origin: CellRef | null;
}

export interface FillOptions {
  only?: FillKind[];
  /** Replace cells the user typed and formulas too. Off by default: a fill never loses user input. */
  overwrite?: boolean;
  /** Write computed values (default) or live Excel formulas. */
  mode?: 'values' | 'formulas';
  /** Where the rounding tail of the shares goes: the largest item (default) or nowhere. */
  tailRule?: TailRule;
  /**
   * Cells an earlier fill wrote (A1 → the value written). Those that still hold that value are the add-in's
   * to recompute; every other non-empty cell is the user's and is left alone (and listed) unless `overwrite`.
   */
  owned?: ReadonlyMap<string, CellValue>;
  /** Recompute only these funding groups and amount columns (what an edit touched). */
  scope?: readonly FillScope[];
  /** The language of the notes the fill leaves (default zh-CN). */
  locale?: Locale;
}

export interface FillResult {
  found: boolean;
  lookedFor: string[];
  patch: Patch;
  unavailable: { kind: FillKind; reason: UnavailableReason }[];
}

/** Checks the (first) form on a grid. */
export function check(grid: Grid, options: CheckOptions = {}): CheckResult {
  return checkSheet(grid, options)[0];
}

/** Checks every form on one sheet (forms one under another are told apart by their titles). */
export function checkSheet(grid: Grid, options: CheckOptions = {}): CheckResult[] {
  const formulas = computeMissingResults(grid);
  const bands = splitForms(formulas.grid);
  const results = bands.map((band) => checkBand(band, options, formulas.computed.length, formulas.uncomputed));
  const found = results.filter((r) => r.found);
  return found.length > 0 ? found : [results[0]];
}

/**
 * Checks every form in a workbook: each sheet is searched (a cover sheet before the form is passed over),
 * each form found is checked. When no sheet holds a form, the first sheet's not-found result stands.
 */
export function checkWorkbook(grids: readonly Grid[], options: CheckOptions = {}): CheckResult[] {
  const all = grids.flatMap((g) => checkSheet(g, options));
  const found = all.filter((r) => r.found);
  return found.length > 0 ? found : all.slice(0, 1);
}

function checkBand(grid: Grid, options: CheckOptions, computedFormulas: number, uncomputed: CellRef[]): CheckResult {
  const { form, lookedFor } = locate(grid);
  if (!form) return { sheetName: grid.sheetName, found: false, lookedFor, issues: [], coverage: coverageOf(null, computedFormulas), origin: null };
  const settings = { ...DEFAULT_SETTINGS, ...(options.changeThreshold !== undefined ? { changeThreshold: new Decimal(String(options.changeThreshold)) } : {}) };
  const ctx = new FormContext(grid, form, settings, { uncomputed });
  // A formula we could not compute is reported once (formula-no-result), never as an empty cell.
  const blind = new Set(uncomputed.map(cellKey));
  const raw = runRules(ctx).filter((i) => i.rule === 'formula-no-result' || i.cells.length === 0 || !i.cells.every((c) => blind.has(cellKey(c))));
  const keyed = raw.map((i) => ({ ...i, key: issueKey(ctx, i) }));
  const { issues } = attachExplanations(keyed, options.explanations ?? []);
  return { sheetName: grid.sheetName, found: true, lookedFor, issues, form, coverage: coverageOf(form, computedFormulas), origin: topLeft(grid) };
}

export function fill(grid: Grid, options: FillOptions = {}): FillResult {
  // Each form on the sheet gets its own fills; formulas without a result are computed first so the
  // fills read the sums the sheet shows in Excel.
  const bands = splitForms(computeMissingResults(grid).grid);
  const results: FillResult[] = [];
  let lookedFor: string[] = [];
  for (const band of bands) {
    const located = locate(band);
    lookedFor = located.lookedFor;
    if (!located.form) continue;
    const outcome = runFills(band, located.form, {
      only: options.only ?? FILL_KINDS,
      overwrite: options.overwrite ?? false,
      mode: options.mode ?? 'values',
      tailRule: options.tailRule ?? 'largest',
      owned: options.owned,
      scope: options.scope,
      locale: options.locale,
    });
    results.push({ found: true, lookedFor, ...outcome });
  }
  if (results.length === 0) return { found: false, lookedFor, patch: emptyPatch(grid.sheetName), unavailable: [] };
  if (results.length === 1) return results[0];
  return { found: true, lookedFor, patch: mergePatches(grid.sheetName, results.map((r) => r.patch)), unavailable: results.flatMap((r) => r.unavailable) };
}

/** The form on this grid, if any (for callers that ask several things of one sheet). */
export function locateForm(grid: Grid): FormMap | null {
  return locate(grid).form;
}

/** The 合计 and 占比 cells of a located form (for 自动计算 to tell the user's from its own). */
export function computedCells(form: FormMap | null): ComputedCell[] {
  return form ? computedCellsOf(form) : [];
}

/** The funding groups and amount columns an edit of `address` touched on a located form (null: all of them). */
export function editScope(form: FormMap | null, address: string): FillScope[] | null {
  return form ? editScopeOf(form, address) : [];
}

export function issueMessage(issue: Issue, locale: Locale = 'zh-CN'): string {
  return formatIssue(issue, locale);
}

/** The blank template for a budget year (default: the year a form made today is for), or the filed example. */
export function buildTemplate(options: { sample?: boolean; year?: number } = {}): TemplateDoc {
  return buildTemplateDoc(options.sample ? SAMPLE_FORM : blankForm(options.year ?? defaultFormYear()));
}

export interface ImportedForm {
  /** Our template filled with the form's content. */
  doc: TemplateDoc;
  /** Where the form was found (a Word document's table, a sheet). */
  sheetName: string;
  /** Rows the current template has no place for (items of an older version), listed for the user. */
  leftOut: string[];
}

/**
 * 从 Word 导入: the first form found in the grids (a Word document's tables, or any sheets) turned into our
 * template filled with its content, to check and fill in Excel. Null when no grid holds a form.
 */
export function templateFromForm(grids: readonly Grid[]): ImportedForm | null {
  for (const grid of grids) {
    const g = computeMissingResults(grid).grid;
    const { form } = locate(splitForms(g)[0]);
    if (!form) continue;
    const { data, leftOut } = formDataOf(g, form);
    return { doc: buildTemplateDoc(data), sheetName: grid.sheetName, leftOut };
  }
  return null;
}

export interface RollOutcome {
  found: boolean;
  lookedFor: string[];
  patch: Patch;
  fromYear: number | null;
  toYear: number | null;
  /** The filing date the roll cleared, as it read; null when there was none. */
  clearedDate: string | null;
}

/** 开始新年度: the patch that rolls the form on this grid into the next budget year. */
export function roll(grid: Grid, options: { locale?: Locale } = {}): RollOutcome {
  const { form, lookedFor } = locate(grid);
  if (!form) return { found: false, lookedFor, patch: emptyPatch(grid.sheetName), fromYear: null, toYear: null, clearedDate: null };
  return { found: true, lookedFor, ...rollForward(grid, form, options.locale) };
}

export interface ImportOutcome extends Partial<ImportResult> {
  found: { last: boolean; current: boolean };
  lookedFor: string[];
  patch: Patch;
}

/** 导入上年申报表: the patch that fills this year's prior-year columns from last year's form, then the change rates. */
export function importFromLastYear(lastGrid: Grid, currentGrid: Grid, options: { overwrite?: boolean; locale?: Locale } = {}): ImportOutcome {
  const last = locate(lastGrid);
  const current = locate(currentGrid);
  const found = { last: !!last.form, current: !!current.form };
  if (!last.form || !current.form) return { found, lookedFor: current.lookedFor, patch: emptyPatch(currentGrid.sheetName) };
  const result = importLastYear({ grid: lastGrid, form: last.form }, { grid: currentGrid, form: current.form }, options.overwrite ?? false, options.locale);
  // Years that do not fit: nothing is written, not even change rates; the warning says which file to pick.
  if (result.missingYears.length > 0) return { ...result, found, lookedFor: current.lookedFor };
  const after = applyPatch(currentGrid, result.patch);
  const changes = runFills(after, current.form, { only: ['changes'], overwrite: false, mode: 'values', tailRule: 'largest', locale: options.locale });
  const patch = mergePatches(currentGrid.sheetName, [result.patch, changes.patch]);
  return { ...result, found, lookedFor: current.lookedFor, patch };
}
