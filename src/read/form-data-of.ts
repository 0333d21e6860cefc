/**
 * A located form read back into FormData, the content the template lays out: how a form from another
 * rendition (a Word document, an older layout) becomes our template filled with its content. Values are
 * taken as typed (display text); items of an older template version that the current one does not print
 * are left out and listed, so nothing is dropped silently.
 */
import { displayOf } from './values';
import { blankForm, defaultFormYear } from '../form/template';
import type { AnnualRow, FormData, FundingRowData, LongTermRow, Typed } from '../form/form-data';
import type { CellRef } from '../grid/address';
import type { FormMap } from '../locate/form-map';
import { FormContext } from './context';
import type { Grid } from '../grid/types';

export interface FormDataOutcome {
  data: FormData;
  /** Labels of rows the current template has no place for (older items such as 基本支出). */
  leftOut: string[];
}

export function formDataOf(grid: Grid, form: FormMap): FormDataOutcome {
  const ctx = new FormContext(grid, form);
  const text = (ref: CellRef | null | undefined): Typed => {
    if (!ref) return null;
    // Text stays as typed (a phone 027-…, a value 55种), trimmed of the stray spaces a paste leaves.
    const raw = ctx.cell(ref)?.value;
    if (typeof raw === 'string') return raw.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '') || null;
    const p = ctx.parsed(ref);
    if (p.kind === 'empty') return null;
    return displayOf(p);
  };
  const year = ctx.formYear() ?? defaultFormYear();
  const data = blankForm(year);
  const leftOut: string[] = [];
  const h = form.header;
  data.date = ctx.filingDate();
  data.deptName = h.deptName ? text(h.deptName.value) : null;
  data.filler = h.filler ? text(h.filler.value) : null;
  data.phone = h.phone ? text(h.phone.value) : null;
  const { last, before } = ctx.priorYearCols();
  data.priorYears = [last?.year ?? year - 1, before?.year ?? year - 2];
  const f = form.funding;
  if (f) {
    const rowData = (row: number): FundingRowData => ({
      current: text({ row, col: f.currentCol }),
      share: f.shareCol !== null ? text({ row, col: f.shareCol }) : null,
      prior: [last ? text({ row, col: last.col }) : null, before ? text({ row, col: before.col }) : null],
    });
    for (const g of f.groups) {
      const target = data.funding[g.key];
      for (const item of g.items) {
        if (item.key && item.key in target.items) target.items[item.key] = rowData(item.row);
        else leftOut.push(item.label.replace(/\s+/g, ''));
      }
      if (g.total) target.total = rowData(g.total.row);
    }
  }
  data.functions = text(form.texts.functions?.value);
  data.tasks = text(form.texts.tasks?.value);
  data.longTermGoal = text(form.texts.longTermGoal?.value);
  data.annualGoal = text(form.texts.annualGoal?.value);
  data.longTermGoalRestated = data.longTermGoal;
  data.annualGoalRestated = data.annualGoal;
  data.longTermHorizon = form.longTermHorizon;
  const p = form.projects;
  if (p) {
    const at = (row: number, col: number | null) => (col === null ? null : text({ row, col }));
    data.projects = p.rows.map((row) => ({ name: at(row, p.cols.name), category: at(row, p.cols.category), total: at(row, p.cols.total), current: at(row, p.cols.current), purpose: at(row, p.cols.purpose) }));
  }
  const lt = form.longTerm;
  if (lt) {
    data.longTerm = lt.rows.map((r): LongTermRow => {
      const at = (col: number | null) => (col === null ? null : text({ row: r.row, col }));
      return [r.level1, r.level2, r.level3 || null, at(lt.cols.value), at(lt.cols.basis), at(lt.cols.category)];
    });
  }
  const an = form.annual;
  if (an) {
    const years = [...an.priorCols].sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
    data.annualYears = [years[0]?.year ?? year - 2, years[1]?.year ?? year - 1];
    data.annual = an.rows.map((r): AnnualRow => {
      const at = (col: number | null | undefined) => (col === null || col === undefined ? null : text({ row: r.row, col }));
      return [r.level1, r.level2, r.level3 || null, at(years[0]?.col), at(years[1]?.col), at(an.cols.value), at(an.cols.basis), at(an.cols.category)];
    });
  }
  return { data, leftOut };
}
