/**
 * Writing patches (fills, undo, later the year roll-over) and the undo stack.
 *
 * Every write is preceded, in the same run, by a read sync that also loads the sheet's protection: a
 * protected sheet is refused before anything is queued, because Excel applies a failing batch only up
 * to the failing operation and would leave the sheet half-written. The write itself is one sync.
 */
import { cellKey, parseA1, rangeToA1, toA1, type CellRef } from '../grid/address';
import { emptyGrid } from '../grid/grid';
import type { FillOptions } from '../engine';
import type { UnavailableReason } from '../fills/fill';
import { invertPatch, type CellWrite, type Patch } from '../patch';
import { cellBlocks, toExcelInput } from './cells';
import { engineWith, type EnginePort } from './engine-port';
import { AdapterError, toAdapterError } from './errors';
import { capabilities, runOptions, SyncCounter, type Caps, type ExcelHost } from './host';
import { queueNotesAt, type NoteSpot } from './notes';
import { addCells, attachNotes, readWithNotes, type SheetSnapshot } from './read';

const CELL_PROPS = 'values,formulas,numberFormat,valueTypes';

function inBounds(b: SheetSnapshot['bounds'], ref: CellRef): boolean {
  return !!b && ref.row >= b.top && ref.row <= b.bottom && ref.col >= b.left && ref.col <= b.right;
}

// ---- undo stack ---------------------------------------------------------------------------------

interface UndoEntry {
  /** Worksheet id (getItem accepts ids), so a renamed sheet is still found. */
  sheetKey: string;
  sheetName: string;
  inverse: Patch;
  /** A step that is not a cell patch (removing a sheet the add-in added): run instead of the inverse. */
  revert?: (host: ExcelHost) => Promise<number>;
}

const MAX_UNDO = 20;
const stacks = new WeakMap<ExcelHost, UndoEntry[]>();

function stackOf(host: ExcelHost): UndoEntry[] {
  let s = stacks.get(host);
  if (!s) stacks.set(host, (s = []));
  return s;
}

function pushUndo(host: ExcelHost, entry: UndoEntry): void {
  const s = stackOf(host);
  s.push(entry);
  if (s.length > MAX_UNDO) s.shift();
}

/** How many fills can be undone (the task pane enables its Undo button on this). */
export function undoDepth(host: ExcelHost): number {
  return stackOf(host).length;
}

/**
 * Pushes an undo step of another kind than a cell patch (see result-sheet.ts); `revert` runs on 撤销 and
 * returns its syncs. The inverse of such a step is empty: no cells of the form change.
 */
export function pushUndoStep(host: ExcelHost, sheetKey: string, sheetName: string, revert: (host: ExcelHost) => Promise<number>): void {
  pushUndo(host, { sheetKey, sheetName, inverse: { sheetName, writes: [], skipped: [] }, revert });
}

/** Pushes the inverse of a cell patch written by another adapter module in its own run. */
export function pushPatchUndo(host: ExcelHost, sheetKey: string, sheetName: string, inverse: Patch): void {
  pushUndo(host, { sheetKey, sheetName, inverse });
}

export function clearUndo(host: ExcelHost): void {
  stacks.delete(host);
}

// ---- writing ------------------------------------------------------------------------------------

function writesByCell(patch: Patch): Map<string, { ref: CellRef; write: CellWrite }> {
  const out = new Map<string, { ref: CellRef; write: CellWrite }>();
  for (const w of patch.writes) {
    const ref = parseA1(w.address);
    out.set(cellKey(ref), { ref, write: w });
  }
  return out;
}

/**
 * Queues a patch as block writes: per rectangle one numberFormat array (null = leave alone) and one
 * formulas array (formulas, or constants typed the way Excel keeps them). No sync.
 */
export function queuePatchWrite(ctx: Excel.RequestContext, ws: Excel.Worksheet, caps: Caps, patch: Patch): void {
  const cells = writesByCell(patch);
  if (cells.size === 0) return;
  // Hold recalculation until the write lands; skipped under mergeUndoGroup, which insists that every API
  // in the batch be undoable and this one is not a document change.
  if (caps.calcSuspend && !caps.undoGroup) ctx.application.suspendApiCalculationUntilNextSync();
  for (const b of cellBlocks([...cells.values()].map((c) => c.ref))) {
    const formulas: (string | number | boolean)[][] = [];
    const formats: (string | null)[][] = [];
    let anyFormat = false;
    for (let r = b.top; r <= b.bottom; r++) {
      const fl: (string | number | boolean)[] = [];
      const nl: (string | null)[] = [];
      for (let c = b.left; c <= b.right; c++) {
        const w = cells.get(cellKey({ row: r, col: c }))!.write;
        fl.push(w.formula !== undefined ? w.formula : toExcelInput(w.value));
        nl.push(w.numberFormat ?? null);
        if (w.numberFormat !== undefined) anyFormat = true;
      }
      formulas.push(fl);
      formats.push(nl);
    }
    const range = ws.getRange(rangeToA1(b));
    // The format first: a value typed into a text-formatted ('@') cell must arrive as text.
    if (anyFormat) range.numberFormat = formats;
    range.formulas = formulas;
  }
}

/** Cells whose note the patch sets ('' removes it), by local A1. */
function noteWrites(patch: Patch): Map<string, string> {
  const out = new Map<string, string>();
  for (const { ref, write } of writesByCell(patch).values()) if (write.note !== undefined) out.set(toA1(ref), write.note);
  return out;
}

/**
 * Queues the patch's note writes against the notes known to exist. Notes need ExcelApi 1.18 (threaded
 * comments are a different thing); below that they are skipped and counted.
 */
function queueNoteWrites(ws: Excel.Worksheet, caps: Caps, patch: Patch, existing: NoteSpot[]): number {
  const wanted = noteWrites(patch);
  if (wanted.size === 0) return 0;
  if (!caps.notes) return wanted.size;
  const have = new Map(existing.map((n) => [n.address, n]));
  for (const [address, text] of wanted) {
    const ex = have.get(address);
    if (text === '') ex?.remove();
    else if (ex) {
      if (ex.content !== text) ex.setContent(text);
    } else ws.notes.add(ws.getRange(address), text);
  }
  return 0;
}

export interface ApplyPatchResult {
  syncs: number;
  /** The patch that undoes this one (what was there before). */
  inverse: Patch;
  /** Note writes left out because the host has no notes API (before ExcelApi 1.18). */
  notesSkipped: number;
}

async function writeChecked(
  host: ExcelHost,
  patch: Patch,
  sheetKey: string | undefined,
  remember: boolean,
): Promise<ApplyPatchResult & { sheetName: string }> {
  const caps = capabilities(host);
  let sheetName = patch.sheetName;
  try {
    return await host.run(async (ctx) => {
      const counter = new SyncCounter();
      const key = sheetKey ?? patch.sheetName;
      const ws = key ? ctx.workbook.worksheets.getItem(key) : ctx.workbook.worksheets.getActiveWorksheet();
      ws.load(caps.v1_2 ? 'id,name,protection/protected' : 'id,name');
      const cells = writesByCell(patch);
      const reads = cellBlocks([...cells.values()].map((c) => c.ref)).map((b) => {
        const r = ws.getRange(rangeToA1(b));
        r.load(CELL_PROPS); // eslint-disable-line office-addins/no-empty-load -- CELL_PROPS names the properties
        return { b, r };
      });
      const notesAt = caps.notes ? queueNotesAt(ws, [...noteWrites(patch).keys()]) : () => [];
      await counter.sync(ctx);
      sheetName = ws.name;
      if (caps.v1_2 && ws.protection.protected) throw new AdapterError('sheet-protected', { sheet: ws.name });
      const before = emptyGrid(ws.name);
      for (const { b, r } of reads) addCells(before, { row: b.top, col: b.left }, r.values, r.formulas, r.numberFormat, r.valueTypes);
      const notes = notesAt();
      attachNotes(before, notes);
      const inverse = invertPatch(before, patch);
      queuePatchWrite(ctx, ws, caps, patch);
      const notesSkipped = queueNoteWrites(ws, caps, patch, notes);
      await counter.sync(ctx);
      if (remember) pushUndo(host, { sheetKey: ws.id, sheetName: ws.name, inverse });
      return { syncs: counter.count, inverse, notesSkipped, sheetName: ws.name };
    }, runOptions(caps, 'cells'));
  } catch (e) {
    throw toAdapterError(e, sheetName);
  }
}

/**
 * Writes a patch to its sheet (by name; the active sheet when the name is empty): one read sync that
 * snapshots the cells about to change and checks protection, one write sync. Pushes the inverse on the
 * undo stack.
 */
export async function applyPatch(host: ExcelHost, patch: Patch): Promise<ApplyPatchResult> {
  if (patch.writes.length === 0) return { syncs: 0, inverse: { sheetName: patch.sheetName, writes: [], skipped: [] }, notesSkipped: 0 };
  const { syncs, inverse, notesSkipped } = await writeChecked(host, patch, undefined, true);
  return { syncs, inverse, notesSkipped };
}

/** Restores values, formulas and number formats of the last fill or patch, exactly. */
export async function undo(host: ExcelHost): Promise<{ syncs: number; patch: Patch }> {
  const stack = stackOf(host);
  const entry = stack[stack.length - 1];
  if (!entry) throw new AdapterError('nothing-to-undo');
  if (entry.revert) {
    const syncs = await entry.revert(host);
    stack.pop();
    return { syncs, patch: entry.inverse };
  }
  const { syncs } = await writeChecked(host, entry.inverse, entry.sheetKey, false);
  stack.pop();
  return { syncs, patch: entry.inverse };
}

// ---- fills --------------------------------------------------------------------------------------

export interface FillActionOptions extends FillOptions {
  sheet?: string;
  engine?: Partial<EnginePort>;
}

export interface FillActionResult {
  found: boolean;
  lookedFor: string[];
  patch: Patch;
  /** Fills the engine could not compute, and why (passed through from the engine). */
  unavailable: { kind: string; reason: UnavailableReason }[];
  syncs: number;
  /** Note writes left out because the host has no notes API (before ExcelApi 1.18). */
  notesSkipped: number;
}

function fillOptions(o: FillActionOptions): FillOptions {
  const { sheet: _sheet, engine: _engine, ...rest } = o;
  return rest;
}

/**
 * The patch a fill would write, without writing it (the task pane's "what will change"). One sync, or
 * two when the sheet has notes (the fill compares notes too).
 */
export async function previewFill(host: ExcelHost, options: FillActionOptions = {}): Promise<FillActionResult> {
  const caps = capabilities(host);
  const engine = engineWith(options.engine);
  try {
    return await host.run(async (ctx) => {
      const counter = new SyncCounter();
      const { snap } = await readWithNotes(ctx, counter, caps, { sheet: options.sheet }, { notes: true });
      const res = engine.fill(snap.grid, fillOptions(options));
      const notesSkipped = caps.notes ? 0 : noteWrites(res.patch).size;
      return { found: res.found, lookedFor: res.lookedFor, patch: res.patch, unavailable: res.unavailable ?? [], syncs: counter.count, notesSkipped };
    }, runOptions(caps, 'read'));
  } catch (e) {
    throw toAdapterError(e, options.sheet ?? '');
  }
}

/**
 * Reads the sheet (1 sync; 2 when it has notes, whose places take a second read), computes the fill,
 * and writes it (1 sync): at most 3. The undo snapshot comes from the grid just read, at no extra sync.
 */
export async function applyFill(host: ExcelHost, options: FillActionOptions = {}): Promise<FillActionResult> {
  const caps = capabilities(host);
  const engine = engineWith(options.engine);
  let sheetName = options.sheet ?? '';
  try {
    return await host.run(async (ctx) => {
      const counter = new SyncCounter();
      const { read, snap, notes } = await readWithNotes(ctx, counter, caps, { sheet: options.sheet }, { notes: true });
      sheetName = snap.sheetName;
      const res = engine.fill(snap.grid, fillOptions(options));
      const base = { found: res.found, lookedFor: res.lookedFor, patch: res.patch, unavailable: res.unavailable ?? [] };
      if (res.patch.writes.length === 0) return { ...base, syncs: counter.count, notesSkipped: 0 };
      if (snap.protected) throw new AdapterError('sheet-protected', { sheet: snap.sheetName });
      // The read covered the cells with content; a write beyond them (an empty total cell that only has a
      // number format) is read in the same sync, just before it is written (a batch runs in order), so the
      // undo snapshot keeps its format.
      const outside = res.patch.writes.map((w) => parseA1(w.address)).filter((ref) => !inBounds(snap.bounds, ref));
      const before = cellBlocks(outside).map((b) => {
        const r = read.worksheet.getRange(rangeToA1(b));
        r.load(CELL_PROPS); // eslint-disable-line office-addins/no-empty-load -- CELL_PROPS names the properties
        return { b, r };
      });
      queuePatchWrite(ctx, read.worksheet, caps, res.patch);
      const notesSkipped = queueNoteWrites(read.worksheet, caps, res.patch, notes);
      await counter.sync(ctx);
      for (const { b, r } of before) addCells(snap.grid, { row: b.top, col: b.left }, r.values, r.formulas, r.numberFormat, r.valueTypes);
      const inverse = invertPatch(snap.grid, res.patch);
      pushUndo(host, { sheetKey: snap.sheetId, sheetName: snap.sheetName, inverse });
      return { ...base, syncs: counter.count, notesSkipped };
    }, runOptions(caps, 'cells'));
  } catch (e) {
    throw toAdapterError(e, sheetName);
  }
}
