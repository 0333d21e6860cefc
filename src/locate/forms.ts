/**
 * Several forms on one sheet: each starts at its title (or, without titles, at its 填报日期). The sheet is
 * cut into bands, one per form, each band a grid with the sheet's own coordinates, so findings and patches
 * address the sheet as it is.
 */
import { normalizeLabel } from '../form/labels';
import { FORM_TITLES } from '../form/spec';
import type { Grid } from '../grid/types';

const TITLES = new Set(FORM_TITLES.map(normalizeLabel));

function startRows(grid: Grid): number[] {
  const titles: number[] = [];
  const dates: number[] = [];
  for (const [key, cell] of grid.cells) {
    if (typeof cell.value !== 'string') continue;
    const norm = normalizeLabel(cell.value);
    const row = Number(key.slice(0, key.indexOf(',')));
    if (TITLES.has(norm)) titles.push(row);
    else if (norm.startsWith('填报日期')) dates.push(row);
  }
  const rows = titles.length >= 2 ? titles : dates.length >= 2 ? dates : [];
  return [...new Set(rows)].sort((a, b) => a - b);
}

/** The sheet's forms as bands of rows; a sheet with one form (or none) comes back whole. */
export function splitForms(grid: Grid): Grid[] {
  const starts = startRows(grid);
  if (starts.length < 2) return [grid];
  return starts.map((top, i) => {
    const bottom = starts[i + 1] ?? grid.rowCount; // exclusive
    const first = i === 0 ? 0 : top;
    const cells = new Map([...grid.cells].filter(([key]) => {
      const row = Number(key.slice(0, key.indexOf(',')));
      return row >= first && row < bottom;
    }));
    const merges = grid.merges.filter((m) => m.top >= first && m.top < bottom);
    return { ...grid, cells, merges, rowCount: bottom };
  });
}

/** The top-left cell of what a band holds: its first row with content, and the leftmost column used. */
export function topLeft(grid: Grid): { row: number; col: number } {
  let row = Infinity;
  let col = Infinity;
  for (const [key, cell] of grid.cells) {
    if (cell.value === null || cell.value === '') continue;
    const comma = key.indexOf(',');
    row = Math.min(row, Number(key.slice(0, comma)));
    col = Math.min(col, Number(key.slice(comma + 1)));
  }
  return Number.isFinite(row) ? { row, col } : { row: 0, col: 0 };
}
