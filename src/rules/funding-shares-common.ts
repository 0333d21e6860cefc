/** The share cells of each funding group with the amounts and total they derive from (shared by the share rules and fill). */
import Decimal from 'decimal.js';
import type { CellRef } from '../grid/address';
import type { FormContext } from '../read/context';
import { sum } from './format';

export interface GroupShares {
  key: 'income' | 'expense';
  labels: string[];
  amountRefs: CellRef[];
  amounts: (Decimal | null)[];
  shareRefs: CellRef[];
  /** 合计 as written, or the sum of the items where 合计 is empty. */
  total: Decimal;
  totalRef: CellRef | null;
  totalShareRef: CellRef | null;
}

export function groupShares(ctx: FormContext): GroupShares[] {
  const f = ctx.form.funding;
  if (!f || f.shareCol === null) return [];
  const shareCol = f.shareCol;
  return f.groups
    .filter((g) => g.items.length > 0)
    .map((g) => {
      const amountRefs = g.items.map((it) => ({ row: it.row, col: f.currentCol }));
      const amounts = amountRefs.map((r) => ctx.amount(r));
      const totalRef = g.total ? { row: g.total.row, col: f.currentCol } : null;
      const written = totalRef ? ctx.amount(totalRef) : null;
      return {
        key: g.key,
        labels: g.items.map((it) => it.label.replace(/\s+/g, '')),
        amountRefs,
        amounts,
        shareRefs: g.items.map((it) => ({ row: it.row, col: shareCol })),
        total: written ?? sum(amounts),
        totalRef,
        totalShareRef: g.total ? { row: g.total.row, col: shareCol } : null,
      };
    })
    .filter((g) => g.amounts.some((a) => a !== null));
}
