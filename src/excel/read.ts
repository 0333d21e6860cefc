/**
 * Reading a worksheet into a Grid: the cells that hold values or formulas (their values, formulas, number
 * formats and value types), plus (where the host has them) merged areas, and the sheet's protection so that
 * writers can refuse before touching anything.
 *
 * Bounded reads. Excel on the web refuses requests and responses over 5 MB, and on every platform a read
 * of more than five million cells returns null or fails
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins,
 * https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices,
 * office-js#4783, #6781). Government workbooks are often formatted down to row 65,536 or 1,048,576, so the
 * used range that counts formatting can be millions of empty cells. The read therefore asks for the used
 * range of values only (ExcelApi 1.2), which ends at the last cell with content, and loads it in the first
 * sync. Should that come back null or fail, the cells are read again in row blocks of at most
 * BLOCK_CELLS cells, one block per sync (the pattern the large-range article recommends:
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-large); a block refused as too
 * large is halved. A sheet whose content alone exceeds MAX_SHEET_CELLS is reported as too large.
 */
import { parseA1, parseRange, rangeToA1 } from '../grid/address';
import { emptyGrid, getCell, setCell } from '../grid/grid';
import type { Cell, Grid } from '../grid/types';
import { fromExcel, splitAreaAddress } from './cells';
import { AdapterError, isCellEditError, toAdapterError } from './errors';
import { capabilities, runOptions, SyncCounter, type Caps, type ExcelHost } from './host';
import { queueNoteSpots, type NoteSpot } from './notes';

/** Cells per block read when the whole used range cannot come in one response (four arrays per cell). */
export const BLOCK_CELLS = 40_000;
/** Content beyond this many cells is not a declaration form; the read stops with a clear message. */
export const MAX_SHEET_CELLS = 2_000_000;

export interface SheetSnapshot {
  grid: Grid;
  sheetId: string;
  sheetName: string;
  /** undefined on ExcelApi 1.1, which cannot tell. */
  protected: boolean | undefined;
  /** The rectangle read (0-based, inclusive), or null for a blank sheet. */
  bounds: { top: number; left: number; bottom: number; right: number } | null;
  /** How many notes the sheet has, when asked for (ExcelApi 1.18). */
  noteCount?: number;
}

export interface QueuedRead {
  worksheet: Excel.Worksheet;
  /** Completes the read: block reads (more syncs) only when the first response could not carry the cells. */
  finish(ctx: Excel.RequestContext, counter: SyncCounter): Promise<SheetSnapshot>;
}

export function worksheetOf(ctx: Excel.RequestContext, sheet?: string): Excel.Worksheet {
  return sheet ? ctx.workbook.worksheets.getItem(sheet) : ctx.workbook.worksheets.getActiveWorksheet();
}

/** Adds a rectangle of loaded cells to a grid (shared by the full read and the patch pre-read). */
export function addCells(
  grid: Grid,
  origin: { row: number; col: number },
  values: unknown[][],
  formulas: unknown[][],
  numberFormat: unknown[][],
  valueTypes: string[][],
): void {
  for (let r = 0; r < values.length; r++) {
    for (let c = 0; c < values[r].length; c++) {
      const f = formulas[r]?.[c];
      const formula = typeof f === 'string' && f.startsWith('=') ? f : undefined;
      const value = fromExcel(values[r][c], valueTypes[r]?.[c]);
      const nf = numberFormat[r]?.[c];
      const fmt = typeof nf === 'string' && nf !== '' && nf !== 'General' ? nf : undefined;
      // Empty cells are kept when they carry a number format: an undo must put that format back.
      if (value === null && !formula && !fmt) continue;
      const cell: Cell = { value };
      if (formula) cell.formula = formula;
      if (fmt) cell.numberFormat = fmt;
      setCell(grid, { row: origin.row + r, col: origin.col + c }, cell);
    }
  }
}

const CELL_PROPS = 'values,formulas,numberFormat,valueTypes';
const SHAPE = 'rowIndex,columnIndex,rowCount,columnCount';

function loaded(r: Excel.Range): boolean {
  try {
    return Array.isArray(r.values) && Array.isArray(r.formulas) && Array.isArray(r.numberFormat) && Array.isArray(r.valueTypes);
  } catch {
    return false; // not loaded (the light read)
  }
}

function isTooLarge(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded' || code === 'RangeExceedsLimit';
}

/** Reads a rectangle of cells in row blocks, one sync each; a block refused as too large is halved. */
async function readBlocks(
  ctx: Excel.RequestContext,
  counter: SyncCounter,
  ws: Excel.Worksheet,
  grid: Grid,
  shape: { row: number; col: number; rows: number; cols: number },
): Promise<void> {
  let rowsPer = Math.max(1, Math.floor(BLOCK_CELLS / shape.cols));
  for (let done = 0; done < shape.rows; ) {
    const rows = Math.min(rowsPer, shape.rows - done);
    const block = ws.getRange(rangeToA1({ top: shape.row + done, left: shape.col, bottom: shape.row + done + rows - 1, right: shape.col + shape.cols - 1 }));
    block.load('values,formulas,numberFormat,valueTypes');
    try {
      await counter.sync(ctx);
    } catch (e) {
      if (!isTooLarge(e) || rows === 1) throw e;
      rowsPer = Math.max(1, Math.floor(rows / 2));
      continue;
    }
    if (!loaded(block)) throw new AdapterError('sheet-too-large', { cells: String(rows * shape.cols), limit: String(BLOCK_CELLS) });
    addCells(grid, { row: shape.row + done, col: shape.col }, block.values, block.formulas, block.numberFormat, block.valueTypes);
    done += rows;
  }
}

/**
 * How much a read attempt carries: 0 everything; 1 no merged areas (Excel refuses to list more than 512);
 * 2 only the used range's shape, the cells then coming in blocks (a response too large).
 */
export type ReadLevel = 0 | 1 | 2;

/**
 * Queues the read of a sheet at a `level` (see ReadLevel); `finish` reads the cells in blocks at level 2. Merged areas need
 * ExcelApi 1.13; the used range of values only needs 1.2 (1.1 hosts, which are desktop Excel 2016 without
 * the web's payload limit, read the plain used range).
 */
export function queueSheetRead(
  ctx: Excel.RequestContext,
  caps: Caps,
  target: { sheet?: string },
  plan: { merges: boolean; notes?: boolean; level?: ReadLevel },
): QueuedRead {
  const level = plan.level ?? 0;
  const ws = worksheetOf(ctx, target.sheet);
  ws.load(caps.v1_2 ? 'id,name,protection/protected' : 'id,name');
  const used = caps.v1_2 ? ws.getUsedRange(true) : ws.getUsedRange();
  used.load(level === 2 ? SHAPE : `${SHAPE},${CELL_PROPS}`);
  const merged = plan.merges && level === 0 && caps.mergedAreas ? used.getMergedAreasOrNullObject() : undefined;
  merged?.load('address');
  // Where notes are cannot be read in the same sync (a note has no address, only getLocation()); the count
  // tells whether a second sync is needed at all.
  const noteCount = plan.notes && caps.notes ? ws.notes.getCount() : undefined;

  return {
    worksheet: ws,
    async finish(c: Excel.RequestContext, counter: SyncCounter): Promise<SheetSnapshot> {
      const grid = emptyGrid(ws.name);
      const shape = { row: used.rowIndex, col: used.columnIndex, rows: used.rowCount, cols: used.columnCount };
      const cells = shape.rows * shape.cols;
      if (loaded(used)) addCells(grid, { row: shape.row, col: shape.col }, used.values, used.formulas, used.numberFormat, used.valueTypes);
      else {
        if (cells > MAX_SHEET_CELLS) throw new AdapterError('sheet-too-large', { cells: String(cells), limit: String(MAX_SHEET_CELLS) });
        await readBlocks(c, counter, ws, grid, shape);
      }
      if (merged && !merged.isNullObject) grid.merges = splitAreaAddress(merged.address).map((a) => parseRange(a));
      const blank = cells === 1 && grid.cells.size === 0;
      return {
        grid,
        sheetId: ws.id,
        sheetName: ws.name,
        protected: caps.v1_2 ? ws.protection.protected : undefined,
        bounds: blank ? null : { top: shape.row, left: shape.col, bottom: shape.row + shape.rows - 1, right: shape.col + shape.cols - 1 },
        noteCount: noteCount?.value,
      };
    },
  };
}

/**
 * Syncs a first read, stepping down a level each time Excel refuses it: without merged areas (more than
 * 512 of them fail the call), then with the cells left to block reads (a response over the web's 5 MB).
 * A refusal for size goes straight to block reads. A batch refused for cell-edit mode is not retried.
 */
export async function syncFirst<T>(ctx: Excel.RequestContext, counter: SyncCounter, build: (level: ReadLevel) => T): Promise<T> {
  let level: ReadLevel = 0;
  for (;;) {
    const attempt = build(level);
    try {
      await counter.sync(ctx);
      return attempt;
    } catch (e) {
      if (isCellEditError(e) || level === 2) throw e;
      level = isTooLarge(e) ? 2 : ((level + 1) as ReadLevel);
    }
  }
}

/** Puts notes on the grid's cells (creating empty cells where a note sits alone), as the .xlsx reader does. */
export function attachNotes(grid: Grid, spots: NoteSpot[]): void {
  for (const s of spots) {
    const ref = parseA1(s.address);
    const cell = getCell(grid, ref);
    if (cell) cell.note = s.content;
    else setCell(grid, ref, { value: null, note: s.content });
  }
}

/**
 * Reads the sheet and, when asked and the sheet has any, its notes (ExcelApi 1.18; a second sync).
 * Returns the snapshot and the notes found, so writers can update or delete them.
 */
export async function readWithNotes(
  ctx: Excel.RequestContext,
  counter: SyncCounter,
  caps: Caps,
  target: { sheet?: string },
  plan: { notes: boolean },
): Promise<{ read: QueuedRead; snap: SheetSnapshot; notes: NoteSpot[] }> {
  const read = await syncFirst(ctx, counter, (level) => queueSheetRead(ctx, caps, target, { ...plan, merges: true, level }));
  const snap = await read.finish(ctx, counter);
  let notes: NoteSpot[] = [];
  if (snap.noteCount) {
    const later = queueNoteSpots(read.worksheet, 'note', snap.noteCount);
    await counter.sync(ctx);
    notes = later();
    attachNotes(snap.grid, notes);
  }
  return { read, snap, notes };
}

/**
 * The active (or named) sheet as a Grid, in one sync. With `notes`, cell notes are read too (ExcelApi
 * 1.18), which takes a second sync when the sheet has any.
 */
export async function readSheet(host: ExcelHost, options: { sheet?: string; notes?: boolean } = {}): Promise<Grid> {
  const caps = capabilities(host);
  try {
    return await host.run(async (ctx) => {
      const counter = new SyncCounter();
      const { snap } = await readWithNotes(ctx, counter, caps, options, { notes: !!options.notes });
      return snap.grid;
    }, runOptions(caps, 'read'));
  } catch (e) {
    throw toAdapterError(e, options.sheet ?? '');
  }
}
