/** Collects one fill's writes and skips; the patch it becomes is what the caller applies. */
import type { Patch } from '../patch';
import type { Proposal } from './propose';

export class FillContext {
  readonly patch: Patch;
  constructor(
    sheetName: string,
    readonly mode: 'values' | 'formulas',
    readonly overwrite: boolean,
  ) {
    this.patch = { sheetName, writes: [], skipped: [] };
  }

  add(p: Proposal): void {
    if (p.write) this.patch.writes.push(p.write);
    if (p.skip) this.patch.skipped.push(p.skip);
  }
}
