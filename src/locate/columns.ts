/**
 * Which data column a header stands for. In a Word table each row keeps its own cell boundaries, so a
 * header merged over E:F may head amounts merged over D:E. A header is matched to the data cells below it
 * by how much their merged extents overlap (intersection over union), best matches first, each data
 * column given to one header only; ties go to the leftmost column (a header that starts inside a data
 * cell heads that cell). A header with no data below keeps its own column.
 */
import type { CellRef } from '../grid/address';
import type { SheetIndex } from './sheet-index';

interface Extent {
  left: number;
  right: number;
}

/** The extents of the data cells in rows [top, bottom): non-empty cells and merged areas that start there. */
function dataExtents(ix: SheetIndex, top: number, bottom: number, minCol: number): Extent[] {
  // Keyed by number (a sheet has at most 16,384 columns; wider grids fall back to text keys): a long
  // table asks once per cell.
  const seen = new Map<number | string, Extent>();
  const add = (left: number, right: number) => {
    if (left < minCol) return;
    const key = left < 16384 && right < 16384 ? left * 16384 + right : `${left},${right}`;
    if (!seen.has(key)) seen.set(key, { left, right });
  };
  for (let row = top; row < bottom; row++) for (const col of ix.colsOfRow(row)) add(col, ix.rightEdge({ row, col }));
  for (const m of ix.mergesStartingIn(top, bottom - 1)) add(m.left, m.right);
  return [...seen.values()];
}

/**
 * The data column of each header (null stays null). `minCol`: data columns start right of it (the
 * funding table's item labels, which are not data).
 */
export function matchColumns(ix: SheetIndex, headers: (CellRef | null | undefined)[], top: number, bottom: number, minCol = 0): (number | null)[] {
  const extents = dataExtents(ix, top, Math.max(top, bottom), minCol);
  const pairs: { h: number; left: number; score: number }[] = [];
  headers.forEach((ref, h) => {
    if (!ref) return;
    const hl = ref.col;
    const hr = ix.rightEdge(ref);
    for (const e of extents) {
      const inter = Math.min(hr, e.right) - Math.max(hl, e.left) + 1;
      if (inter <= 0) continue;
      const union = Math.max(hr, e.right) - Math.min(hl, e.left) + 1;
      pairs.push({ h, left: e.left, score: inter / union });
    }
  });
  pairs.sort((a, b) => b.score - a.score || a.h - b.h || a.left - b.left);
  const out: (number | null)[] = headers.map(() => null);
  const claimed = new Set<number>();
  for (const p of pairs) {
    if (out[p.h] !== null || claimed.has(p.left)) continue;
    out[p.h] = p.left;
    claimed.add(p.left);
  }
  return headers.map((ref, h) => (ref ? (out[h] ?? ref.col) : null));
}
