/** Building and reading grids. Pure functions; grids are never mutated in place by the engine. */
import { cellKey, type CellRef, type RangeRef } from './address';
import type { Cell, CellValue, Grid } from './types';

export function emptyGrid(sheetName = 'Sheet1'): Grid {
  return { sheetName, cells: new Map(), merges: [], rowCount: 0, colCount: 0 };
}

export function getCell(grid: Grid, ref: CellRef): Cell | undefined {
  return grid.cells.get(cellKey(ref));
}

export function getValue(grid: Grid, ref: CellRef): CellValue {
  return grid.cells.get(cellKey(ref))?.value ?? null;
}

/** Sets a cell in place; for builders (template writer, adapters, tests), not for the engine's stages. */
export function setCell(grid: Grid, ref: CellRef, cell: Cell): void {
  grid.cells.set(cellKey(ref), cell);
  if (ref.row + 1 > grid.rowCount) grid.rowCount = ref.row + 1;
  if (ref.col + 1 > grid.colCount) grid.colCount = ref.col + 1;
}

/** A grid from rows of values (row 0 = sheet row 1), handy for tests and fixtures. */
export function gridFromRows(rows: CellValue[][], sheetName = 'Sheet1', origin: CellRef = { row: 0, col: 0 }): Grid {
  const grid = emptyGrid(sheetName);
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== null && value !== '') setCell(grid, { row: origin.row + r, col: origin.col + c }, { value });
    }),
  );
  return grid;
}

export function cloneGrid(grid: Grid): Grid {
  const cells = new Map<string, Cell>();
  for (const [k, v] of grid.cells) cells.set(k, { ...v });
  return { ...grid, cells, merges: grid.merges.map((m) => ({ ...m })) };
}

/** The merged area that contains `ref`, if any. */
export function mergeAt(grid: Grid, ref: CellRef): RangeRef | undefined {
  return grid.merges.find((m) => ref.row >= m.top && ref.row <= m.bottom && ref.col >= m.left && ref.col <= m.right);
}

export function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}
