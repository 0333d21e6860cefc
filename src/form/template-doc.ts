/**
 * What the template writer produces: a grid plus the presentation that makes it print like the paper form.
 * Plain data; the ExcelJS adapter writes it to a file, the Office.js adapter to a new worksheet.
 */
import type { Grid } from '../grid/types';

export interface CellStyle {
  bold?: boolean;
  fontSize?: number;
  wrap?: boolean;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle' | 'bottom';
  border?: boolean;
  /** Light fill for label cells, as #RRGGBB. */
  fill?: string;
}

export interface ListValidation {
  /** A1 range, e.g. "C17:C36". */
  range: string;
  list: string[];
}

export interface DefinedName {
  name: string;
  /** A1 address of a cell or range on the template sheet. */
  address: string;
}

export interface TemplateDoc {
  grid: Grid;
  /** Styles by A1 range; later entries refine earlier ones. */
  styles: { range: string; style: CellStyle }[];
  /** Widths in Excel character units, by column index. */
  columnWidths: number[];
  /** Heights in points, by zero-based row index, where a row needs more than the default. */
  rowHeights: Record<number, number>;
  validations: ListValidation[];
  names: DefinedName[];
  page: {
    paperSize: 'A4';
    orientation: 'portrait' | 'landscape';
    fitToWidth: 1;
    printArea: string;
    /** Rows repeated at the top of each printed page, e.g. "1:2". */
    printTitleRows?: string;
  };
}
