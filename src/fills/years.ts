/**
 * Which year each column of a form holds. Roll-over and import move figures between years, so they match
 * columns by year, never by position: a 2024 form's figures must not land under 2026年 in a 2027 form.
 */
import type { YearColumn } from '../locate/form-map';
import type { FormContext } from '../read/context';

/**
 * The budget year a form is for: from 填报日期 (see FormContext.formYear), else one after the newest year
 * header of its prior-year columns (a blank template or a rolled form has headers but no date).
 */
export function budgetYear(ctx: FormContext): number | null {
  const fromDate = ctx.formYear();
  if (fromDate !== null) return fromDate;
  const years = [...(ctx.form.funding?.priorCols ?? []), ...(ctx.form.annual?.priorCols ?? [])].map((c) => c.year).filter((y): y is number => y !== null);
  return years.length > 0 ? Math.max(...years) + 1 : null;
}

/** Prior-year columns with the year each holds: its header's, else by position below the budget year (newer first). */
export function yearsOf(cols: YearColumn[], year: number | null): { col: number; year: number | null }[] {
  const known = cols.every((c) => c.year !== null);
  const ordered = known ? [...cols].sort((a, b) => b.year! - a.year!) : cols;
  return ordered.map((c, i) => ({ col: c.col, year: c.year ?? (year !== null ? year - 1 - i : null) }));
}
