/**
 * Which side of a funding sum is the likelier mistake. When a group's 合计 disagrees with its items but
 * equals the other group's 合计 — whose own items add up to it, so the budget balances as written — the
 * total is corroborated and one of the items is the likelier slip (the filed example: 支出 items add to
 * 7969.25, 支出合计 and 收入合计 both say 7969.3). Shared by funding-total (what it tells and proposes) and
 * the totals fill (which then keeps the total, even when asked to overwrite).
 */
import type Decimal from 'decimal.js';
import type { CellRef } from '../grid/address';
import type { FormContext } from '../read/context';
import { sameAmount, sum } from './format';

export interface Corroboration {
  /** The other group's 合计 cell, which agrees with this total. */
  otherTotal: CellRef;
  otherKey: 'income' | 'expense';
  value: Decimal;
}

/** The items of a group in a column, when every one is a number or empty (null when any is words or a unit). */
export function numericItems(ctx: FormContext, refs: CellRef[]): (Decimal | null)[] | null {
  const out: (Decimal | null)[] = [];
  for (const r of refs) {
    const p = ctx.parsed(r);
    if (p.kind === 'empty') out.push(null);
    else if (p.kind === 'number' && !p.percent) out.push(p.value);
    else return null;
  }
  return out;
}

export function corroboratedTotal(ctx: FormContext, groupKey: 'income' | 'expense', col: number): Corroboration | null {
  const groups = ctx.fundingGroups();
  const group = groups.find((g) => g.key === groupKey);
  const other = groups.find((g) => g.key !== groupKey);
  if (!group?.total || !other?.total || other.items.length === 0) return null;
  // A formula total is wrong in its formula, whatever the other group says: only a typed total is corroborated.
  if (ctx.cell({ row: group.total.row, col })?.formula) return null;
  const total = ctx.amount({ row: group.total.row, col });
  const items = numericItems(ctx, group.items.map((it) => ({ row: it.row, col })));
  if (total === null || !items || items.every((a) => a === null) || sameAmount(total, sum(items))) return null;
  const otherRef = { row: other.total.row, col };
  const otherTotal = ctx.amount(otherRef);
  const otherItems = numericItems(ctx, other.items.map((it) => ({ row: it.row, col })));
  if (otherTotal === null || !otherItems || otherItems.every((a) => a === null)) return null;
  if (!sameAmount(otherTotal, total) || !sameAmount(sum(otherItems), otherTotal)) return null;
  return { otherTotal: otherRef, otherKey: other.key, value: otherTotal };
}
