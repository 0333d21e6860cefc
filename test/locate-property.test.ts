/** Property tests of the locator: inserted rows, shuffled projects and random blank rows leave what it finds unchanged. */
import fc from 'fast-check';
import type { Grid } from '../src/grid/types';
import { check } from '../src/engine';
import { locate } from '../src/locate/locate';
import { cleanForm, copyForm, gridOf, paperGrid } from './support/forms';
import { insertRows } from './support/grids';

const semantic = (grid: Grid) => {
  const r = check(grid);
  const form = r.form!;
  return {
    issues: r.issues.map((i) => i.key).sort(),
    projects: form.projects!.rows.length,
    longTerm: form.longTerm!.rows.map((x) => `${x.level1}/${x.level2}/${x.level3}`),
    annual: form.annual!.rows.map((x) => `${x.level1}/${x.level2}/${x.level3}`),
    funding: form.funding!.groups.map((g) => g.items.map((i) => i.key).join(',')),
  };
};

describe('locator properties', () => {
  let paper: Grid;
  let expected: ReturnType<typeof semantic>;
  beforeAll(async () => {
    paper = await paperGrid();
    expected = semantic(paper);
  });

  it('finds the same form and the same findings (by meaning) with blank rows inserted anywhere', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 112 }), { maxLength: 12 }), (rows) => {
        expect(semantic(insertRows(paper, rows))).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('reads shuffled projects as the same projects, and a clean form stays clean', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(cleanForm().projects.map((_, i) => i), { minLength: 8, maxLength: 8 }), (order) => {
        const f = copyForm(cleanForm());
        f.projects = order.map((i) => cleanForm().projects[i]);
        const grid = gridOf(f);
        const { form } = locate(grid);
        expect(form!.projects!.rows).toHaveLength(8);
        expect(check(grid).issues).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it('keeps a clean form clean with blank rows inserted inside its tables', () => {
    const clean = gridOf(cleanForm());
    const base = semantic(clean);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 6, max: 150 }), { maxLength: 8 }), (rows) => {
        expect(semantic(insertRows(clean, rows))).toEqual(base);
      }),
      { numRuns: 60 },
    );
  });
});
