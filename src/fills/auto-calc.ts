/**
 * What 自动计算 needs from the form, as plain data: which funding groups and columns an edit touched (so a
 * refresh recomputes only those), and which cells hold computed figures (合计 and 占比), so the pane can
 * tell which of them the user typed.
 */
import { parseRange, toA1, type RangeRef } from '../grid/address';
import type { FormMap } from '../locate/form-map';
import type { FillScope } from './fill-context';

export interface ComputedCell {
  address: string;
  kind: 'total' | 'share';
}

/** 合计 in every amount column and 占比 (items and 合计) in the share column. */
export function computedCellsOf(form: FormMap): ComputedCell[] {
  const f = form.funding;
  if (!f) return [];
  const out: ComputedCell[] = [];
  const amountCols = [f.currentCol, ...f.priorCols.map((p) => p.col)];
  for (const g of f.groups) {
    if (g.total) for (const col of amountCols) out.push({ address: toA1({ row: g.total.row, col }), kind: 'total' });
    if (f.shareCol !== null) for (const r of [...g.items, ...(g.total ? [g.total] : [])]) out.push({ address: toA1({ row: r.row, col: f.shareCol }), kind: 'share' });
  }
  return out;
}

/**
 * The groups and amount columns an edit of `address` (one range, or several separated by commas) touched:
 * an amount, a 合计 or a 占比 of a group. A 占比 edit counts as the group's current column. Null when the
 * address is not a plain cell range (a whole row or column): then everything is in scope.
 */
export function editScopeOf(form: FormMap, address: string): FillScope[] | null {
  const f = form.funding;
  if (!f) return [];
  const ranges: RangeRef[] = [];
  for (const part of address.split(',')) {
    const a = part.trim().replace(/^.*!/, '').replace(/\$/g, '');
    if (!a) continue;
    try {
      ranges.push(parseRange(a));
    } catch {
      return null;
    }
  }
  const amountCols = [f.currentCol, ...f.priorCols.map((p) => p.col)];
  const out: FillScope[] = [];
  const add = (group: FillScope['group'], col: number) => {
    if (!out.some((s) => s.group === group && s.col === col)) out.push({ group, col });
  };
  for (const g of f.groups) {
    const rows = [...g.items, ...(g.total ? [g.total] : [])].map((r) => r.row);
    for (const r of ranges) {
      if (!rows.some((row) => row >= r.top && row <= r.bottom)) continue;
      for (const col of amountCols) if (col >= r.left && col <= r.right) add(g.key, col);
      if (f.shareCol !== null && f.shareCol >= r.left && f.shareCol <= r.right) add(g.key, f.currentCol);
    }
  }
  return out;
}
