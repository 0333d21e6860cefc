/** Runs the requested fills in order — totals, then shares and change rates over the new totals — into one patch. */
import type { Grid } from '../grid/types';
import type { FormMap } from '../locate/form-map';
import { applyPatch, mergePatches, type Patch, type SkippedWrite } from '../patch';
import { toA1 } from '../grid/address';
import { sameAmount } from '../rules/format';
import { FormContext } from '../read/context';
import type { TailRule } from '../read/shares';
import type { Locale } from '../rules/rule';

/** Why a fill could not run on this sheet; each shell says it in its language (i18n/messages unavailableFillText). */
export type UnavailableReason = 'no-share-column' | 'no-change-columns';
import { fillChanges } from './changes';
import { FillContext, type FillScope } from './fill-context';
import type { CellValue } from '../grid/types';
import { fillShares } from './shares';
import { fillTotals } from './totals';

export type FillKind = 'shares' | 'totals' | 'changes';
export const FILL_KINDS: readonly FillKind[] = ['totals', 'shares', 'changes'];

export interface FillSettings {
  only: readonly FillKind[];
  overwrite: boolean;
  mode: 'values' | 'formulas';
  tailRule: TailRule;
  /** Cells an earlier fill wrote, by A1 address, with the value written: those still holding it may be recomputed. */
  owned?: ReadonlyMap<string, CellValue>;
  /** Recompute only these groups and columns (auto-calc after an edit); everything when absent. */
  scope?: readonly FillScope[];
  /** The language of the notes a fill leaves (default zh-CN). */
  locale?: Locale;
}

export interface FillOutcome {
  patch: Patch;
  /** Fills that could not run on this sheet, with why (e.g. no change-rate columns). */
  unavailable: { kind: FillKind; reason: UnavailableReason }[];
}

export function runFills(grid: Grid, form: FormMap, s: FillSettings): FillOutcome {
  const unavailable: FillOutcome['unavailable'] = [];
  const patches: Patch[] = [];
  let current = grid;
  for (const kind of FILL_KINDS) {
    if (!s.only.includes(kind)) continue;
    const ctx = new FormContext(current, form);
    const fc = new FillContext(grid.sheetName, s.mode, s.overwrite, s.owned, s.scope ?? null, s.locale);
    if (kind === 'totals') fillTotals(ctx, fc);
    if (kind === 'shares') {
      if (form.funding?.shareCol == null) unavailable.push({ kind, reason: 'no-share-column' });
      else fillShares(ctx, fc, s.tailRule);
    }
    if (kind === 'changes') {
      if (form.funding?.changeCurrentCol == null && form.funding?.changePriorCol == null) {
        unavailable.push({ kind, reason: 'no-change-columns' });
      } else fillChanges(ctx, fc);
    }
    patches.push(fc.patch);
    // Later fills see earlier ones' results; formulas carry their computed value so shares can use a new total.
    current = applyPatch(current, withValues(fc.patch));
  }
  const patch = mergePatches(grid.sheetName, patches);
  if (s.only.includes('totals')) patch.skipped.push(...unbalancedTotals(new FormContext(current, form), s.scope ?? null));
  return { patch, unavailable };
}

/** Columns whose 收入合计 and 支出合计 differ once filled: listed, since only the user knows which amount is wrong. */
function unbalancedTotals(ctx: FormContext, scope: FillSettings['scope'] | null): SkippedWrite[] {
  const income = ctx.fundingGroups().find((g) => g.key === 'income')?.total;
  const expense = ctx.fundingGroups().find((g) => g.key === 'expense')?.total;
  if (!income || !expense) return [];
  const out: SkippedWrite[] = [];
  for (const column of ctx.amountColumns()) {
    if (scope && !scope.some((x) => x.col === column.col)) continue;
    const a = { row: income.row, col: column.col };
    const b = { row: expense.row, col: column.col };
    const inc = ctx.amount(a);
    const exp = ctx.amount(b);
    if (inc === null || exp === null || sameAmount(inc, exp)) continue;
    out.push({ address: toA1(b), reason: 'total', because: 'unbalanced', found: exp.toNumber(), wanted: inc.toNumber(), blockedBy: toA1(a) });
  }
  return out;
}

/** In formula mode, stage writes as their values so the next fill computes from them. */
function withValues(patch: Patch): Patch {
  return { ...patch, writes: patch.writes.map((w) => (w.formula !== undefined ? { ...w, formula: undefined } : w)) };
}
