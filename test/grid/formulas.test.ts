/** Formulas without a stored result, computed on the grid: SUM over ranges, + and −, references, numbers. */
import { computeMissingResults } from '../../src/grid/formulas';
import { emptyGrid, getCell, setCell } from '../../src/grid/grid';
import { parseA1, toA1 } from '../../src/grid/address';
import type { Cell, Grid } from '../../src/grid/types';

function grid(cells: Record<string, Cell>): Grid {
  const g = emptyGrid();
  for (const [a1, cell] of Object.entries(cells)) setCell(g, parseA1(a1), cell);
  return g;
}
const v = (value: number | string | null, formula?: string): Cell => (formula ? { value, formula } : { value });

describe('computeMissingResults', () => {
  it('computes SUM over a range and a list, + and −, through formulas that depend on formulas; the formula text stays', () => {
    const g = grid({ D6: v(7969.3), D7: v(null), D8: v('文本'), D9: v(null, '=SUM(D6:D8)'), E1: v(0.1), E2: v(0.2), E3: v(null, '=E1+E2'), F1: v(null, '=sum(D9, E3, 1)-D6'), F2: v(null, '=-(F1-1)*2/4') });
    const out = computeMissingResults(g);
    expect(getCell(out.grid, parseA1('D9'))).toEqual({ value: 7969.3, formula: '=SUM(D6:D8)' });
    expect(getCell(out.grid, parseA1('E3'))!.value).toBe(0.3); // decimal, not 0.30000000000000004
    expect(getCell(out.grid, parseA1('F1'))!.value).toBe(1.3);
    expect(getCell(out.grid, parseA1('F2'))!.value).toBe(-0.15);
    expect(out.computed.map(toA1).sort()).toEqual(['D9', 'E3', 'F1', 'F2']);
    expect(out.uncomputed).toEqual([]);
    expect(getCell(g, parseA1('D9'))!.value).toBeNull(); // the input grid is not changed
  });

  it('leaves formulas beyond it empty and lists them: lookups, other sheets, circles, division by zero', () => {
    const g = grid({ A1: v(null, '=VLOOKUP(B1,C:D,2,FALSE)'), A2: v(null, "='Sheet 2'!A1"), A3: v(null, '=A4+1'), A4: v(null, '=A3+1'), A5: v(null, '=1/0'), A6: v(null, '=A1+1') });
    const out = computeMissingResults(g);
    expect(out.computed).toEqual([]);
    expect(out.uncomputed.map(toA1).sort()).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6']);
    expect(getCell(out.grid, parseA1('A1'))!.value).toBeNull();
  });

  it('never touches a formula that has its result, and returns the same grid when nothing is missing', () => {
    const g = grid({ A1: v(5, '=SUM(B1:B2)'), B1: v(1) });
    const out = computeMissingResults(g);
    expect(out.grid).toBe(g);
    expect(getCell(out.grid, parseA1('A1'))!.value).toBe(5);
  });
});
