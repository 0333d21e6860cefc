/**
 * 导入上年申报表: fill this year's prior-year columns from last year's form. Rows are matched by their
 * labels — funding rows by item, indicators by 一级/二级/三级 (then by a 三级 name unique in both forms) —
 * never by position; whatever cannot be matched is listed, not guessed. Cells the user already typed
 * are kept unless asked to overwrite.
 */
import { normalizeLabel } from '../form/labels';
import { toA1, type CellRef } from '../grid/address';
import type { Grid } from '../grid/types';
import type { FormMap, FundingRow, IndicatorRowMap } from '../locate/form-map';
import type { CellWrite, Patch, SkippedWrite } from '../patch';
import { FormContext } from '../read/context';
import { fillNote } from './notes';
import type { Locale } from '../rules/rule';
import { budgetYear, yearsOf } from './years';

/** What the user should know about an import; said in words by i18n/messages importWarningText. */
export type ImportWarning =
  /** Last year's form does not hold this form's prior years: nothing was imported, pick the `need` form. */
  | { code: 'years-missing'; last: number; this: number; missing: number[]; need: number }
  /** Neither form carries years: columns were matched by position. */
  | { code: 'by-position' };

export interface ImportResult {
  patch: Patch;
  /** The budget years of last year's form and of this one (from 填报日期, else from the year headers). */
  years: { last: number | null; this: number | null };
  /**
   * This form's prior years that last year's form does not hold (e.g. 2026 and 2025 when a 2024 form is
   * imported into a 2027 one). When any is missing nothing is written: the wrong file was picked.
   */
  missingYears: number[];
  matched: { kind: 'funding' | 'indicator' | 'project'; label: string; from: number; to: number }[];
  /** Rows of this year's form with no counterpart last year, and last year's rows not found this year. */
  unmatched: { kind: 'funding' | 'indicator' | 'project'; side: 'this' | 'last'; label: string; row: number }[];
  warnings: ImportWarning[];
}

function fundingKey(g: string, r: FundingRow, isTotal: boolean): string {
  return `${g}|${isTotal ? '合计' : (r.key ?? normalizeLabel(r.label))}`;
}

export function importLastYear(last: { grid: Grid; form: FormMap }, current: { grid: Grid; form: FormMap }, overwrite = false, locale: Locale = 'zh-CN'): ImportResult {
  const lastCtx = new FormContext(last.grid, last.form);
  const thisCtx = new FormContext(current.grid, current.form);
  const writes: CellWrite[] = [];
  const skipped: SkippedWrite[] = [];
  const ly = budgetYear(lastCtx);
  const ty = budgetYear(thisCtx);
  const result: ImportResult = { patch: { sheetName: current.grid.sheetName, writes, skipped }, years: { last: ly, this: ty }, missingYears: [], matched: [], unmatched: [], warnings: [] };
  const plan = planColumns(last.form, current.form, ly, ty);
  result.missingYears = plan.missing;
  if (plan.missing.length > 0) {
    const need = ty! - 1;
    result.warnings.push({ code: 'years-missing', last: ly!, this: ty!, missing: plan.missing, need });
    return result;
  }
  if (plan.byPosition) result.warnings.push({ code: 'by-position' });

  const put = (from: CellRef, to: CellRef, note?: string) => {
    const src = lastCtx.cell(from);
    const dst = thisCtx.cell(to);
    const value = src?.value ?? null;
    const address = toA1(to);
    if (value === null) return;
    if (!dst?.formula && dst?.value === value) return;
    if (!thisCtx.isEmpty(to) && !overwrite) {
      skipped.push({ address, reason: 'import', because: dst?.formula ? 'formula' : 'user-value', wanted: value, found: dst?.value ?? null, formula: dst?.formula });
      return;
    }
    writes.push({ address, value, numberFormat: src?.numberFormat, reason: 'import', note });
  };

  // Funding: this year's newer prior ← last year's current; older prior ← last year's newer prior.
  const lf = last.form.funding;
  const tf = current.form.funding;
  if (lf && tf) {
    const lastRows = new Map<string, FundingRow>();
    for (const g of lf.groups) {
      for (const it of g.items) lastRows.set(fundingKey(g.key, it, false), it);
      if (g.total) lastRows.set(fundingKey(g.key, g.total, true), g.total);
    }
    const used = new Set<string>();
    for (const g of tf.groups) {
      for (const [row, isTotal] of [...g.items.map((i) => [i, false] as const), ...(g.total ? [[g.total, true] as const] : [])]) {
        const key = fundingKey(g.key, row, isTotal);
        const from = lastRows.get(key);
        if (!from) {
          result.unmatched.push({ kind: 'funding', side: 'this', label: row.label, row: row.row });
          continue;
        }
        used.add(key);
        result.matched.push({ kind: 'funding', label: row.label.replace(/\s+/g, ''), from: from.row, to: row.row });
        for (const m of plan.funding) put({ row: from.row, col: m.from }, { row: row.row, col: m.to });
      }
    }
    for (const [key, r] of lastRows) if (!used.has(key)) result.unmatched.push({ kind: 'funding', side: 'last', label: r.label, row: r.row });
  }

  // Annual indicators: newer prior ← last year's target (carried over, to confirm); older prior ← last year's newer prior.
  const la = last.form.annual;
  const ta = current.form.annual;
  if (la && ta && ta.cols.value !== null && la.cols.value !== null) {
    const full = (r: IndicatorRowMap) => `${r.level1}|${r.level2}|${r.level3}`;
    const byFull = new Map(la.rows.map((r) => [full(r), r]));
    const count = (rows: IndicatorRowMap[], name: string) => rows.filter((r) => r.level3 === name).length;
    const used = new Set<number>();
    for (const row of ta.rows) {
      let from = byFull.get(full(row));
      // A 三级 name that occurs once in each form is the same indicator, even if its 一级/二级 were renamed.
      if (!from && row.level3 && count(ta.rows, row.level3) === 1 && count(la.rows, row.level3) === 1) from = la.rows.find((r) => r.level3 === row.level3);
      if (!from || used.has(from.row)) {
        result.unmatched.push({ kind: 'indicator', side: 'this', label: `${row.level1}/${row.level2}/${row.level3}`, row: row.row });
        continue;
      }
      used.add(from.row);
      result.matched.push({ kind: 'indicator', label: row.level3, from: from.row, to: row.row });
      for (const m of plan.annual) put({ row: from.row, col: m.from }, { row: row.row, col: m.to }, m.from === la.cols.value ? fillNote('carried-over', locale) : undefined);
    }
    for (const r of la.rows) if (!used.has(r.row)) result.unmatched.push({ kind: 'indicator', side: 'last', label: `${r.level1}/${r.level2}/${r.level3}`, row: r.row });
  }

  // Projects carry no prior-year columns; matching them by name tells which are new and which ended.
  const lp = last.form.projects;
  const tp = current.form.projects;
  if (lp && tp) {
    const nameOf = (ctx: FormContext, row: number, col: number) => {
      const p = ctx.parsed({ row, col });
      return p.kind === 'text' ? normalizeLabel(p.text) : '';
    };
    const lastNames = new Map(lp.rows.map((row) => [nameOf(lastCtx, row, lp.cols.name), row]));
    const seen = new Set<string>();
    for (const row of tp.rows) {
      const name = nameOf(thisCtx, row, tp.cols.name);
      const from = lastNames.get(name);
      if (name && from !== undefined) {
        seen.add(name);
        result.matched.push({ kind: 'project', label: name, from, to: row });
      } else if (name) result.unmatched.push({ kind: 'project', side: 'this', label: name, row });
    }
    for (const [name, row] of lastNames) if (name && !seen.has(name)) result.unmatched.push({ kind: 'project', side: 'last', label: name, row });
  }
  return result;
}

interface ColumnPlan {
  /** Column pairs: last year's column → this form's prior-year column holding the same year. */
  funding: { from: number; to: number }[];
  annual: { from: number; to: number }[];
  /** This form's prior years that last year's form does not hold. */
  missing: number[];
  /** True when a form carries no years and columns were paired by position. */
  byPosition: boolean;
}

/**
 * Pairs columns by the year they hold. Last year's form holds its own year in 当年金额 (funding) and
 * 预期当年实现值 (annual indicators), and earlier years in its prior-year columns.
 */
function planColumns(last: FormMap, current: FormMap, ly: number | null, ty: number | null): ColumnPlan {
  const plan: ColumnPlan = { funding: [], annual: [], missing: [], byPosition: ly === null || ty === null };
  const pair = (out: { from: number; to: number }[], mine: { col: number; year: number | null }[], theirs: { col: number; year: number | null }[]) => {
    mine.forEach((m, i) => {
      const from = plan.byPosition ? theirs[i] : theirs.find((t) => t.year !== null && t.year === m.year);
      if (from) out.push({ from: from.col, to: m.col });
      else if (!plan.byPosition && m.year !== null && !plan.missing.includes(m.year)) plan.missing.push(m.year);
    });
  };
  if (last.funding && current.funding) {
    pair(plan.funding, yearsOf(current.funding.priorCols, ty), [{ col: last.funding.currentCol, year: ly }, ...yearsOf(last.funding.priorCols, ly)]);
  }
  if (last.annual && current.annual && last.annual.cols.value !== null) {
    pair(plan.annual, yearsOf(current.annual.priorCols, ty), [{ col: last.annual.cols.value, year: ly }, ...yearsOf(last.annual.priorCols, ly)]);
  }
  plan.missing.sort((a, b) => b - a);
  return plan;
}
