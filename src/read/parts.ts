/**
 * The parts of the form a person fills (表头, 资金情况, 部门职能概述, 年度工作任务, 项目, 总目标, the two
 * indicator tables), each with the cells typed into it. A part whose every cell is empty is blank: the
 * check says once what is still to fill there instead of listing each empty cell.
 */
import { cellKey, type CellRef } from '../grid/address';
import { formCells, type FormContext } from './context';

export type FormPart = 'header' | 'funding' | 'functions' | 'tasks' | 'projects' | 'goals' | 'longTerm' | 'annual';

export interface PartCells {
  part: FormPart;
  /** The part's first cell, where a finding about the whole part points. */
  first: CellRef;
  blank: boolean;
  /** Cells typed (or computed) in the part, listed afresh on each call: a long form's tables hold a million. */
  cells(): CellRef[];
}

const PARTS_CACHE = new WeakMap<FormContext, PartCells[]>();

/** The located parts of the form, in the order they appear on paper. */
export function formParts(ctx: FormContext): PartCells[] {
  let parts = PARTS_CACHE.get(ctx);
  if (!parts) PARTS_CACHE.set(ctx, (parts = collectParts(ctx)));
  return parts;
}

function collectParts(ctx: FormContext): PartCells[] {
  const { form } = ctx;
  const out: PartCells[] = [];
  const add = (part: FormPart, list: () => Iterable<CellRef>, blankIf?: boolean) => {
    let first: CellRef | undefined;
    let blank = true;
    for (const c of list()) {
      first ??= c;
      if (blankIf !== undefined) break;
      if (!ctx.isEmpty(c)) {
        blank = false;
        break;
      }
    }
    if (first) out.push({ part, first, blank: blankIf ?? blank, cells: () => [...list()] });
  };
  const h = form.header;
  const fields = [h.date, h.deptName, h.filler, h.phone].filter((f) => !!f);
  // A date typed into its label cell (填报日期：2024年1月12日) counts as filled when text follows the label.
  add('header', () => fields.map((f) => f!.value), fields.every((f) => (f!.inline !== undefined ? f!.inline.trim() === '' : ctx.isEmpty(f!.value))));
  const funding = new Set<string>();
  const fundingRows = new Set<number>();
  if (form.funding) {
    for (const c of formCells(ctx)) {
      if (c.type !== 'amount' && c.type !== 'share' && c.type !== 'changeRate') continue;
      funding.add(cellKey(c.ref));
      fundingRows.add(c.ref.row);
    }
  }
  const projectRows = new Set(form.projects?.slotRows ?? []);
  add('funding', function* () {
    // Only cells on a row of the set can be in it: the indicator tables' million cells are passed over by row.
    if (funding.size === 0) return;
    for (const c of formCells(ctx)) if (fundingRows.has(c.ref.row) && funding.has(cellKey(c.ref)) && !projectRows.has(c.ref.row)) yield c.ref;
  });
  if (form.texts.functions) add('functions', () => [form.texts.functions!.value]);
  if (form.texts.tasks) add('tasks', () => [form.texts.tasks!.value]);
  const p = form.projects;
  if (p) {
    const cols = [p.cols.name, p.cols.category, p.cols.total, p.cols.current, p.cols.purpose].filter((c): c is number => c !== null);
    const rows = p.slotRows.length > 0 ? p.slotRows : p.rows;
    add('projects', () => rows.flatMap((row) => cols.map((col) => ({ row, col }))), p.rows.length === 0);
  }
  add('goals', () => [form.texts.longTermGoal?.value, form.texts.annualGoal?.value].filter((c): c is CellRef => !!c));
  for (const table of ctx.indicatorTables()) {
    const cols = [table.cols.level3, table.cols.basis, table.cols.category].filter((c): c is number => c !== null);
    add(table.kind, function* () {
      for (const r of table.rows) {
        for (const col of cols) yield { row: r.row, col };
        for (const v of ctx.indicatorValueCells(table, r)) yield v.ref;
      }
    });
  }
  return out;
}

/** Keys of every cell in a blank part: findings blaming only these are covered by the part's one finding. */
export function blankPartCells(ctx: FormContext): Set<string> {
  return new Set(formParts(ctx).filter((p) => p.blank).flatMap((p) => p.cells().map(cellKey)));
}
