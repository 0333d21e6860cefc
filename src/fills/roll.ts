/**
 * 开始新年度: roll a form into the next budget year on the same sheet. The prior-year columns shift by one
 * (the older takes the newer's values, the newer takes the current year's), the current amounts are
 * cleared for new figures, every year header moves on a year, and in the annual indicator table last
 * year's 预期当年实现值 becomes the newer prior year, marked as carried over. 填报日期 is cleared: the date
 * the new form is filed is not known yet, and a date moved on by a year would look typed by the user.
 */
import { fillNote } from './notes';
import type { Locale } from '../rules/rule';
import { toA1, type CellRef } from '../grid/address';
import type { CellValue, Grid } from '../grid/types';
import type { FormMap, YearColumn } from '../locate/form-map';
import { applyPatch, type CellWrite, type Patch, type SkippedWrite } from '../patch';
import { FormContext } from '../read/context';
import { budgetYear } from './years';
import { runFills } from './fill';


export interface RollResult {
  patch: Patch;
  /** The budget year before and after (from 填报日期, else from the year headers); null when the form has no year. */
  fromYear: number | null;
  toYear: number | null;
  /** The filing date the roll cleared, as it read (e.g. "2024年1月12日"); null when there was none. */
  clearedDate: string | null;
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

export function rollForward(grid: Grid, form: FormMap, locale: Locale = 'zh-CN'): RollResult {
  const ctx = new FormContext(grid, form);
  const w = new WriteSet(grid);
  const fromYear = budgetYear(ctx);

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
      // Only a value carried over needs confirming: an empty target leaves an empty cell, with no note.
      if (newer) w.copy(at(annual.cols.value), at(newer.col), ctx.isEmpty(at(annual.cols.value)) ? {} : { note: fillNote('carried-over', locale) });
    }
    for (const c of annual.priorCols) shiftYearHeader(grid, w, c);
  }

  const clearedDate = clearFilingDate(ctx, w);

  // Shares and change rates are recomputed over the moved figures (with the current year empty, only the
  // older change rate can be computed); the recomputation never overwrites what the roll just wrote.
  const rolled = applyPatch(grid, { sheetName: grid.sheetName, writes: w.writes, skipped: [] });
  const refill = runFills(rolled, form, { only: ['changes'], overwrite: false, mode: 'values', tailRule: 'largest', locale });
  const writes = [...w.writes.filter((x) => !refill.patch.writes.some((r) => r.address === x.address)), ...refill.patch.writes.map((x) => ({ ...x, reason: 'roll' as const }))];
  return { patch: { sheetName: grid.sheetName, writes, skipped: [...w.skipped, ...refill.patch.skipped] }, fromYear, toYear: fromYear === null ? null : fromYear + 1, clearedDate };
}

/** Clears 填报日期 (its cell, or the text after the label when typed inline) and returns what it read. */
function clearFilingDate(ctx: FormContext, w: WriteSet): string | null {
  const date = ctx.form.header.date;
  if (!date) return null;
  if (date.inline !== undefined) {
    const label = String(ctx.cell(date.value)?.value ?? '');
    const m = /^(\s*填\s*报\s*日\s*期\s*[:：]?)\s*(.*)$/s.exec(label);
    if (!m || m[2].trim() === '') return null;
    w.set(date.value, m[1]);
    return m[2].trim();
  }
  if (ctx.isEmpty(date.value)) return null;
  const d = ctx.filingDate();
  const was = d ? `${d.year}年${d.month}月${d.day}日` : String(ctx.cell(date.value)?.value ?? '');
  w.set(date.value, null);
  return was;
}

function shiftYearHeader(grid: Grid, w: WriteSet, c: YearColumn): void {
  if (c.year === null) return;
  const cell = grid.cells.get(`${c.header.row},${c.header.col}`);
  if (typeof cell?.value === 'number') w.set(c.header, c.year + 1);
  else w.set(c.header, String(cell?.value ?? `${c.year}年`).replace(String(c.year), String(c.year + 1)));
}
