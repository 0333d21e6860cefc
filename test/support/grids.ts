/** Grid edits as a user makes them in Excel, for locator tests. */
import { emptyGrid, setCell } from '../../src/grid/grid';
import type { Grid } from '../../src/grid/types';

/** Blank rows inserted before the given sheet rows (zero-based): cells and merged areas move down. */
export function insertRows(grid: Grid, before: number[]): Grid {
  const out = emptyGrid(grid.sheetName);
  const shift = (r: number) => r + before.filter((b) => b <= r).length;
  for (const [key, cell] of grid.cells) {
    const [r, c] = key.split(',').map(Number);
    setCell(out, { row: shift(r), col: c }, { ...cell });
  }
  out.merges = grid.merges.map((m) => ({ ...m, top: shift(m.top), bottom: shift(m.bottom) }));
  return out;
}
