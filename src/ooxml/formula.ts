/**
 * Shared formulas: Excel stores the formula once, on the first cell of the group, and each other cell says
 * only "same as si N" (ECMA-376 Part 1, 18.3.1.40 f). A cell's own formula is the master's with every
 * relative reference moved by the cell's offset from the master; $-anchored parts stay.
 */
import { columnIndex, columnName } from '../grid/address';

// A1 references outside string literals: not part of a longer name, not a function call (LOG10( is no cell).
const REF = /(?<![\w.$])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\w(!])/g;

export function translateFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  // Split off string literals ("…", with "" inside) and quoted sheet names ('…'), which are never moved.
  return formula
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(REF, (whole, colAbs: string, col: string, rowAbs: string, row: string) => {
            const c = colAbs ? columnIndex(col) : columnIndex(col) + dCol;
            const r = rowAbs ? Number(row) : Number(row) + dRow;
            if (c < 0 || r < 1 || c > 16383) return '#REF!';
            return `${colAbs}${columnName(c)}${rowAbs}${r}`;
          }),
    )
    .join('');
}
