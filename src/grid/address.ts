/** A1 addresses <-> zero-based row/column indices. No Excel, no files. */

export interface CellRef {
  row: number; // zero-based
  col: number; // zero-based
}

export interface RangeRef {
  top: number;
  left: number;
  bottom: number; // inclusive
  right: number; // inclusive
}

export function columnName(col: number): string {
  let n = col + 1;
  let name = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

export function columnIndex(name: string): number {
  let n = 0;
  for (const ch of name.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function toA1(ref: CellRef): string {
  return `${columnName(ref.col)}${ref.row + 1}`;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

export function parseA1(address: string): CellRef {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const m = CELL_RE.exec(bare.trim());
  if (!m) throw new Error(`Not a cell address: ${address}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

export function parseRange(address: string): RangeRef {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [a, b] = bare.split(':');
  const start = parseA1(a);
  const end = b ? parseA1(b) : start;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

export function rangeToA1(range: RangeRef): string {
  const a = toA1({ row: range.top, col: range.left });
  if (range.top === range.bottom && range.left === range.right) return a;
  return `${a}:${toA1({ row: range.bottom, col: range.right })}`;
}

export function sameCell(a: CellRef, b: CellRef): boolean {
  return a.row === b.row && a.col === b.col;
}

export function cellKey(ref: CellRef): string {
  return `${ref.row},${ref.col}`;
}
