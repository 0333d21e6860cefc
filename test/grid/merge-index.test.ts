/** The merge index answers as a scan of the merge list does: same area, same order, tall and overlapping areas too. */
import fc from 'fast-check';
import type { CellRef, RangeRef } from '../../src/grid/address';
import { MergeIndex } from '../../src/grid/merge-index';

const contains = (m: RangeRef, ref: CellRef) => ref.row >= m.top && ref.row <= m.bottom && ref.col >= m.left && ref.col <= m.right;

/** Areas from one cell to a few hundred rows tall (past the index's 64-row blocks), overlapping at random. */
const area = fc
  .record({ top: fc.nat(400), left: fc.nat(8), height: fc.oneof(fc.nat(3), fc.nat(300)), width: fc.nat(3) })
  .map(({ top, left, height, width }): RangeRef => ({ top, left, bottom: top + height, right: left + width }));
const cell = fc.record({ row: fc.nat(800), col: fc.nat(12) });

describe('MergeIndex', () => {
  it('finds the first area holding a cell, as Array.find over the list does', () => {
    fc.assert(
      fc.property(fc.array(area, { maxLength: 40 }), fc.array(cell, { minLength: 1, maxLength: 60 }), (merges, cells) => {
        const ix = new MergeIndex(merges);
        for (const ref of cells) {
          expect(ix.at(ref)).toBe(merges.find((m) => contains(m, ref)));
          expect(ix.some(ref, (m) => m.right > m.left)).toBe(merges.some((m) => contains(m, ref) && m.right > m.left));
        }
      }),
    );
  });

  it('lists the areas starting in a band of rows in the list order', () => {
    fc.assert(
      fc.property(fc.array(area, { maxLength: 40 }), fc.nat(500), fc.nat(200), (merges, top, height) => {
        const got = new MergeIndex(merges).startingIn(top, top + height);
        expect(got).toEqual(merges.filter((m) => m.top >= top && m.top <= top + height));
        got.forEach((m, i) => i > 0 && expect(merges.indexOf(m)).toBeGreaterThan(merges.indexOf(got[i - 1])));
      }),
    );
  });

  it('finds a cell deep inside an area down a whole long table, and nothing beside it', () => {
    const tall = { top: 119, left: 0, bottom: 100024, right: 0 };
    const ix = new MergeIndex([{ top: 5, left: 1, bottom: 5, right: 3 }, tall]);
    expect(ix.at({ row: 54321, col: 0 })).toBe(tall);
    expect(ix.at({ row: 54321, col: 1 })).toBeUndefined();
    expect(ix.at({ row: 100025, col: 0 })).toBeUndefined();
    expect(ix.at({ row: 5, col: 2 })).toEqual({ top: 5, left: 1, bottom: 5, right: 3 });
  });
});
