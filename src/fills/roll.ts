/**
 * 开始新年度: roll a form into the next budget year on the same sheet. The prior-year columns shift by one
 * (the older takes the newer's values, the newer takes the current year's), the current amounts are
 * cleared for new figures, every year header and the filing date move on a year, and in the annual
 * indicator table last year's 预期当年实现值 becomes the newer prior year, marked as carried over.
 */
import { toA1, type CellRef } from '../grid/address';
import type { CellValue, Grid } from '../grid/types';
import type { FormMap, YearColumn } from '../locate/form-map';
import { applyPatch, type CellWrite, type Patch, type SkippedWrite } from '../patch';
import { FormContext } from '../read/context';
import { dateToSerial, serialToDate } from '../read/values';
import { runFills } from './fill';

export const CARRIED_OVER_NOTE = '由上年预期值结转，请核实实际完成值 (carried over from last year’s target: confirm the actual)';

export interface RollResult {
  patch: Patch;
  fromYear: number | null;
  toYear: number | null;
}

/** Collects writes, dropping those that would not change the cell. */
export class WriteSet {
  readonly writes: CellWrite[] = [];
  /** Cells left alone because they hold a formula (a 合计 that sums its items stays a SUM). */
  readonly skipped: SkippedWrite[] = [];
  private readonly seen = new Set<string>();
  constructor(private readonly grid: Grid) {}

  set(ref: CellRef, value: CellValue, extra: Partial<CellWrite> = {}): void {
    const address = toA1(ref);
    if (this.seen.has(address)) return;
    const cell = this.grid.cells.get(`${ref.row},${ref.col}`);
    if (cell?.formula) {
      this.seen.add(address);
      this.skipped.push({ address, reason: 'roll', because: 'formula', wanted: value, found: cell.value, formula: cell.formula });
      return;
    }
    const same = !cell?.formula && (cell?.value ?? null) === value && (extra.numberFormat === undefined || extra.numberFormat === cell?.numberFormat);
    if (same && !extra.note) return;
    this.seen.add(address);
    this.writes.push({ address, value, reason: 'roll', ...extra });
  }

  /** Copies a cell's value (never its formula: a prior year holds figures) and number format. */
  copy(from: CellRef, to: CellRef, extra: Partial<CellWrite> = {}): void {
    const cell = this.grid.cells.get(`${from.row},${from.col}`);
    this.set(to, cell?.value ?? null, { numberFormat: cell?.numberFormat, ...extra });
  }
}

/** Prior-year columns, newest year first (sheet order when a header has no year). */
export function newerFirst(cols: YearColumn[]): YearColumn[] {
  return cols.every((c) => c.year !== null) ? [...cols].sort((a, b) => b.year! - a.year!) : cols;
}

export function rollForward(grid: Grid, form: FormMap): RollResult {
  const ctx = new FormContext(grid, form);
  const w = new WriteSet(grid);
  const fromYear = ctx.formYear();

  const f = form.funding;
  if (f) {
    const [newer, older] = newerFirst(f.priorCols);
    for (const row of ctx.fundingRows()) {
      const at = (col: number) => ({ row: row.row, col });
      if (older && newer) w.copy(at(newer.col), at(older.col));
      if (newer) w.copy(at(f.currentCol), at(newer.col));
      w.set(at(f.currentCol), null);
      if (f.shareCol !== null) w.set(at(f.shareCol), null);
      for (const col of [f.changeCurrentCol, f.changePriorCol]) if (col !== null) w.set(at(col), null);
    }
    for (const c of f.priorCols) shiftYearHeader(grid, w, c);
  }

  const annual = form.annual;
  if (annual && annual.cols.value !== null) {
    const [newer, older] = newerFirst(annual.priorCols);
    for (const row of annual.rows) {
      const at = (col: number) => ({ row: row.row, col });
      if (older && newer) w.copy(at(newer.col), at(older.col));
      if (newer) w.copy(at(annual.cols.value), at(newer.col), { note: CARRIED_OVER_NOTE });
    }
    for (const c of annual.priorCols) shiftYearHeader(grid, w, c);
  }

  const date = form.header.date;
  if (date) {
    const cell = grid.cells.get(`${date.value.row},${date.value.col}`);
    if (typeof cell?.value === 'string') {
      w.set(date.value, cell.value.replace(/(\d{4})(\s*年)/, (_, y: string, rest: string) => `${Number(y) + 1}${rest}`).replace(/(\d{4})([-/.]\d{1,2}[-/.]\d{1,2})/, (_, y: string, rest: string) => `${Number(y) + 1}${rest}`));
    } else if (typeof cell?.value === 'number') {
      const d = serialToDate(cell.value);
      if (d) w.set(date.value, dateToSerial({ ...d, year: d.year + 1, day: d.month === 2 && d.day === 29 ? 28 : d.day }), { numberFormat: cell.numberFormat });
    }
  }

  // Shares and change rates are recomputed over the moved figures (with the current year empty, only the
  // older change rate can be computed); the recomputation never overwrites what the roll just wrote.
  const rolled = applyPatch(grid, { sheetName: grid.sheetName, writes: w.writes, skipped: [] });
  const refill = runFills(rolled, form, { only: ['changes'], overwrite: false, mode: 'values', tailRule: 'largest' });
  const writes = [...w.writes.filter((x) => !refill.patch.writes.some((r) => r.address === x.address)), ...refill.patch.writes.map((x) => ({ ...x, reason: 'roll' as const }))];
  return { patch: { sheetName: grid.sheetName, writes, skipped: [...w.skipped, ...refill.patch.skipped] }, fromYear, toYear: fromYear === null ? null : fromYear + 1 };
}

function shiftYearHeader(grid: Grid, w: WriteSet, c: YearColumn): void {
  if (c.year === null) return;
  const cell = grid.cells.get(`${c.header.row},${c.header.col}`);
  if (typeof cell?.value === 'number') w.set(c.header, c.year + 1);
  else w.set(c.header, String(cell?.value ?? `${c.year}年`).replace(String(c.year), String(c.year + 1)));
}
