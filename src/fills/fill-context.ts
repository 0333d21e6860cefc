/** Collects one fill's writes and skips; the patch it becomes is what the caller applies. */
import type { Locale } from '../rules/rule';
import { toA1, type CellRef } from '../grid/address';
import type { CellValue } from '../grid/types';
import type { Patch, SkippedWrite } from '../patch';
import type { FormContext } from '../read/context';
import type { Proposal } from './propose';

/** A funding group in one amount column: what an edit touched and what a fill may recompute. */
export interface FillScope {
  group: 'income' | 'expense';
  col: number;
}

export class FillContext {
  readonly patch: Patch;
  constructor(
    sheetName: string,
    readonly mode: 'values' | 'formulas',
    readonly overwrite: boolean,
    /** Cells an earlier fill wrote (A1 → the value written): still holding that value, they may be recomputed. */
    readonly owned: ReadonlyMap<string, CellValue> = new Map(),
    /** Only these groups and columns (all when absent). */
    readonly scope: readonly FillScope[] | null = null,
    /** The language of the notes a fill leaves. */
    readonly locale: Locale = 'zh-CN',
  ) {
    this.patch = { sheetName, writes: [], skipped: [] };
  }

  add(p: Proposal): void {
    if (p.write) this.patch.writes.push(p.write);
    if (p.skip) this.skip(p.skip);
  }

  skip(s: SkippedWrite): void {
    if (!this.patch.skipped.some((k) => k.address === s.address && k.because === s.because)) this.patch.skipped.push(s);
  }

  /** The cell still holds exactly what a fill wrote there: it is ours to recompute, not the user's. */
  owns(ctx: FormContext, ref: CellRef): boolean {
    const a1 = toA1(ref);
    if (!this.owned.has(a1)) return false;
    const cell = ctx.cell(ref);
    if (cell?.formula) return false;
    const recorded = this.owned.get(a1) ?? null;
    const now = cell?.value ?? null;
    if (recorded === null || now === null || now === '') return (recorded === null || recorded === '') && (now === null || now === '');
    return typeof recorded === 'number' && typeof now === 'number' && Math.abs(recorded - now) < 1e-9;
  }

  /** A fill may replace what the cell holds: asked to overwrite, or the cell is one it wrote itself. */
  mayReplace(ctx: FormContext, ref: CellRef): boolean {
    return this.overwrite || this.owns(ctx, ref);
  }

  inScope(group: 'income' | 'expense', col: number): boolean {
    return this.scope === null || this.scope.some((s) => s.group === group && s.col === col);
  }
}
