/**
 * The seam between the adapter and Office.js. Actions take an ExcelHost instead of calling the global
 * `Excel.run`, so tests hand in an in-memory Excel and the task pane hands in `officeHost()`.
 * Everything above ExcelApi 1.1 is feature-detected here, once, into `Caps`: by requirement set (what the
 * host supports) and by the presence of the members called (what the loaded Office.js library has).
 */

export interface HostRunOptions {
  /** ExcelApi 1.11: wait for the user to leave cell-edit mode instead of failing. */
  delayForCellEdit?: boolean;
  /** ExcelApi 1.20: make all syncs of the run one native undo step. */
  mergeUndoGroup?: boolean;
  /** Reuse the context of earlier objects (needed to remove an event handler). */
  previousObjects?: OfficeExtension.ClientObject | OfficeExtension.ClientObject[] | OfficeExtension.ClientRequestContext;
}

export interface ExcelHost {
  run<T>(batch: (ctx: Excel.RequestContext) => Promise<T>, options?: HostRunOptions): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
  /**
   * Whether the loaded Office.js library has a member ('Worksheet.notes'). isSetSupported answers for the
   * host, not for the library: a stale local office.js lacks members of sets the host supports.
   * Hosts that cannot tell are taken to have everything.
   */
  hasMember?(member: string): boolean;
  /** Office.context.platform ('PC', 'Mac', 'OfficeOnline', ...), where known. */
  platform?(): string;
}

let office: ExcelHost | undefined;

/**
 * The real host. Touches the Office globals only when called, so importing this file is safe anywhere.
 * Always the same object: the undo stack is kept per host, and each ribbon command asks for the host anew.
 */
export function officeHost(): ExcelHost {
  return (office ??= {
    run<T>(batch: (ctx: Excel.RequestContext) => Promise<T>, options?: HostRunOptions): Promise<T> {
      const opts = options && Object.values(options).some((v) => v !== undefined) ? options : undefined;
      return opts ? Excel.run(opts as Excel.RunOptions, batch) : Excel.run(batch);
    },
    isSetSupported(name: string, version: string): boolean {
      return Office.context.requirements.isSetSupported(name, version);
    },
    hasMember(member: string): boolean {
      return libraryHas(typeof Excel === 'undefined' ? undefined : Excel, member);
    },
    platform(): string {
      return String(Office.context.platform ?? '');
    },
  });
}

/**
 * True when the Office.js library defines `Type.member` on the class's prototype (where Office.js puts its
 * properties and methods). Run options are plain objects and cannot be probed; they count as present, which
 * is harmless: a library that does not know an option ignores it.
 */
export function libraryHas(excel: unknown, member: string): boolean {
  const [type, name] = member.split('.');
  if (type === 'RunOptions') return true;
  const cls = (excel as Record<string, { prototype?: object } | undefined> | undefined)?.[type];
  return !!cls?.prototype && name in cls.prototype;
}

/** What this host can do, by feature rather than by version number, so call sites read as intent. */
export interface Caps {
  /** 1.2: Worksheet.protection, setting Worksheet.visibility, getUsedRange(valuesOnly), merge, column widths. */
  v1_2: boolean;
  /** 1.4: *OrNullObject getters, workbook.settings, adding names. */
  v1_4: boolean;
  /** 1.6: Application.suspendApiCalculationUntilNextSync. */
  calcSuspend: boolean;
  /** 1.7: Worksheet.onChanged. */
  events: boolean;
  /** 1.7: WorksheetCollection.onActivated; 1.9: WorksheetCollection.onChanged (every sheet). */
  activatedEvents: boolean;
  workbookChangedEvents: boolean;
  /** 1.8: data validation. */
  validation: boolean;
  /** 1.9: getRanges/RangeAreas, fill tint/pattern, page layout. */
  v1_9: boolean;
  /** 1.9: Range.getCellProperties. */
  cellProperties: boolean;
  /** 1.9: RangeFill.tintAndShade (tells No Fill from white, keeps theme tints). */
  fillTint: boolean;
  /** 1.10: threaded comments. */
  comments: boolean;
  /** Excel.run({ delayForCellEdit }): documented without a requirement set, so always asked for. */
  delayForCellEdit: boolean;
  /** 1.13: Range.getMergedAreasOrNullObject. */
  mergedAreas: boolean;
  /** 1.18: notes (Worksheet.notes). */
  notes: boolean;
  /** 1.18: RangeAreas.select (several separate blocks selected at once). */
  selectAreas: boolean;
  /** 1.20: Excel.run({ mergeUndoGroup }). */
  undoGroup: boolean;
  /** ExcelUndoApiAll 1.0: API writes join the user's undo stack (and some calls clear it). */
  undoStack: boolean;
  /**
   * Setting Worksheet.visibility clears the user's undo stack: listed as not undoable in Excel on
   * Windows and Mac (undo-capabilities page); undoable in Excel on the web.
   */
  hidingClearsUndo: boolean;
}

export function capabilities(host: ExcelHost): Caps {
  const set = (name: string, v: string) => {
    try {
      return host.isSetSupported(name, v);
    } catch {
      return false;
    }
  };
  const at = (v: string) => set('ExcelApi', v);
  const has = (member: string) => {
    try {
      return host.hasMember ? host.hasMember(member) : true;
    } catch {
      return false;
    }
  };
  const web = (() => {
    try {
      return host.platform?.() === 'OfficeOnline';
    } catch {
      return false;
    }
  })();
  const undoStack = set('ExcelUndoApiAll', '1.0');
  return {
    v1_2: at('1.2'),
    v1_4: at('1.4') && has('Workbook.settings'),
    calcSuspend: at('1.6') && has('Application.suspendApiCalculationUntilNextSync'),
    events: at('1.7') && has('Worksheet.onChanged'),
    activatedEvents: at('1.7') && has('WorksheetCollection.onActivated'),
    workbookChangedEvents: at('1.9') && has('WorksheetCollection.onChanged'),
    validation: at('1.8'),
    v1_9: at('1.9') && has('Worksheet.getRanges'),
    cellProperties: at('1.9') && has('Range.getCellProperties'),
    fillTint: at('1.9') && has('RangeFill.tintAndShade'),
    comments: at('1.10') && has('Worksheet.comments'),
    delayForCellEdit: true,
    mergedAreas: at('1.13') && has('Range.getMergedAreasOrNullObject'),
    notes: at('1.18') && has('Worksheet.notes'),
    selectAreas: at('1.18') && has('RangeAreas.select') && has('Worksheet.getRanges'),
    undoGroup: at('1.20') && has('RunOptions.mergeUndoGroup'),
    undoStack,
    hidingClearsUndo: undoStack && !web,
  };
}

/**
 * What a run does, which decides its options:
 *  - 'read': only reads;
 *  - 'cells': writes cell values, formulas and number formats only, all of which Excel can undo, so it may
 *    ask for one merged undo step (with mergeUndoGroup an API that cannot be undone fails the batch with
 *    UndoNotSupported, so other kinds of write do not ask);
 *  - 'decorate': fills, notes and the marks record; 'structure': new sheets, names, validation.
 */
export type RunKind = 'read' | 'cells' | 'decorate' | 'structure';

export function runOptions(caps: Caps, kind: RunKind): HostRunOptions {
  const o: HostRunOptions = {};
  // A click while the user is typing in a cell should wait, not fail with InvalidOperationInCellEditMode.
  // The option has no requirement set (Excel.RunOptions reference); a library that lacks it ignores it.
  if (caps.delayForCellEdit) o.delayForCellEdit = true;
  if (caps.undoGroup && kind === 'cells') o.mergeUndoGroup = true;
  return o;
}

/** Counts this action's syncs, so results can report them and tests can pin them. */
export class SyncCounter {
  count = 0;
  async sync(ctx: Excel.RequestContext): Promise<void> {
    this.count++;
    await ctx.sync();
  }
}
