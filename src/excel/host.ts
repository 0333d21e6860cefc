/**
 * The seam between the adapter and Office.js. Actions take an ExcelHost instead of calling the global
 * `Excel.run`, so tests hand in an in-memory Excel and the task pane hands in `officeHost()`.
 * Everything above ExcelApi 1.1 is feature-detected here, once, into `Caps`.
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
  });
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
  /** 1.8: data validation. */
  validation: boolean;
  /** 1.9: getCellProperties, getRanges/RangeAreas, fill tint/pattern, page layout. */
  v1_9: boolean;
  /** 1.10: threaded comments. */
  comments: boolean;
  /** 1.11: Excel.run({ delayForCellEdit }). */
  delayForCellEdit: boolean;
  /** 1.13: Range.getMergedAreasOrNullObject. */
  mergedAreas: boolean;
  /** 1.18: notes, RangeAreas.select. */
  v1_18: boolean;
  /** 1.20: Excel.run({ mergeUndoGroup }). */
  undoGroup: boolean;
}

export function capabilities(host: ExcelHost): Caps {
  const at = (v: string) => {
    try {
      return host.isSetSupported('ExcelApi', v);
    } catch {
      return false;
    }
  };
  return {
    v1_2: at('1.2'),
    v1_4: at('1.4'),
    calcSuspend: at('1.6'),
    events: at('1.7'),
    validation: at('1.8'),
    v1_9: at('1.9'),
    comments: at('1.10'),
    delayForCellEdit: at('1.11'),
    mergedAreas: at('1.13'),
    v1_18: at('1.18'),
    undoGroup: at('1.20'),
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
