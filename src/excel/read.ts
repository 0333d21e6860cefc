/**
 * Reading a worksheet into a Grid in one sync: the used range's values, formulas, number formats and
 * value types, plus (where the host has them) merged areas and every cell's fill, and the sheet's
 * protection so that writers can refuse before touching anything.
 */
import { cellKey, parseA1, parseRange } from '../grid/address';
import { emptyGrid, getCell, setCell } from '../grid/grid';
import type { Cell, Grid } from '../grid/types';
import { fromExcel, splitAreaAddress } from './cells';
import { toAdapterError } from './errors';
import { fillFromProps, type PrevFill } from './fills';
import { capabilities, runOptions, SyncCounter, type Caps, type ExcelHost } from './host';
import { queueNoteSpots, type NoteSpot } from './notes';

export interface SheetSnapshot {
  grid: Grid;
  sheetId: string;
  sheetName: string;
  /** undefined on ExcelApi 1.1, which cannot tell. */
  protected: boolean | undefined;
  /** Fills by cellKey over the used range (ExcelApi 1.9); cells outside it have no fill. */
  fills?: Map<string, PrevFill>;
  /** How many notes the sheet has, when asked for (ExcelApi 1.18). */
  noteCount?: number;
}

export interface QueuedRead {
  worksheet: Excel.Worksheet;
  done(): SheetSnapshot;
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

/**
 * Queues the read of a sheet. `fills` asks for every used cell's fill via getCellProperties (1.9);
 * `merges` for merged areas (1.13). The used range is the one that counts formatting too, so empty but
 * formatted cells come back with their number format.
 */
export function queueSheetRead(
  ctx: Excel.RequestContext,
  caps: Caps,
  target: { sheet?: string },
  plan: { fills: boolean; merges: boolean; notes?: boolean },
): QueuedRead {
  const ws = worksheetOf(ctx, target.sheet);
  ws.load(caps.v1_2 ? 'id,name,protection/protected' : 'id,name');
  const used = ws.getUsedRange();
  used.load('rowIndex,columnIndex,values,formulas,numberFormat,valueTypes');
  const props =
    plan.fills && caps.v1_9
      ? used.getCellProperties({ format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true } } })
      : undefined;
  const merged = plan.merges && caps.mergedAreas ? used.getMergedAreasOrNullObject() : undefined;
  merged?.load('address');
  // Where notes are cannot be read in the same sync (a note has no address, only getLocation()); the count
  // tells whether a second sync is needed at all.
  const noteCount = plan.notes && caps.v1_18 ? ws.notes.getCount() : undefined;

  return {
    worksheet: ws,
    done(): SheetSnapshot {
      const grid = emptyGrid(ws.name);
      addCells(grid, { row: used.rowIndex, col: used.columnIndex }, used.values, used.formulas, used.numberFormat, used.valueTypes);
      if (merged && !merged.isNullObject) grid.merges = splitAreaAddress(merged.address).map((a) => parseRange(a));
      let fills: Map<string, PrevFill> | undefined;
      if (props) {
        fills = new Map();
        props.value.forEach((line, r) =>
          line.forEach((p, c) => {
            const f = fillFromProps(p.format?.fill);
            if (f) fills!.set(cellKey({ row: used.rowIndex + r, col: used.columnIndex + c }), f);
          }),
        );
      }
      return {
        grid,
        sheetId: ws.id,
        sheetName: ws.name,
        protected: caps.v1_2 ? ws.protection.protected : undefined,
        fills,
        noteCount: noteCount?.value,
      };
    },
  };
}

/**
 * Syncs a first read that may carry optional, heavy parts: merged areas (getMergedAreasOrNullObject fails
 * past 512 of them) and every cell's fill (getCellProperties, the bulk of the response; Excel on the web
 * refuses responses over about 5 MB). If that sync fails, the read is queued again `light`, without them,
 * and the caller falls back to slower ways (no merges; per-cell fill reads). Callers say whether their
 * first attempt has heavy parts at all; without any, a failure is simply a failure.
 */
export async function syncFirst<T>(
  ctx: Excel.RequestContext,
  counter: SyncCounter,
  heavy: boolean,
  build: (light: boolean) => T,
): Promise<T> {
  const first = build(false);
  try {
    await counter.sync(ctx);
    return first;
  } catch (e) {
    if (!heavy || (e as { code?: string }).code === 'InvalidOperationInCellEditMode') throw e;
    const again = build(true);
    await counter.sync(ctx);
    return again;
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
  plan: { fills: boolean; notes: boolean },
): Promise<{ read: QueuedRead; snap: SheetSnapshot; notes: NoteSpot[] }> {
  const read = await syncFirst(ctx, counter, caps.mergedAreas || (plan.fills && caps.v1_9), (light) =>
    queueSheetRead(ctx, caps, target, { ...plan, fills: plan.fills && !light, merges: !light }),
  );
  const snap = read.done();
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
      const { snap } = await readWithNotes(ctx, counter, caps, options, { fills: false, notes: !!options.notes });
      return snap.grid;
    }, runOptions(caps, 'read'));
  } catch (e) {
    throw toAdapterError(e, options.sheet ?? '');
  }
}
