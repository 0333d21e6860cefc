/**
 * An issue's identity by meaning, not position: the rule, its message, and what each blamed cell is
 * (支出合计 of 2022, the 2023 value of 丰富多样的餐饮品种, …). Explanations are matched by this key,
 * so they survive inserted rows, moved sections and re-checks.
 */
import { normalizeLabel } from '../form/labels';
import { toA1, type CellRef } from '../grid/address';
import type { FormMap, IndicatorTableMap, YearColumn } from '../locate/form-map';
import type { Issue } from '../rules/rule';
import type { FormContext } from '../read/context';

function yearLabel(cols: YearColumn[], col: number): string | null {
  const c = cols.find((y) => y.col === col);
  return c ? `y${c.year ?? '?'}` : null;
}

function indicatorCell(ctx: FormContext, t: IndicatorTableMap, ref: CellRef): string | null {
  const row = t.rows.find((r) => r.row === ref.row) ?? t.rows.find((r) => r.level1At?.row === ref.row);
  if (!row) return null;
  const col =
    ref.col === t.cols.level1 ? 'l1' : ref.col === t.cols.level2 ? 'l2' : ref.col === t.cols.level3 ? 'l3' : ref.col === t.cols.value ? 'value' : ref.col === t.cols.basis ? 'basis' : ref.col === t.cols.category ? 'category' : yearLabel(t.priorCols, ref.col) ?? `c${ref.col}`;
  return `${t.kind}:${row.level1}/${row.level2}/${row.level3}:${col}`;
}

export function describeCell(ctx: FormContext, ref: CellRef): string {
  const form: FormMap = ctx.form;
  const f = form.funding;
  if (f) {
    for (const g of f.groups) {
      const row = [...g.items, ...(g.total ? [g.total] : [])].find((r) => r.row === ref.row);
      if (!row) continue;
      const col =
        ref.col === f.currentCol ? 'current' : ref.col === f.shareCol ? 'share' : ref.col === f.changeCurrentCol ? 'changeCurrent' : ref.col === f.changePriorCol ? 'changePrior' : yearLabel(f.priorCols, ref.col) ?? `c${ref.col}`;
      return `funding:${g.key}:${row === g.total ? 'total' : row.key ?? normalizeLabel(row.label)}:${col}`;
    }
  }
  for (const t of [form.annual, form.longTerm]) {
    if (t && ref.row > t.headerRow) {
      const d = indicatorCell(ctx, t, ref);
      if (d) return d;
    }
  }
  const p = form.projects;
  if (p && p.rows.includes(ref.row)) {
    const name = ctx.parsed({ row: ref.row, col: p.cols.name });
    const key = Object.entries(p.cols).find(([, c]) => c === ref.col)?.[0] ?? `c${ref.col}`;
    return `project:${name.kind === 'text' ? normalizeLabel(name.text) : ref.row}:${key}`;
  }
  for (const [k, field] of Object.entries(form.header)) if (field && field.value.row === ref.row && field.value.col === ref.col) return `header:${k}`;
  for (const c of [...(f?.priorCols ?? []), ...(form.annual?.priorCols ?? [])]) if (c.header.row === ref.row && c.header.col === ref.col) return `yearHeader:${c.year}`;
  return `cell:${toA1(ref)}`;
}

export function issueKey(ctx: FormContext, issue: Pick<Issue, 'rule' | 'messageId' | 'cells'>): string {
  return `${issue.rule}|${issue.messageId}|${issue.cells.map((c) => describeCell(ctx, c)).sort().join(';')}`;
}
