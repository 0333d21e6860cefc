/** Fills: 占比 adding to exactly 100.00%, 合计 from items, change rates; never over user input; idempotent. */
import Decimal from 'decimal.js';
import { cellKey, parseA1, toA1 } from '../../src/grid/address';
import { getCell, setCell } from '../../src/grid/grid';
import type { Grid } from '../../src/grid/types';
import { check, fill } from '../../src/engine';
import { applyPatch, invertPatch } from '../../src/patch';
import { cleanForm, copyForm, gridOf, paperGrid } from '../support/forms';
import type { FormData } from '../../src/form/form-data';

const ARITHMETIC = ['funding-total', 'funding-balance', 'funding-share', 'funding-shares-sum', 'funding-share-missing'];

/** The clean form with every computed cell (合计, 占比) left blank, as a user starting out would have it. */
function blankComputed(form: FormData = cleanForm()): FormData {
  const f = copyForm(form);
  for (const g of [f.funding.income, f.funding.expense]) {
    for (const item of Object.values(g.items)) item.share = null;
    g.total = { current: null, share: null, prior: [null, null] };
  }
  return f;
}

function shares(grid: Grid, form = check(grid).form!) {
  const f = form.funding!;
  return f.groups.map((g) => g.items.map((it) => new Decimal(String(getCell(grid, { row: it.row, col: f.shareCol! })?.value ?? 0))));
}

describe('fill on a form whose 占比 and 合计 are blank', () => {
  const before = gridOf(blankComputed());
  const result = fill(before);
  const after = applyPatch(before, result.patch);

  it('writes totals equal to their items and shares adding to exactly 100.00%', () => {
    expect(result.found).toBe(true);
    for (const group of shares(after)) {
      const sum = group.reduce((a, b) => a.plus(b.toDecimalPlaces(4)), new Decimal(0));
      expect(sum.toFixed(4)).toBe('1.0000');
    }
    const form = check(after).form!;
    const expenseTotal = form.funding!.groups[1].total!;
    expect(getCell(after, { row: expenseTotal.row, col: form.funding!.currentCol })?.value).toBe(7969.3);
    // The tail goes into the largest item: 7112 shows 89.25%, not the 89.24% it rounds to alone.
    const targeted = form.funding!.groups[1].items.find((i) => i.key === 'targeted')!;
    expect(getCell(after, { row: targeted.row, col: form.funding!.shareCol! })?.value).toBe(0.8925);
  });

  it('changes no other cell', () => {
    const touched = new Set(result.patch.writes.map((w) => cellKey(parseA1(w.address))));
    for (const [key, cell] of before.cells) if (!touched.has(key)) expect(after.cells.get(key)).toEqual(cell);
    const form = check(before).form!;
    const f = form.funding!;
    const allowedCols = [f.currentCol, f.shareCol, ...f.priorCols.map((p) => p.col), f.changeCurrentCol, f.changePriorCol];
    for (const w of result.patch.writes) expect(allowedCols).toContain(parseA1(w.address).col);
  });

  it('leaves check with no arithmetic issue', () => {
    expect(check(after).issues.filter((i) => ARITHMETIC.includes(i.rule))).toEqual([]);
  });

  it('is a no-op the second time', () => {
    expect(fill(after).patch.writes).toEqual([]);
  });

  it('computes change rates into the template columns, as percentages', () => {
    const form = check(after).form!;
    const f = form.funding!;
    const total = f.groups[1].total!;
    // 7969.3 against 8674.7 last year: −8.13%; 8674.7 against 10037.9: −13.58%.
    expect(getCell(after, { row: total.row, col: f.changeCurrentCol! })?.value).toBe(-0.0813);
    expect(getCell(after, { row: total.row, col: f.changePriorCol! })?.value).toBe(-0.1358);
    expect(getCell(after, { row: total.row, col: f.changeCurrentCol! })?.numberFormat).toBe('0.00%');
  });

  it('inverts exactly: applying the inverse restores the grid cell for cell', () => {
    const restored = applyPatch(after, invertPatch(before, result.patch));
    for (const [key, cell] of before.cells) {
      expect(restored.cells.get(key)?.value ?? null).toEqual(cell.value);
    }
  });
});

describe('fill never loses user input', () => {
  it('skips a 合计 the user typed and a formula, and reports them', () => {
    const grid = gridOf(blankComputed());
    const form = check(grid).form!;
    const f = form.funding!;
    const typed = { row: f.groups[1].total!.row, col: f.currentCol };
    const formula = { row: f.groups[0].total!.row, col: f.currentCol };
    setCell(grid, typed, { value: 7969.3 + 1 });
    setCell(grid, formula, { value: 7969.3 + 2, formula: '=D6+D7+D8+2' });
    const { patch } = fill(grid, { only: ['totals'] });
    const addresses = patch.writes.map((w) => w.address);
    expect(addresses).not.toContain('D13');
    expect(addresses).not.toContain('D9');
    expect(patch.skipped.map((s) => [s.address, s.because])).toEqual(expect.arrayContaining([['D13', 'user-value'], ['D9', 'formula']]));
    const forced = fill(grid, { only: ['totals'], overwrite: true }).patch.writes.map((w) => w.address);
    expect(forced).toEqual(expect.arrayContaining(['D13', 'D9']));
  });

  it('keeps a formula that already computes the total, even when asked to overwrite (values or formulas)', () => {
    const grid = gridOf(blankComputed());
    const f = check(grid).form!.funding!;
    const total = { row: f.groups[0].total!.row, col: f.currentCol };
    setCell(grid, total, { value: 7969.3, formula: '=D6+D7+D8' });
    for (const mode of ['values', 'formulas'] as const) {
      const { patch } = fill(grid, { only: ['totals'], overwrite: true, mode });
      expect({ mode, written: patch.writes.some((w) => w.address === toA1(total)) }).toEqual({ mode, written: false });
    }
  });

  it('writes nothing on the paper form, whose shares already carry the tail, and keeps its wrong totals', async () => {
    const { patch, unavailable } = fill(await paperGrid());
    expect(patch.writes).toEqual([]);
    expect(patch.skipped.map((s) => s.address).sort()).toEqual(['D13', 'G13']);
    expect(unavailable.map((u) => u.kind)).toEqual(['changes']);
  });

  it('writes live formulas on request, and a second formula fill is a no-op', () => {
    const grid = gridOf(blankComputed());
    const { patch } = fill(grid, { mode: 'formulas' });
    const byAddress = new Map(patch.writes.map((w) => [w.address, w]));
    expect(byAddress.get('D13')?.formula).toBe('=SUM(D10:D12)');
    expect(byAddress.get('E12')?.formula).toBe('=1-E10-E11');
    expect(byAddress.get('E10')?.formula).toBe('=ROUND(D10/D$13,4)');
    expect(fill(applyPatch(grid, patch), { mode: 'formulas' }).patch.writes).toEqual([]);
  });

  it('gives an empty change-rate cell with a note over a zero base, never an error value', () => {
    const f = blankComputed();
    f.funding.expense.items.operating.prior[0] = '0';
    const grid = gridOf(f);
    const write = fill(grid, { only: ['changes'] }).patch.writes.find((w) => w.address === 'H11');
    expect(write?.value).toBeNull();
    expect(write?.note).toBe('基期金额为零，无法计算增减率');
    // In English the note is English only.
    expect(fill(grid, { only: ['changes'], locale: 'en-US' }).patch.writes.find((w) => w.address === 'H11')?.note).toBe('The base amount is zero: no change rate');
  });
});
