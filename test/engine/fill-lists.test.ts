/**
 * A fill leaves each funding group adding up, or lists every cell that keeps it from doing so: after
 * `fill`, every arithmetic finding of `check` blames a cell the fill listed. The forms are the ones a user
 * reported: an amount cleared, an amount typed as words, a total typed by hand, and the filed example
 * under --overwrite (whose 支出合计 agrees with 收入合计, so the items are the likelier mistake).
 */
import fc from 'fast-check';
import { check, fill, issueMessage, type FillOptions } from '../../src/engine';
import { parseA1, toA1 } from '../../src/grid/address';
import { getCell, setCell } from '../../src/grid/grid';
import type { CellValue, Grid } from '../../src/grid/types';
import { applyPatch, type Patch } from '../../src/patch';
import { shareOf, parseCell } from '../../src/read/values';
import { cleanForm, gridOf, sampleGrid } from '../support/forms';
import Decimal from 'decimal.js';

const ARITHMETIC = ['funding-total', 'funding-share', 'funding-shares-sum', 'funding-share-missing', 'funding-balance'];

function edit(grid: Grid, cells: Record<string, CellValue>): Grid {
  for (const [a1, value] of Object.entries(cells)) setCell(grid, parseA1(a1), { ...(getCell(grid, parseA1(a1)) ?? {}), value });
  return grid;
}

/** Every cell the fill names: what it left alone and what kept it from computing. */
function listed(patch: Patch): Set<string> {
  return new Set(patch.skipped.flatMap((s) => [s.address, ...(s.blockedBy ? [s.blockedBy] : [])]));
}

function fillThenCheck(grid: Grid, options: FillOptions = {}) {
  const result = fill(grid, options);
  const after = applyPatch(grid, result.patch);
  const names = listed(result.patch);
  const issues = check(after).issues.filter((i) => ARITHMETIC.includes(i.rule));
  const unlisted = issues.filter((i) => !i.cells.some((c) => names.has(toA1(c)))).map((i) => `${i.rule} ${i.cells.map(toA1).join(',')} ${issueMessage(i)}`);
  return { result, after, issues, names, unlisted };
}

const shareSum = (grid: Grid, cells: string[]) => cells.reduce((s, a) => s.plus(shareOf(parseCell(getCell(grid, parseA1(a)))) ?? 0), new Decimal(0)).mul(100).toFixed(2);
const because = (patch: Patch, a1: string) => patch.skipped.filter((s) => s.address === a1).map((s) => s.because);

describe('fill lists every cell that keeps a group from adding up', () => {
  test('an amount cleared (D11): its share stays and is listed, the total 收入合计 corroborates is kept', () => {
    const { result, after, unlisted } = fillThenCheck(edit(sampleGrid(), { D11: null }));
    expect(shareSum(after, ['E10', 'E11', 'E12'])).toBe('100.00'); // untouched: 9.46 + 1.29 + 89.25
    expect(because(result.patch, 'E11')).toEqual(['no-amount']);
    expect(because(result.patch, 'D13')).toEqual(['items-likely-wrong']);
    expect(because(result.patch, 'E10')).toEqual(['total-kept']);
    expect(unlisted).toEqual([]);
  });

  test('an amount typed as words (D10): no total or share over it, each listed', () => {
    const { result, unlisted, issues } = fillThenCheck(edit(sampleGrid(), { D10: '七百五十四万' }));
    expect(because(result.patch, 'D10')).toEqual(['not-a-number']);
    expect(because(result.patch, 'D13')).toEqual(['not-computable']);
    expect(result.patch.skipped.find((s) => s.address === 'E10')).toMatchObject({ because: 'not-computable', blockedBy: 'D10' });
    expect(issues.some((i) => i.rule === 'funding-total' && i.messageId === 'itemNotNumber')).toBe(true);
    expect(unlisted).toEqual([]);
  });

  test('a total the user typed (5000 for items of 7969.25): no share computed against it (not 161.13%), all listed', () => {
    const grid = edit(sampleGrid(), { D13: 5000, E10: null, E11: null, E12: null });
    const { result, after, unlisted } = fillThenCheck(grid);
    expect(result.patch.writes.map((w) => w.address)).not.toEqual(expect.arrayContaining(['E10']));
    expect(shareSum(after, ['E10', 'E11', 'E12'])).toBe('0.00');
    for (const a of ['E10', 'E11', 'E12']) expect(result.patch.skipped.find((s) => s.address === a)).toMatchObject({ because: 'total-kept', blockedBy: 'D13' });
    expect(because(result.patch, 'D13')).toContain('user-value');
    expect(unlisted).toEqual([]);
  });

  test('--overwrite replaces the typed total and its shares then add to 100.00%', () => {
    const { after, unlisted } = fillThenCheck(edit(sampleGrid(), { D13: 5000 }), { overwrite: true });
    expect(getCell(after, parseA1('D13'))?.value).toBe(7969.25);
    expect(shareSum(after, ['E10', 'E11', 'E12'])).toBe('100.00');
    expect(unlisted).toEqual([]);
  });

  test('--overwrite on the filed example keeps 支出合计 7969.3 (收入合计 agrees) and creates no 收支不相等', () => {
    const { result, after, issues, unlisted } = fillThenCheck(sampleGrid(), { overwrite: true });
    expect(getCell(after, parseA1('D13'))?.value).toBe(7969.3);
    expect(getCell(after, parseA1('G13'))?.value).toBe(10037.9);
    expect(result.patch.skipped.find((s) => s.address === 'D13')).toMatchObject({ because: 'items-likely-wrong', blockedBy: 'D9', wanted: 7969.25 });
    expect(issues.filter((i) => i.rule === 'funding-balance')).toEqual([]);
    const total = issues.find((i) => i.rule === 'funding-total' && toA1(i.cells[0]) === 'D13')!;
    expect(total.messageId).toBe('itemsLikelyWrong');
    expect(total.fix).toBeUndefined();
    expect(unlisted).toEqual([]);
  });

  test('shares a fill wrote beside an amount later cleared are cleared when the fill may replace them', () => {
    const grid = gridOf(cleanForm());
    const first = fill(edit(grid, { D13: null, E10: null, E11: null, E12: null, E13: null }));
    const filled = applyPatch(grid, first.patch);
    const owned = new Map(first.patch.writes.map((w) => [w.address, w.value ?? null]));
    const { result, after, unlisted } = fillThenCheck(edit(filled, { D11: null }), { owned });
    expect(result.patch.writes.find((w) => w.address === 'E11')).toMatchObject({ value: null });
    expect(getCell(after, parseA1('D13'))?.value).toBe(7866.19);
    expect(shareSum(after, ['E10', 'E11', 'E12'])).toBe('100.00');
    expect(unlisted).toEqual([]);
  });
});

// ---------------------------------------------------------------- any damage, any fill

const CURRENT_ITEMS = ['D6', 'D7', 'D8', 'D10', 'D11', 'D12'];
const PRIOR_ITEMS = ['F6', 'F7', 'F8', 'F10', 'F11', 'F12', 'G6', 'G7', 'G8', 'G10', 'G11', 'G12'];
const TOTALS = ['D9', 'D13', 'F9', 'F13', 'G9', 'G13'];
const SHARES = ['E6', 'E7', 'E8', 'E9', 'E10', 'E11', 'E12', 'E13'];

const damage = fc.oneof(
  fc.record({ cell: fc.constantFrom(...CURRENT_ITEMS, ...PRIOR_ITEMS), value: fc.constantFrom<CellValue>(null, '七百万', '754.14万元', '待定', '9.46%') }),
  fc.record({ cell: fc.constantFrom(...CURRENT_ITEMS, ...PRIOR_ITEMS), value: fc.integer({ min: 0, max: 900_000 }).map((c) => c / 100) }),
  fc.record({ cell: fc.constantFrom(...TOTALS), value: fc.oneof(fc.constant<CellValue>(null), fc.constant<CellValue>(7969.3), fc.integer({ min: 0, max: 900_000 }).map((c) => c / 100)) }),
  fc.record({ cell: fc.constantFrom(...SHARES), value: fc.oneof(fc.constant<CellValue>(null), fc.integer({ min: 0, max: 10_000 }).map((c) => c / 10_000)) }),
);

test('property: after any cleared, worded or typed amounts, totals and shares, every arithmetic finding blames a listed cell', () => {
  fc.assert(
    fc.property(fc.array(damage, { minLength: 1, maxLength: 6 }), fc.boolean(), fc.boolean(), (edits, sample, overwrite) => {
      const grid = sample ? sampleGrid() : gridOf(cleanForm());
      for (const e of edits) edit(grid, { [e.cell]: e.value });
      const { unlisted } = fillThenCheck(grid, { overwrite });
      expect({ edits, overwrite, unlisted }).toEqual({ edits, overwrite, unlisted: [] });
    }),
    { numRuns: 150 },
  );
});
