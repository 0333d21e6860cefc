/**
 * Plain cells, as both Office.js (`range.values`, `formulas`, `numberFormat`) and ExcelJS can give them.
 * The engine only ever sees these types.
 */
import type { CellRef, RangeRef } from './address';

/** An Excel error value such as #REF! or #DIV/0!, kept apart from text that merely looks like one. */
export interface CellError {
  error: string;
}

export type CellValue = string | number | boolean | CellError | null;

export interface Cell {
  value: CellValue;
  /** Formula text with its leading '=', when the cell holds one. */
  formula?: string;
  /** Excel number format code; absent or 'General' for none. */
  numberFormat?: string;
  /** A cell note (comment), where the source gives them. */
  note?: string;
}

/** One worksheet's cells, stored sparsely by position. */
export interface Grid {
  sheetName: string;
  /** Cells by `cellKey` (row,col zero-based). Empty cells may be missing. */
  cells: Map<string, Cell>;
  merges: RangeRef[];
  /** One past the last used row / column. */
  rowCount: number;
  colCount: number;
}

export type { CellRef, RangeRef };

export function isCellError(v: CellValue | undefined): v is CellError {
  return typeof v === 'object' && v !== null && 'error' in v;
}
