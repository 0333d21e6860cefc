/**
 * StrictExcel: an in-memory Excel host with the slice of the Excel JavaScript API the add-in uses, strict
 * where real Excel is strict and where adapters tend to go wrong:
 *  - queued operations run only at `context.sync()`; reading an unloaded property throws PropertyNotLoaded;
 *  - an API above the configured requirement set fails at sync with ApiNotFound (and isSetSupported agrees);
 *  - a write to a protected sheet fails at sync with AccessDenied, after the batch's earlier operations ran;
 *  - Excel.run options are checked against their sets (delayForCellEdit 1.11, mergeUndoGroup 1.20);
 *  - a batch that ends with operations it never synced is an error (they would be silently lost otherwise).
 * It counts syncs, operations and written bytes per batch, and serialises the workbook to JSON so tests can
 * save and reopen. No node-only imports: a workbench page can run it in a browser.
 */
import { compareVersions, isSetSupported, NEWEST_EXCEL_API, type ApiLevel } from './api-sets';
import { MAX_ROWS, parseRect, qualified } from './a1';
import { StrictContext, type BatchStats, type ChangeRecord, type Host } from './context';
import { apiNotFound, StrictExcelError } from './errors';
import { exportSheet, loadGridInto, snapshotSheet, type CellSnapshot, type LoadGridOptions, type SheetExport } from './grid-io';
import {
  findSheet,
  fromJSON,
  newSheet,
  newWorkbook,
  toJSON,
  writeInput,
  type FillState,
  type SheetState,
  type WorkbookJSON,
  type WorkbookState,
} from './model';
import { Workbook } from './workbook';
import { BASELINE, type RealExcelProfile } from './profiles';
import type { Grid } from '../../../src/grid/types';

export { StrictExcelError } from './errors';
export type { BatchStats } from './context';
export type { CellSnapshot, SheetExport } from './grid-io';
export type { FillState, WorkbookJSON, WorkbookState, SheetState } from './model';
export { StrictContext } from './context';
export * from './profiles';

export interface StrictExcelOptions {
  /** Real Excel's behaviour to copy (see profiles.ts); its fields are overridden by the options below. */
  profile?: RealExcelProfile;
  /** Highest ExcelApi set to implement; default the profile's, else the newest the fake knows ('1.20'). */
  apiVersion?: string;
  sharedRuntime?: boolean;
  /** Largest response one sync may return, in bytes of JSON (Excel on the web: about 5 MB). Default: no limit. */
  payloadLimit?: number;
  /** Start from a saved workbook instead of a blank one. */
  workbook?: WorkbookJSON;
}

export interface StrictRunOptions {
  delayForCellEdit?: boolean;
  mergeUndoGroup?: boolean;
  previousObjects?: unknown;
}

export interface RunRecord {
  options: Omit<StrictRunOptions, 'previousObjects'>;
  reusedContext: boolean;
}

/** The shape of the add-in's ExcelHost, so tests can hand the fake to the adapter. */
export interface StrictHost {
  run<T>(batch: (ctx: never) => Promise<T>, options?: StrictRunOptions): Promise<T>;
  isSetSupported(name: string, version?: string): boolean;
  hasMember(member: string): boolean;
  platform(): string;
}

/** One entry of the undo profile's stack. */
export interface UndoEntry {
  /** 'user' for the simulated user's edits, else the labels of the API writes of that sync (or run). */
  by: 'user' | 'api';
  labels: string[];
}

type ChangeHandler = (args: unknown) => Promise<unknown> | void;

export class StrictExcel implements Host {
  wb: WorkbookState;
  readonly level: ApiLevel;
  payloadLimit: number;
  /** One entry per sync, in order, across all runs. */
  batches: BatchStats[] = [];
  runs: RunRecord[] = [];
  private handlers = new Map<string, Set<ChangeHandler>>();
  private activatedHandlers = new Set<ChangeHandler>();
  readonly profile: RealExcelProfile;
  /** The undo stack under an undo profile (oldest first); empty and unused otherwise. */
  undoStack: UndoEntry[] = [];
  /** How many times a non-undoable call cleared the stack, with the call. */
  undoClears: string[] = [];
  private lastUndoRun = -1;
  private runIds = 0;
  private pendingEvents: Promise<unknown>[] = [];
  private editing = false;
  private editWaiters: (() => void)[] = [];

  constructor(options: StrictExcelOptions = {}) {
    this.profile = options.profile ?? BASELINE;
    this.level = { excelApi: options.apiVersion ?? this.profile.apiVersion ?? NEWEST_EXCEL_API, sharedRuntime: options.sharedRuntime ?? false };
    this.payloadLimit = options.payloadLimit ?? this.profile.payloadLimit ?? Number.POSITIVE_INFINITY;
    this.wb = options.workbook ? fromJSON(options.workbook) : newWorkbook();
  }

  // ---- host surface -----------------------------------------------------------------------------

  isSetSupported(name: string, version = '1.1'): boolean {
    // Hosts with undo support for API calls answer this set (undo-capabilities page, "Check for undo support").
    if (name === 'ExcelUndoApiAll') return !!this.profile.undo && compareVersions(version, '1.0') <= 0;
    return isSetSupported(this.level, name, version);
  }

  isMissing(member: string): boolean {
    return !!this.profile.missingMembers?.includes(member);
  }

  // ---- undo (undo profile) ------------------------------------------------------------------------

  undoRecord(labels: string[], merge: boolean, runId: number): void {
    if (merge && this.lastUndoRun === runId && this.undoStack.length) {
      this.undoStack[this.undoStack.length - 1].labels.push(...labels);
      return;
    }
    this.undoStack.push({ by: 'api', labels: [...labels] });
    this.lastUndoRun = runId;
  }

  undoCleared(label: string): void {
    this.undoStack = [];
    this.undoClears.push(label);
  }

  run<T>(batch: (ctx: StrictContext) => Promise<T>): Promise<T>;
  run<T>(options: StrictRunOptions, batch: (ctx: StrictContext) => Promise<T>): Promise<T>;
  async run<T>(a: StrictRunOptions | ((ctx: StrictContext) => Promise<T>), b?: (ctx: StrictContext) => Promise<T>): Promise<T> {
    const [options, batch] = typeof a === 'function' ? [{} as StrictRunOptions, a] : [a ?? {}, b!];
    const { previousObjects, ...rest } = options;
    // delayForCellEdit belongs to no requirement set (Excel.RunOptions reference); mergeUndoGroup to 1.20. A
    // library that predates mergeUndoGroup ignores it: syncs then make undo entries of their own.
    if (this.isMissing('RunOptions.mergeUndoGroup')) delete rest.mergeUndoGroup;
    if (rest.mergeUndoGroup !== undefined && compareVersions('1.20', this.level.excelApi) > 0) {
      throw apiNotFound('RunOptions.mergeUndoGroup', '1.20', this.level.excelApi);
    }
    const reused = previousObjects ? contextOf(previousObjects) : undefined;
    this.runs.push({ options: rest, reusedContext: !!reused });
    if (this.editing) {
      if (!rest.delayForCellEdit) {
        throw new StrictExcelError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode. Please exit the edit mode and try again.');
      }
      await new Promise<void>((resolve) => this.editWaiters.push(resolve));
    }
    const ctx = reused ?? new StrictContext(this, (c) => new Workbook(c));
    const previousRun = ctx.run;
    ctx.run = { id: ++this.runIds, mergeUndoGroup: !!rest.mergeUndoGroup };
    // A context passed back in (previousObjects) is usable again for this run, then closes as before.
    const wasClosed = ctx.closed;
    ctx.closed = false;
    try {
      const result = await batch(ctx);
      if (ctx.pendingCount > 0) {
        throw new StrictExcelError('UnsyncedOperations', `The batch ended with ${ctx.pendingCount} queued operation(s) it never synced.`);
      }
      return result;
    } finally {
      ctx.closed = reused ? wasClosed : true;
      if (reused) ctx.run = previousRun;
    }
  }

  /** The fake as the add-in's ExcelHost: run(batch, options) in the adapter's argument order. */
  get host(): StrictHost {
    return {
      run: <T>(batch: (ctx: never) => Promise<T>, options?: StrictRunOptions) =>
        options && Object.keys(options).length
          ? this.run(options, batch as unknown as (ctx: StrictContext) => Promise<T>)
          : this.run(batch as unknown as (ctx: StrictContext) => Promise<T>),
      isSetSupported: (name: string, version?: string) => this.isSetSupported(name, version),
      hasMember: (member: string) => !this.isMissing(member),
      platform: () => this.profile.platform ?? 'PC',
    };
  }

  recordBatch(stats: BatchStats): void {
    this.batches.push(stats);
  }

  get syncCount(): number {
    return this.batches.length;
  }

  resetStats(): void {
    this.batches = [];
    this.runs = [];
  }

  // ---- events -----------------------------------------------------------------------------------

  addChangeHandler(sheetId: string, handler: ChangeHandler): () => void {
    let set = this.handlers.get(sheetId);
    if (!set) this.handlers.set(sheetId, (set = new Set()));
    set.add(handler);
    return () => set!.delete(handler);
  }

  /** Workbook-level handlers (WorksheetCollection.onChanged, 1.9) are kept under '*'. */
  addActivatedHandler(handler: ChangeHandler): () => void {
    this.activatedHandlers.add(handler);
    return () => this.activatedHandlers.delete(handler);
  }

  changed(records: ChangeRecord[]): void {
    for (const rec of records) {
      const set = [...(this.handlers.get(rec.sheetId) ?? []), ...(this.handlers.get('*') ?? [])];
      const sheet = findSheet(this.wb, rec.sheetId);
      if (!set.length || !sheet) continue;
      const args: Record<string, unknown> = {
        type: 'WorksheetChanged',
        changeType: 'RangeEdited',
        // A co-author's edit reaches every open add-in with source 'Remote' (Excel.EventSource).
        source: rec.source === 'remote' ? 'Remote' : 'Local',
        worksheetId: rec.sheetId,
        address: qualified(sheet.name, rec.rect).split('!')[1],
        details: null,
      };
      if (compareVersions('1.14', this.level.excelApi) <= 0) args.triggerSource = rec.source === 'api' ? 'ThisLocalAddin' : 'Unknown';
      for (const h of set) {
        this.pendingEvents.push(new Promise((r) => setTimeout(r, 0)).then(() => h(args)));
      }
    }
  }

  private activated(sheetId: string): void {
    const args = { type: 'WorksheetActivated', source: 'Local', worksheetId: sheetId };
    for (const h of [...this.activatedHandlers]) this.pendingEvents.push(new Promise((r) => setTimeout(r, 0)).then(() => h(args)));
  }

  /** Waits until every event handler fired so far has finished. */
  async flushEvents(): Promise<void> {
    while (this.pendingEvents.length) {
      const batch = this.pendingEvents;
      this.pendingEvents = [];
      await Promise.all(batch);
    }
  }

  get handlerCount(): number {
    return [...this.handlers.values()].reduce((n, s) => n + s.size, 0) + this.activatedHandlers.size;
  }

  // ---- simulated user ---------------------------------------------------------------------------

  /** The user types into a cell (fires onChanged with a non-add-in trigger). */
  userEdit(sheetName: string, address: string, input: unknown): void {
    const sheet = this.sheet(sheetName);
    if (sheet.protected) throw new StrictExcelError('AccessDenied', 'The sheet is protected.');
    const r = parseRect(address);
    writeInput(sheet, r.top, r.left, input);
    if (this.profile.undo) this.undoStack.push({ by: 'user', labels: [`${sheetName}!${address}`] });
    this.changed([{ sheetId: sheet.id, rect: r, source: 'user' }]);
  }

  /** A co-author types into a cell: the workbook changes and every add-in hears it with source 'Remote'. */
  remoteEdit(sheetName: string, address: string, input: unknown): void {
    const sheet = this.sheet(sheetName);
    const r = parseRect(address);
    writeInput(sheet, r.top, r.left, input);
    this.changed([{ sheetId: sheet.id, rect: r, source: 'remote' }]);
  }

  /**
   * Formatting down to the last row (a "ghost" used range): columns `left`..`right` carry a format to row
   * 1,048,576, as government templates often do, so the used range that counts formatting spans them.
   */
  formatToLastRow(sheetName: string | undefined, left: number, right: number, fromRow = 0): void {
    this.sheet(sheetName).formattedTo = { top: fromRow, bottom: MAX_ROWS - 1, left, right };
  }

  beginCellEdit(): void {
    this.editing = true;
  }

  endCellEdit(): void {
    this.editing = false;
    const waiters = this.editWaiters;
    this.editWaiters = [];
    waiters.forEach((w) => w());
  }

  // ---- state helpers for tests ------------------------------------------------------------------

  sheet(nameOrId?: string): SheetState {
    const s = findSheet(this.wb, nameOrId ?? this.wb.activeSheetId);
    if (!s) throw new Error(`No sheet ${nameOrId}`);
    return s;
  }

  get activeSheet(): SheetState {
    return this.sheet(this.wb.activeSheetId);
  }

  addSheet(name: string): SheetState {
    return newSheet(this.wb, name);
  }

  /** The user switches to a sheet (fires WorksheetCollection.onActivated). */
  activate(name: string): void {
    this.wb.activeSheetId = this.sheet(name).id;
    this.activated(this.wb.activeSheetId);
  }

  /** Called by Worksheet.activate() when a batch runs it. */
  sheetActivated(sheetId: string): void {
    this.activated(sheetId);
  }

  /** Loads a grid into the sheet of the grid's name (created when missing) and makes it active. */
  loadGrid(grid: Grid, options: LoadGridOptions & { sheetName?: string; activate?: boolean } = {}): SheetState {
    const name = options.sheetName ?? grid.sheetName;
    let sheet = findSheet(this.wb, name);
    if (!sheet) {
      // A fresh workbook's untouched Sheet1 is renamed rather than kept alongside.
      const only = this.wb.sheets.length === 1 && this.wb.sheets[0].cells.size === 0 ? this.wb.sheets[0] : undefined;
      if (only) {
        only.name = name;
        sheet = only;
      } else sheet = newSheet(this.wb, name);
    }
    loadGridInto(sheet, grid, options);
    if (options.activate !== false) this.wb.activeSheetId = sheet.id;
    return sheet;
  }

  exportSheet(name?: string): SheetExport {
    return exportSheet(this.sheet(name));
  }

  snapshot(name?: string): CellSnapshot[] {
    return snapshotSheet(this.sheet(name));
  }

  fillAt(address: string, sheetName?: string): FillState | undefined {
    const r = parseRect(address);
    const c = this.sheet(sheetName).cells.get(`${r.top},${r.left}`);
    return c?.fill;
  }

  protect(sheetName?: string): void {
    this.sheet(sheetName).protected = true;
  }

  unprotect(sheetName?: string): void {
    this.sheet(sheetName).protected = false;
  }

  // ---- save / reopen ----------------------------------------------------------------------------

  toJSON(): WorkbookJSON {
    return toJSON(this.wb);
  }

  /** Reopens a saved workbook. `newIds` hands out fresh worksheet ids, as a host might on reopen. */
  static fromJSON(json: WorkbookJSON, options: Omit<StrictExcelOptions, 'workbook'> & { newIds?: boolean } = {}): StrictExcel {
    const x = new StrictExcel({ ...options });
    x.wb = fromJSON(json, { newIds: options.newIds });
    return x;
  }
}

function contextOf(previous: unknown): StrictContext | undefined {
  if (previous instanceof StrictContext) return previous;
  const obj = Array.isArray(previous) ? previous[0] : previous;
  const ctx = (obj as { context?: unknown } | undefined)?.context;
  return ctx instanceof StrictContext ? ctx : undefined;
}
