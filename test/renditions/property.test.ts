/**
 * Property tests: the findings on the filed form do not change, by meaning, when the form is handed over
 * the way other programs hand it over: a multi-line label split over two rows, a header one column right
 * of its data over merged data cells, the whole form pasted anywhere on the sheet.
 */
import fc from 'fast-check';
import { check } from '../../src/engine';
import { emptyGrid, setCell } from '../../src/grid/grid';
import type { CellRef } from '../../src/grid/address';
import type { Grid } from '../../src/grid/types';
import { locate } from '../../src/locate/locate';
import { paperGrid } from '../support/forms';
import { insertRows } from '../support/grids';

let paper: Grid;
let baseline: string[];

/** Findings by meaning; a cell the key cannot name by meaning counts by its rule and message only. */
function findings(grid: Grid): string[] {
  return check(grid)
    .issues.map((i) => i.key!.replace(/cell:[A-Z]+\d+/g, 'cell'))
    .sort();
}

beforeAll(async () => {
  paper = await paperGrid();
  baseline = findings(paper);
});

function moved(grid: Grid, dr: number, dc: number): Grid {
  const out = emptyGrid(grid.sheetName);
  for (const [key, cell] of grid.cells) {
    const [r, c] = key.split(',').map(Number);
    setCell(out, { row: r + dr, col: c + dc }, { ...cell });
  }
  out.merges = grid.merges.map((m) => ({ top: m.top + dr, bottom: m.bottom + dr, left: m.left + dc, right: m.right + dc }));
  return out;
}

/** Inserts a blank column before `before`; merges that span it widen. */
function insertColumn(grid: Grid, before: number): Grid {
  const out = emptyGrid(grid.sheetName);
  const shift = (c: number) => (c >= before ? c + 1 : c);
  for (const [key, cell] of grid.cells) {
    const [r, c] = key.split(',').map(Number);
    setCell(out, { row: r, col: shift(c) }, { ...cell });
  }
  out.merges = grid.merges.map((m) => ({ ...m, left: shift(m.left), right: shift(m.right) }));
  return out;
}

// ---------------------------------------------------------------- split labels

/** Every label cell holding a line break (部门（单位）\n名称, 收入\n构成, 一级\n指标, 运行\n成本, …). */
function multiLineLabels(grid: Grid): CellRef[] {
  return [...grid.cells.entries()]
    .filter(([, c]) => typeof c.value === 'string' && c.value.includes('\n') && c.value.length <= 16)
    .map(([k]) => {
      const [row, col] = k.split(',').map(Number);
      return { row, col };
    })
    .sort((a, b) => a.row - b.row || a.col - b.col);
}

/**
 * As a pasted Word table: the label's first line stays, its second line goes to the row below. A label
 * merged over several rows is unmerged into its rows; a one-row label gets a row inserted below it.
 */
function splitLabel(grid: Grid, ref: CellRef): Grid {
  const text = grid.cells.get(`${ref.row},${ref.col}`)!.value as string;
  const [first, ...rest] = text.split('\n');
  const merge = grid.merges.find((m) => m.top === ref.row && m.left === ref.col);
  let out: Grid;
  if (merge && merge.bottom > merge.top) {
    out = { ...grid, cells: new Map(grid.cells), merges: grid.merges.filter((m) => m !== merge) };
    out.merges.push({ ...merge, bottom: merge.top }, { ...merge, top: merge.top + 1 });
  } else {
    out = insertRows(grid, [ref.row + 1]);
  }
  setCell(out, ref, { value: first });
  setCell(out, { row: ref.row + 1, col: ref.col }, { value: rest.join('') });
  return out;
}

// ---------------------------------------------------------------- headers a column off

interface HeaderSpot {
  header: CellRef;
  dataRows: number[];
}

/** The headers whose data columns the locator matches, with the rows of data under each. */
function headerSpots(grid: Grid): HeaderSpot[] {
  const form = locate(grid).form!;
  const spots: HeaderSpot[] = [];
  const f = form.funding!;
  const fundingRows = f.groups.flatMap((g) => [...g.items, ...(g.total ? [g.total] : [])].map((r) => r.row));
  spots.push({ header: f.currentHeader, dataRows: fundingRows });
  if (f.shareHeader) spots.push({ header: f.shareHeader, dataRows: fundingRows });
  for (const p of f.priorCols) spots.push({ header: p.header, dataRows: fundingRows });
  for (const t of [form.longTerm!, form.annual!]) {
    const rows = t.rows.map((r) => r.row);
    for (const col of [t.cols.level3, t.cols.value, t.cols.basis, t.cols.category]) {
      if (col === null) continue;
      const header = [...grid.cells.keys()]
        .map((k) => k.split(',').map(Number))
        .filter(([r, c]) => c === col && r >= t.headerRow && r < rows[0])
        .map(([row, c]) => ({ row, col: c }))
        .pop();
      if (header) spots.push({ header, dataRows: rows });
    }
  }
  return spots;
}

/**
 * A column inserted right of the header's column; the data cells below are merged over both columns
 * and the header moves to the new column: it now sits over the right half of its data.
 */
function shiftHeader(grid: Grid, spot: HeaderSpot): Grid {
  const c = spot.header.col;
  const out = insertColumn(grid, c + 1);
  const headerMerge = out.merges.find((m) => m.top === spot.header.row && m.left === c);
  const cell = out.cells.get(`${spot.header.row},${c}`)!;
  out.cells.delete(`${spot.header.row},${c}`);
  setCell(out, { row: spot.header.row, col: c + 1 }, cell);
  if (headerMerge) {
    headerMerge.left = c + 1;
    headerMerge.right = Math.max(headerMerge.right, c + 1);
  }
  for (const row of spot.dataRows) {
    const existing = out.merges.find((m) => row >= m.top && row <= m.bottom && c >= m.left && c <= m.right);
    if (existing) existing.right = Math.max(existing.right, c + 1);
    else out.merges.push({ top: row, bottom: row, left: c, right: c + 1 });
  }
  return out;
}

// ---------------------------------------------------------------- properties

describe('findings by meaning survive renditions', () => {
  it('the filed form has the findings this compares (a baseline that can fail)', () => {
    expect(baseline.length).toBeGreaterThanOrEqual(14);
    expect(multiLineLabels(paper).length).toBeGreaterThanOrEqual(10);
  });

  it('splitting any multi-line label over two rows', () => {
    const labels = multiLineLabels(paper);
    fc.assert(
      fc.property(fc.subarray(labels, { minLength: 1 }), (chosen) => {
        // Split from the bottom up so the rows of the labels above stay where they are.
        let grid = paper;
        for (const ref of [...chosen].sort((a, b) => b.row - a.row)) grid = splitLabel(grid, ref);
        expect(findings(grid)).toEqual(baseline);
      }),
      { numRuns: 25 },
    );
  });

  it('shifting a header by one column over merged data cells', () => {
    const spots = headerSpots(paper);
    expect(spots.length).toBeGreaterThanOrEqual(10);
    fc.assert(
      fc.property(fc.constantFrom(...spots), (spot) => {
        expect(findings(shiftHeader(paper, spot))).toEqual(baseline);
      }),
      { numRuns: 30 },
    );
  });

  it('pasting the whole form at any offset', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 20 }), (dr, dc) => {
        expect(findings(moved(paper, dr, dc))).toEqual(baseline);
      }),
      { numRuns: 25 },
    );
  });

  it('all three at once', () => {
    const labels = multiLineLabels(paper);
    fc.assert(
      fc.property(fc.constantFrom(...labels), fc.nat(), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 6 }), (label, pick, dr, dc) => {
        const split = splitLabel(paper, label);
        const spots = headerSpots(split);
        const grid = moved(shiftHeader(split, spots[pick % spots.length]), dr, dc);
        expect(findings(grid)).toEqual(baseline);
      }),
      { numRuns: 15 },
    );
  });
});
