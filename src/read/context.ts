/**
 * What a rule sees: the grid, the located form, and typed values read on demand (cached).
 * Also the derived facts several rules share: the form's year, funding amounts, indicator rows with values.
 */
import Decimal from 'decimal.js';
import type { CellRef } from '../grid/address';
import { getCell } from '../grid/grid';
import type { Cell, Grid } from '../grid/types';
import type { FormMap, FundingGroupMap, FundingRow, IndicatorRowMap, IndicatorTableMap, YearColumn } from '../locate/form-map';
import { parseCell, parseDate, type DateParts, type Parsed } from './values';

export interface AmountColumn {
  col: number;
  /** 'current' for 当年金额, else the prior year's column. */
  kind: 'current' | 'prior';
  year: number | null;
  header: CellRef;
}

/** Settings a user can change (task pane 设置, command-line flags). */
export interface CheckSettings {
  /** A change against the year before beyond ± this ratio asks for an explanation (default 0.3 = 30%). */
  changeThreshold: Decimal;
}

export const DEFAULT_SETTINGS: CheckSettings = { changeThreshold: new Decimal('0.3') };

export class FormContext {
  /**
   * Parsed cells by row, then column. Keyed by numbers, not `row,col` strings: a long form has a million
   * cells, and a string key per cell made the cache the largest thing a check held.
   */
  private readonly cache = new Map<number, Parsed[]>();
  /** Each indicator table's prior-year columns, oldest first (asked for once per row). */
  private readonly priorsByYear = new WeakMap<IndicatorTableMap, YearColumn[]>();

  constructor(
    readonly grid: Grid,
    readonly form: FormMap,
    readonly settings: CheckSettings = DEFAULT_SETTINGS,
    /** Formula cells without a stored result that could not be computed (the workbook needs recalculating). */
    readonly formulas: { uncomputed: readonly CellRef[] } = { uncomputed: [] },
  ) {}

  cell(ref: CellRef): Cell | undefined {
    return getCell(this.grid, ref);
  }

  parsed(ref: CellRef): Parsed {
    let row = this.cache.get(ref.row);
    // Sized to the sheet's width up front: an array grown by index keeps room for far more columns.
    if (!row) this.cache.set(ref.row, (row = new Array<Parsed>(Math.max(this.grid.colCount, ref.col + 1))));
    let p = row[ref.col];
    if (!p) row[ref.col] = p = parseCell(getCell(this.grid, ref));
    return p;
  }

  /** A number (or a unit-less quantity), treating empty as null. */
  amount(ref: CellRef): Decimal | null {
    const p = this.parsed(ref);
    return p.kind === 'number' && !p.percent ? p.value : null;
  }

  isEmpty(ref: CellRef): boolean {
    return this.parsed(ref).kind === 'empty';
  }

  /** The filing date, from a date cell or inline text. */
  filingDate(): DateParts | null {
    const f = this.form.header.date;
    if (!f) return null;
    return f.inline !== undefined ? parseDate(undefined, f.inline) : parseDate(this.cell(f.value));
  }

  /**
   * The budget year the form is for: the filing date's year, or the next one for a form filed in the
   * autumn (September on) before its budget year.
   */
  formYear(): number | null {
    const d = this.filingDate();
    if (!d) return null;
    return d.month >= 9 ? d.year + 1 : d.year;
  }

  /** The funding table's amount columns: 当年金额 and the prior years. */
  amountColumns(): AmountColumn[] {
    const f = this.form.funding;
    if (!f) return [];
    return [
      { col: f.currentCol, kind: 'current', year: this.formYear(), header: f.currentHeader },
      ...f.priorCols.map((p: YearColumn) => ({ col: p.col, kind: 'prior' as const, year: p.year, header: p.header })),
    ];
  }

  /** The prior-year column of last year and of the year before, by their headers (or their order). */
  priorYearCols(): { last: YearColumn | null; before: YearColumn | null } {
    const cols = this.form.funding?.priorCols ?? [];
    if (cols.length === 0) return { last: null, before: null };
    const byYear = [...cols].sort((a, b) => (b.year ?? 0) - (a.year ?? 0));
    const known = cols.every((c) => c.year !== null);
    const ordered = known ? byYear : cols;
    return { last: ordered[0] ?? null, before: ordered[1] ?? null };
  }

  fundingGroups(): FundingGroupMap[] {
    return this.form.funding?.groups ?? [];
  }

  fundingRows(): FundingRow[] {
    return this.fundingGroups().flatMap((g) => [...g.items, ...(g.total ? [g.total] : [])]);
  }

  indicatorTables(): IndicatorTableMap[] {
    return [this.form.longTerm, this.form.annual].filter((t): t is IndicatorTableMap => !!t);
  }

  /** Value cells of an indicator row, oldest first: prior years by year, then the target. */
  indicatorValueCells(table: IndicatorTableMap, row: IndicatorRowMap): { ref: CellRef; label: string }[] {
    let priors = this.priorsByYear.get(table);
    if (!priors) this.priorsByYear.set(table, (priors = [...table.priorCols].sort((a, b) => (a.year ?? 0) - (b.year ?? 0))));
    const out = priors.map((p) => ({ ref: { row: row.row, col: p.col }, label: p.year ? `${p.year}年` : '' }));
    if (table.cols.value !== null) out.push({ ref: { row: row.row, col: table.cols.value }, label: table.kind === 'annual' ? '预期当年实现值' : '指标值' });
    return out;
  }
}

export type FormCellType = 'amount' | 'share' | 'changeRate' | 'text' | 'date' | 'phone' | 'indicatorValue' | 'choice';

export interface FormCell {
  ref: CellRef;
  type: FormCellType;
}

/**
 * Every cell of the form that holds a value (not a label), with the type the spec gives it, in a fixed order.
 * Produced afresh for each reader rather than kept: a long form has a million of them, and the few rules
 * that walk them all only look at each once.
 */
export function* formCells(ctx: FormContext): Generator<FormCell> {
  const { form } = ctx;
  const h = form.header;
  if (h.date && h.date.inline === undefined) yield { ref: h.date.value, type: 'date' };
  if (h.deptName) yield { ref: h.deptName.value, type: 'text' };
  if (h.filler) yield { ref: h.filler.value, type: 'text' };
  if (h.phone) yield { ref: h.phone.value, type: 'phone' };
  const f = form.funding;
  if (f) {
    for (const r of ctx.fundingRows()) {
      for (const c of ctx.amountColumns()) yield { ref: { row: r.row, col: c.col }, type: 'amount' };
      if (f.shareCol !== null) yield { ref: { row: r.row, col: f.shareCol }, type: 'share' };
      for (const col of [f.changeCurrentCol, f.changePriorCol]) if (col !== null) yield { ref: { row: r.row, col }, type: 'changeRate' };
    }
  }
  for (const t of [form.texts.functions, form.texts.tasks, form.texts.longTermGoal, form.texts.annualGoal]) {
    if (t) yield { ref: t.value, type: 'text' };
  }
  const p = form.projects;
  if (p) {
    for (const row of p.rows) {
      yield { ref: { row, col: p.cols.name }, type: 'text' };
      if (p.cols.category !== null) yield { ref: { row, col: p.cols.category }, type: 'choice' };
      if (p.cols.total !== null) yield { ref: { row, col: p.cols.total }, type: 'amount' };
      if (p.cols.current !== null) yield { ref: { row, col: p.cols.current }, type: 'amount' };
      if (p.cols.purpose !== null) yield { ref: { row, col: p.cols.purpose }, type: 'text' };
    }
  }
  for (const table of ctx.indicatorTables()) {
    for (const row of table.rows) {
      yield { ref: { row: row.row, col: table.cols.level3 }, type: 'text' };
      for (const v of ctx.indicatorValueCells(table, row)) yield { ref: v.ref, type: 'indicatorValue' };
      if (table.cols.basis !== null) yield { ref: { row: row.row, col: table.cols.basis }, type: 'choice' };
      if (table.cols.category !== null) yield { ref: { row: row.row, col: table.cols.category }, type: 'choice' };
    }
  }
}
