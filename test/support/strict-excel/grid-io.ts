/**
 * Moving plain grids (src/grid/types) in and out of a fake sheet, and a flat, comparable snapshot of a sheet
 * for before/after assertions ("cell for cell": value, formula, number format, fill, note, style).
 */
import type { Cell, CellValue, Grid } from '../../../src/grid/types';
import { cellA1, parseRect, type Rect } from './a1';
import { cellFor, rememberFormula, tidy, type CellState, type FillState, type SheetState, type StyleState } from './model';

export interface LoadGridOptions {
  /** Fills to paint, by A1 address, as '#RRGGBB' or a full FillState. */
  fills?: Record<string, string | FillState>;
  /** Notes to attach, by A1 address. */
  notes?: Record<string, string>;
}

export function loadGridInto(sheet: SheetState, grid: Grid, options: LoadGridOptions = {}): void {
  sheet.cells.clear();
  sheet.formulaMemo = {};
  for (const [k, cell] of grid.cells) {
    const [row, col] = k.split(',').map(Number);
    const c = cellFor(sheet, row, col);
    c.value = cell.value ?? null;
    if (cell.formula) {
      c.formula = cell.formula;
      rememberFormula(sheet, row, col, cell.formula, c.value);
    }
    if (cell.numberFormat && cell.numberFormat !== 'General') c.numberFormat = cell.numberFormat;
    if (cell.note) c.note = { content: cell.note, author: 'Test' };
    tidy(sheet, row, col);
  }
  sheet.merges = grid.merges.map((m) => ({ ...m }));
  for (const [addr, fill] of Object.entries(options.fills ?? {})) {
    const r = parseRect(addr);
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        cellFor(sheet, row, col).fill = typeof fill === 'string' ? { color: fill.toUpperCase() } : { ...fill };
      }
    }
  }
  for (const [addr, content] of Object.entries(options.notes ?? {})) {
    const r = parseRect(addr);
    cellFor(sheet, r.top, r.left).note = { content, author: 'Test' };
  }
}

export interface SheetExport {
  grid: Grid;
  fills: Record<string, FillState>;
  notes: Record<string, string>;
  comments: Record<string, string>;
}

export function exportSheet(sheet: SheetState): SheetExport {
  const grid: Grid = { sheetName: sheet.name, cells: new Map(), merges: sheet.merges.map((m: Rect) => ({ ...m })), rowCount: 0, colCount: 0 };
  const fills: Record<string, FillState> = {};
  const notes: Record<string, string> = {};
  const comments: Record<string, string> = {};
  for (const [k, c] of sheet.cells) {
    const [row, col] = k.split(',').map(Number);
    const a1 = cellA1(row, col);
    if (c.fill) fills[a1] = { ...c.fill };
    if (c.note) notes[a1] = c.note.content;
    if (c.comment) comments[a1] = c.comment.content;
    if (c.value === null && !c.formula && !c.numberFormat && !c.note) continue;
    const cell: Cell = { value: c.value as CellValue };
    if (c.formula) cell.formula = c.formula;
    if (c.numberFormat) cell.numberFormat = c.numberFormat;
    if (c.note) cell.note = c.note.content;
    grid.cells.set(k, cell);
    grid.rowCount = Math.max(grid.rowCount, row + 1);
    grid.colCount = Math.max(grid.colCount, col + 1);
  }
  return { grid, fills, notes, comments };
}

export interface CellSnapshot {
  address: string;
  value: CellState['value'];
  formula?: string;
  numberFormat?: string;
  fill?: FillState;
  note?: string;
  comment?: string;
  style?: StyleState;
}

/** Every non-empty cell of the sheet in row-major order, as plain data for toEqual. */
export function snapshotSheet(sheet: SheetState): CellSnapshot[] {
  return [...sheet.cells.entries()]
    .map(([k, c]) => {
      const [row, col] = k.split(',').map(Number);
      const snap: CellSnapshot = { address: cellA1(row, col), value: c.value };
      if (c.formula) snap.formula = c.formula;
      if (c.numberFormat) snap.numberFormat = c.numberFormat;
      if (c.fill) snap.fill = { ...c.fill };
      if (c.note) snap.note = c.note.content;
      if (c.comment) snap.comment = c.comment.content;
      if (c.style) snap.style = JSON.parse(JSON.stringify(c.style)) as StyleState;
      return { row, col, snap };
    })
    .sort((a, b) => a.row - b.row || a.col - b.col)
    .map((x) => x.snap);
}
