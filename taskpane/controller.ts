/**
 * The task pane's controller: everything the buttons do, without React and without Office globals. It
 * calls the adapter (src/excel) with the ExcelHost it was given and the engine (src/engine) for previews,
 * and keeps one immutable state object that components render (see useController).
 *
 * Rules it keeps:
 *  - one action at a time: a click during another action is ignored (its buttons are disabled meanwhile);
 *    background work (auto-calc, selecting cells) is waited for instead;
 *  - every write goes through the adapter, which refuses a protected sheet before writing anything, and
 *    pushes an undo step;
 *  - previews are checked again right before applying: when the sheet changed in between, the preview is
 *    recomputed and shown again instead of writing something the user has not seen;
 *  - auto-calc only writes cells that are empty or that this pane itself filled and nobody changed since
 *    (it keeps a record of what it wrote); a 合计 or 占比 the user typed is left alone and listed, until the
 *    user hands it over (交给自动计算). After an edit it recomputes only the groups and columns touched.
 */
import {
  applyFill,
  applyPatch,
  capabilities,
  checkAndHighlight,
  clearMarks,
  insertTemplate,
  previewFill,
  readSheet,
  selectCells,
  undo,
  undoDepth,
  watchAmounts,
  writeResultSheet,
  AdapterError,
  AUTO_CALC_NEEDS,
  type AmountChange,
  type AmountWatch,
  type ExcelHost,
} from '../src/excel';
import { EXPLANATION_SHEET, readExplanations, writeExplanations, type ExplanationStore } from '../src/excel/explanations';
import * as engine from '../src/engine';
import type { CheckResult, FillKind } from '../src/engine';
import { parseA1, toA1 } from '../src/grid/address';
import { getCell, isBlank } from '../src/grid/grid';
import type { CellValue, Grid } from '../src/grid/types';
import { applyPatch as patchGrid, type Patch, type SkippedWrite, type WriteReason } from '../src/patch';
import type { FillScope } from '../src/fills/fill-context';
import type { UnavailableReason } from '../src/fills/fill';
import type { ImportWarning } from '../src/fills/import-last-year';
import type { FormMap } from '../src/locate/form-map';
import { attachExplanations, explain, statusOf, type Explanation } from '../src/review/explanations';
import type { Issue, Locale } from '../src/rules/rule';
import { classifyFileError, fileProblemText, isZip, problemFor } from '../src/i18n/file-errors';
import { STRINGS, type Strings } from './i18n';
import { cellsText } from './issues';
import { DEFAULT_SETTINGS, saveSettings, type PaneSettings } from './settings';
import { readFormGrid, XlsxFileError } from './xlsx-file';
import type { Coverage } from '../src/read/coverage';

export type LocalText = Record<Locale, string>;

export function both(f: (s: Strings) => string): LocalText {
  return { 'zh-CN': f(STRINGS['zh-CN']), 'en-US': f(STRINGS['en-US']) };
}

export type ActionName =
  | 'check'
  | 'fill'
  | 'applyFill'
  | 'undo'
  | 'clearMarks'
  | 'template'
  | 'roll'
  | 'applyRoll'
  | 'import'
  | 'applyImport'
  | 'explain'
  | 'select'
  | 'autoCalc'
  | 'importWord'
  | 'fix'
  | 'applyFix'
  | 'writeResults';

export interface PaneMessage {
  intent: 'error' | 'success' | 'info' | 'warning';
  text: LocalText;
  /** The adapter's error code, when the message is an adapter error. */
  code?: string;
}

export interface CheckView {
  sheetName: string;
  found: boolean;
  lookedFor: string[];
  issues: Issue[];
  /** Why the issues were not painted on the sheet (a protected sheet). */
  notMarked?: string;
  /** True once the sheet's contents differ from what was checked, as far as the pane knows. */
  stale: boolean;
  /** Which parts of the form the check found and read (what was checked). */
  coverage?: Coverage;
  /** The sheet the pane made active after this check (插入模板): these results are not about it. */
  movedTo?: string;
  /** Indexes (into `issues`) of findings whose expected value the pane has written since the check. */
  fixed?: number[];
}

export interface ChangeRow {
  address: string;
  oldValue: CellValue;
  oldFormula?: string;
  oldFormat?: string;
  newValue: CellValue;
  newFormula?: string;
  newFormat?: string;
  reason: WriteReason;
  /** The cell holds something now (only possible with overwrite). */
  overwrites: boolean;
}

export interface FillChoice {
  only: FillKind[];
  overwrite: boolean;
  mode: 'values' | 'formulas';
}

interface PreviewBase {
  rows: ChangeRow[];
  skipped: SkippedWrite[];
  /** Identity of the patch shown, compared again right before applying. */
  signature: string;
}

export interface FillPreview extends PreviewBase {
  kind: 'fill';
  choice: FillChoice;
  unavailable: { kind: string; reason: UnavailableReason }[];
}

export interface RollPreview extends PreviewBase {
  kind: 'roll';
  fromYear: number | null;
  toYear: number | null;
}

export interface ImportPreview extends PreviewBase {
  kind: 'import';
  fileName: string;
  matched: number;
  unmatched: { kind: string; side: string; label: string; row: number }[];
  warnings: ImportWarning[];
}

/** 改为应为值: the expected value(s) of one finding, written into its cells. */
export interface FixPreview extends PreviewBase {
  kind: 'fix';
  issue: Issue;
}

export type Preview = FillPreview | RollPreview | ImportPreview | FixPreview;

/** Whether 应用 can write anything: a preview that would change no cell has nothing to apply. */
export function canApply(preview: Preview): boolean {
  return preview.rows.length > 0;
}

export interface AutoCalcState {
  /** False when the host cannot watch edits; `reason` says why. */
  available: boolean;
  reason?: LocalText;
  on: boolean;
  /** 合计 and 占比 cells holding values the user typed: auto-calc leaves them alone until handed over. */
  typed: string[];
  /** What the last recalculation left alone, and why: every cell that keeps a group from adding up. */
  held: SkippedWrite[];
}

export interface PaneState {
  settings: PaneSettings;
  locale: Locale;
  busy: ActionName | null;
  message: PaneMessage | null;
  check: CheckView | null;
  explanations: Explanation[];
  preview: Preview | null;
  undoDepth: number;
  autoCalc: AutoCalcState;
}

export interface ControllerOptions {
  host: ExcelHost;
  /** Office's display language (e.g. "zh-CN"); used when the settings say "auto". */
  displayLanguage?: string;
  settings?: PaneSettings;
  storage?: Pick<Storage, 'setItem'> | null;
  /** Debounce of auto-calc after an edit, in ms (default 250: the refresh lands well within a second). */
  autoCalcDelay?: number;
  /** How the pane reads a picked file; injectable for tests. */
  readFile?: (data: ArrayBuffer) => Promise<Grid>;
}

export function localeOf(settings: PaneSettings, displayLanguage: string | undefined): Locale {
  if (settings.language !== 'auto') return settings.language;
  return /^zh(?:[-_]|$)/i.test(displayLanguage ?? 'zh-CN') ? 'zh-CN' : 'en-US';
}

function signatureOf(patch: Patch): string {
  return JSON.stringify([patch.sheetName, patch.writes.map((w) => [w.address, w.value ?? null, w.formula ?? null, w.numberFormat ?? null, w.note ?? null])]);
}

function changeRows(grid: Grid, patch: Patch): ChangeRow[] {
  return patch.writes.map((w) => {
    const before = getCell(grid, parseA1(w.address));
    return {
      address: w.address,
      oldValue: before?.value ?? null,
      oldFormula: before?.formula,
      oldFormat: before?.numberFormat,
      newValue: w.value ?? null,
      newFormula: w.formula,
      newFormat: w.numberFormat ?? before?.numberFormat,
      reason: w.reason,
      overwrites: !!before && (!!before.formula || !isBlank(before.value)),
    };
  });
}

/** Errors as messages in both languages: the adapter's own sentences, file problems, anything else. */
export function messageOf(e: unknown): PaneMessage {
  if (e instanceof AdapterError || (e && typeof (e as AdapterError).text === 'function' && typeof (e as AdapterError).code === 'string')) {
    const a = e as AdapterError;
    return { intent: 'error', text: { 'zh-CN': a.text('zh-CN'), 'en-US': a.text('en-US') }, code: a.code };
  }
  if (e instanceof XlsxFileError) {
    return {
      intent: 'error',
      text: both((s) => (e.problem === 'not-xlsx' ? s.fileNotXlsx : s.fileUnreadable(e.detail || e.problem))),
      code: `file-${e.problem}`,
    };
  }
  if (e instanceof PaneError) return { intent: 'error', text: e.local, code: e.code };
  const detail = e instanceof Error ? e.message : String(e);
  return { intent: 'error', text: both((s) => s.unknownError(detail)) };
}

/** An error of the pane's own, already worded for people. */
export class PaneError extends Error {
  constructor(
    readonly code: string,
    readonly local: LocalText,
  ) {
    super(local['en-US']);
    this.name = 'PaneError';
  }
}

const AUTO_KINDS: FillKind[] = ['totals', 'shares'];
/** Actions that run without the user waiting on them; the buttons stay enabled meanwhile. */
export const BACKGROUND: readonly ActionName[] = ['select', 'autoCalc'];
const OWNED_REASONS: WriteReason[] = ['total', 'share', 'change'];

export class PaneController {
  private state: PaneState;
  private readonly listeners = new Set<() => void>();
  private readonly host: ExcelHost;
  private readonly displayLanguage?: string;
  private readonly storage?: Pick<Storage, 'setItem'> | null;
  private readonly autoCalcDelay: number;
  private readonly readFile: (data: ArrayBuffer) => Promise<Grid>;
  /** True while the sheet carries the marks of a check made in this pane (until 清除标记). */
  private marksShown = false;
  private store: ExplanationStore | null = null;
  private watch: AmountWatch | null = null;
  private autoTimer: ReturnType<typeof setTimeout> | null = null;
  private autoPending: AmountChange | null = null;
  private autoRunning: Promise<void> | null = null;
  /** Cells this pane wrote (sheet!A1 -> the number written), which auto-calc may refresh. */
  private readonly owned = new Map<string, number>();
  /** Every number this pane ever wrote to a cell: an undo that puts one back gives the cell back to auto-calc. */
  private readonly written = new Map<string, Set<number>>();
  /** What the last edit touched, for 交给自动计算 to recompute at once. */
  private lastEdit: { worksheetId: string; scope: FillScope[] | null } | null = null;
  private importGrid: { grid: Grid; fileName: string } | null = null;
  /**
   * The checked sheet as checked, and as the pane's own writes have left it since: results are out of date
   * only while the two differ (undoing a write makes them current again; clearing marks changes no content).
   * `lost` is set by a change the pane cannot follow cell by cell (auto-calc), which stays stale.
   */
  private checked: { grid: Grid; now: Grid; touched: Set<string>; lost: boolean } | null = null;
  private current: Promise<void> | null = null;
  private disposed = false;

  constructor(options: ControllerOptions) {
    this.host = options.host;
    this.displayLanguage = options.displayLanguage;
    this.storage = options.storage;
    this.autoCalcDelay = options.autoCalcDelay ?? 250;
    this.readFile = options.readFile ?? readFormGrid;
    const settings = options.settings ?? { ...DEFAULT_SETTINGS };
    const events = capabilities(this.host).events;
    this.state = {
      settings,
      locale: localeOf(settings, options.displayLanguage),
      busy: null,
      message: null,
      check: null,
      explanations: [],
      preview: null,
      undoDepth: undoDepth(this.host),
      autoCalc: events
        ? { available: true, on: false, typed: [], held: [] }
        : {
            available: false,
            on: false,
            typed: [],
            held: [],
            reason: messageOf(new AdapterError('unsupported', AUTO_CALC_NEEDS)).text,
          },
    };
  }

  // ---- store ------------------------------------------------------------------------------------

  getState = (): PaneState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<PaneState>): void {
    if (this.disposed) return;
    this.state = { ...this.state, ...patch };
    for (const l of [...this.listeners]) l();
  }

  /** Runs one action: busy while it runs, its error (if any) as the message, the undo depth refreshed after. */
  private async run(name: ActionName, action: () => Promise<void>, options: { keepMessage?: boolean } = {}): Promise<void> {
    // A click waits for a background job (auto-calc, selecting cells); during another action it is ignored.
    while (this.state.busy) {
      if (!BACKGROUND.includes(this.state.busy) || !this.current) return;
      await this.current.catch(() => undefined);
    }
    this.set({ busy: name, ...(options.keepMessage ? {} : { message: null }) });
    const job = (async () => {
      try {
        await action();
      } catch (e) {
        this.set({ message: messageOf(e) });
      } finally {
        this.set({ busy: null, undoDepth: undoDepth(this.host) });
      }
    })();
    this.current = job;
    await job;
    if (this.current === job) this.current = null;
  }

  private notify(intent: PaneMessage['intent'], text: LocalText): void {
    this.set({ message: { intent, text } });
  }

  dismissMessage = (): void => this.set({ message: null });

  /** 应用 on a preview that changes no cell (the button is disabled; this guards other callers): writes nothing. */
  private nothingToApply(): void {
    this.importGrid = null;
    this.set({ preview: null, message: { intent: 'info', text: both((s) => s.nothingToWrite) } });
  }

  private markStale(): void {
    if (this.checked) this.checked.lost = true;
    if (this.state.check && !this.state.check.stale) this.set({ check: { ...this.state.check, stale: true } });
  }

  /** Follows a write of the pane's (or its undo) on the checked sheet: stale or current again, fixes in place. */
  private wrote(patch: Patch): void {
    const view = this.state.check;
    const c = this.checked;
    if (!view) return;
    if (!c) return this.markStale();
    if (patch.sheetName && patch.sheetName !== view.sheetName) return;
    c.now = patchGrid(c.now, patch);
    for (const w of patch.writes) c.touched.add(w.address);
    const content = (g: Grid, a: string) => {
      const cell = getCell(g, parseA1(a));
      return JSON.stringify([cell?.value ?? null, cell?.formula ?? null]);
    };
    const stale = c.lost || [...c.touched].some((a) => content(c.grid, a) !== content(c.now, a));
    const fixed: number[] = [];
    view.issues.forEach((issue, i) => {
      const fix = issue.fix ?? [];
      const inPlace = fix.length > 0 && fix.every((f) => content(c.now, toA1(f.cell)) === JSON.stringify([f.value ?? null, null]));
      if (inPlace && fix.some((f) => c.touched.has(toA1(f.cell)))) fixed.push(i);
    });
    this.set({ check: { ...view, stale, fixed } });
  }

  private remember(patch: Patch): void {
    for (const w of patch.writes) {
      const key = `${patch.sheetName}!${w.address}`;
      const value = w.formula === undefined && typeof w.value === 'number' ? w.value : null;
      if (value !== null && OWNED_REASONS.includes(w.reason)) {
        this.own(key, value);
      } else if (value !== null && w.reason === 'undo' && this.written.get(key)?.has(value)) {
        this.owned.set(key, value); // undo put back a figure this pane computed: still ours to refresh
      } else this.owned.delete(key);
    }
  }

  private own(key: string, value: number): void {
    this.owned.set(key, value);
    const set = this.written.get(key) ?? new Set<number>();
    set.add(value);
    this.written.set(key, set);
  }

  private owns(sheetName: string, address: string, found: CellValue | undefined): boolean {
    const v = this.owned.get(`${sheetName}!${address}`);
    return v !== undefined && typeof found === 'number' && Math.abs(found - v) < 1e-9;
  }

  /** The record of this sheet's cells the pane wrote, as the engine takes it (A1 -> value). */
  private ownedOn(sheetName: string): Map<string, CellValue> {
    const prefix = `${sheetName}!`;
    const out = new Map<string, CellValue>();
    for (const [k, v] of this.owned) if (k.startsWith(prefix)) out.set(k.slice(prefix.length), v);
    return out;
  }

  /** 合计 and 占比 cells holding a value the user typed (not a formula, not one this pane wrote). */
  private typedComputed(grid: Grid, form: FormMap | null = engine.locateForm(grid)): string[] {
    return engine.computedCells(form).flatMap(({ address }) => {
      const cell = getCell(grid, parseA1(address));
      if (!cell || cell.formula || isBlank(cell.value) || this.owns(grid.sheetName, address, cell.value)) return [];
      return [address];
    });
  }

  // ---- settings ---------------------------------------------------------------------------------

  updateSettings = (next: Partial<PaneSettings>): void => {
    const settings = { ...this.state.settings, ...next };
    saveSettings(this.storage, settings);
    this.set({ settings, locale: localeOf(settings, this.displayLanguage) });
  };

  // ---- check and explanations ------------------------------------------------------------------

  check = (): Promise<void> => this.run('check', () => this.checkNow());

  /** Checks the active sheet and paints its marks (those of an earlier check that no longer apply are removed). */
  private async checkNow(): Promise<void> {
    const { settings, locale } = this.state;
    const read = await readExplanations(this.host);
    this.store = read.store;
    const explanations = read.explanations;
    let full: CheckResult | undefined;
    let checkedGrid: Grid | undefined;
    const res = await checkAndHighlight(this.host, {
      locale,
      engine: {
        // The stored explanations and the threshold go to the engine; explained warnings are settled, so
        // they are listed here but not painted on the sheet.
        check: (grid, options) => {
          checkedGrid = grid;
          full = engine.check(grid, { ...options, explanations, changeThreshold: settings.thresholdPercent / 100 });
          return { ...full, issues: full.issues.filter((i) => statusOf(i) !== 'explained') };
        },
      },
    });
    const issues = full?.issues ?? res.issues;
    this.checked = checkedGrid ? { grid: checkedGrid, now: checkedGrid, touched: new Set(), lost: false } : null;
    this.set({
      explanations,
      preview: null,
      check: {
        sheetName: res.sheetName,
        found: res.found,
        lookedFor: res.lookedFor,
        issues,
        notMarked: res.notMarked,
        stale: false,
        coverage: full?.coverage ?? res.coverage,
      },
      message: res.found && issues.length === 0 ? { intent: 'success', text: both((s) => s.noIssues) } : null,
    });
    this.marksShown = res.found && !res.notMarked;
  }

  selectIssue = (issue: Issue): Promise<void> =>
    this.run(
      'select',
      async () => {
        const cells = issue.cells.filter((c) => c.row >= 0 && c.col >= 0);
        if (cells.length) await selectCells(this.host, cells, { sheet: this.state.check?.sheetName });
      },
      { keepMessage: true },
    );

  /** Saves (or, with empty text, removes) the 审核说明 of a warning in the workbook. */
  saveExplanation = (issue: Issue, text: string): Promise<void> =>
    this.run('explain', async () => {
      if (issue.severity === 'error') throw new PaneError('error-not-explainable', both((s) => s.errorsCannotBeExplained));
      const cells = cellsText(issue).replace(/\s+/g, '');
      let next = explain(this.state.explanations, issue, text, cells);
      let createdVisible: false | 'keeps-undo' | 'excel-1.1' = false;
      try {
        if (!this.store) throw new Error('store unknown');
        const written = await writeExplanations(this.host, next, this.store);
        this.store = written.store;
        createdVisible = written.createdVisible;
      } catch {
        // The sheet changed since it was read (or was never read): read it again and write once more.
        const read = await readExplanations(this.host);
        next = explain(read.explanations, issue, text, cells);
        const written = await writeExplanations(this.host, next, read.store);
        this.store = written.store;
        createdVisible = written.createdVisible;
      }
      const check = this.state.check;
      const issues = check
        ? attachExplanations(
            check.issues.map(({ explanation: _old, ...rest }) => rest),
            next,
          ).issues
        : null;
      this.set({
        explanations: next,
        check: check && issues ? { ...check, issues } : check,
        // Where hiding would clear the undo stack the sheet stays visible (src/excel/explanations.ts): say so.
        message: {
          intent: 'success',
          text: both((s) =>
            createdVisible === 'keeps-undo' ? s.explainSavedVisible(EXPLANATION_SHEET) : text.trim() ? s.explainSaved : s.explainCleared,
          ),
        },
      });
    });

  // ---- fill -------------------------------------------------------------------------------------

  defaultFillChoice(): FillChoice {
    return { only: ['totals', 'shares', 'changes'], overwrite: false, mode: this.state.settings.mode };
  }

  private async computeFillPreview(choice: FillChoice): Promise<FillPreview> {
    let grid: Grid | undefined;
    const res = await previewFill(this.host, {
      only: choice.only,
      overwrite: choice.overwrite,
      mode: choice.mode,
      tailRule: this.state.settings.tailRule,
      locale: this.state.locale,
      engine: {
        fill: (g, o) => {
          grid = g;
          return engine.fill(g, o);
        },
      },
    });
    if (!res.found) throw new PaneError('form-not-found', both((s) => s.notFound(res.lookedFor.join('、'))));
    return {
      kind: 'fill',
      choice,
      rows: grid ? changeRows(grid, res.patch) : [],
      skipped: res.patch.skipped,
      unavailable: res.unavailable,
      signature: signatureOf(res.patch),
    };
  }

  /** Shows what a fill would write (and leave alone), with these options. */
  previewFill = (choice: FillChoice = this.defaultFillChoice()): Promise<void> =>
    this.run('fill', async () => {
      this.set({ preview: await this.computeFillPreview(choice) });
    });

  applyFill = (): Promise<void> =>
    this.run('applyFill', async () => {
      const preview = this.state.preview;
      if (preview?.kind !== 'fill') return;
      if (!canApply(preview)) return this.nothingToApply();
      const { choice } = preview;
      let changed = false;
      try {
        const res = await applyFill(this.host, {
          only: choice.only,
          overwrite: choice.overwrite,
          mode: choice.mode,
          tailRule: this.state.settings.tailRule,
          locale: this.state.locale,
          engine: {
            // Write only what the preview showed: if the sheet changed since, stop before writing.
            fill: (g, o) => {
              const r = engine.fill(g, o);
              if (signatureOf(r.patch) !== preview.signature) {
                changed = true;
                throw new Error('changed since the preview');
              }
              return r;
            },
          },
        });
        this.remember(res.patch);
        if (res.patch.writes.length) this.wrote(res.patch);
        this.set({
          preview: null,
          message: { intent: 'success', text: both((s) => s.filled(res.patch.writes.length, res.patch.skipped.length)) },
        });
      } catch (e) {
        if (!changed) throw e;
        this.set({ preview: await this.computeFillPreview(choice), message: { intent: 'warning', text: both((s) => s.changedSincePreview) } });
      }
    });

  cancelPreview = (): void => {
    this.importGrid = null;
    this.set({ preview: null });
  };

  // ---- undo, marks, template --------------------------------------------------------------------

  undo = (): Promise<void> =>
    this.run('undo', async () => {
      const res = await undo(this.host);
      this.remember(res.patch);
      // Marks of a check made after the undone action would stay red on cells that are now correct:
      // check again, which repaints exactly the issues the sheet has now.
      if (this.marksShown) await this.checkNow();
      else this.wrote(res.patch);
      this.set({ preview: null, message: { intent: 'success', text: both((s) => s.undone) } });
    });

  clearMarks = (): Promise<void> =>
    this.run('clearMarks', async () => {
      const res = await clearMarks(this.host);
      this.marksShown = false;
      this.set({ message: { intent: 'success', text: both((s) => s.cleared(res.restored)) } });
    });

  insertTemplate = (): Promise<void> =>
    this.run('template', async () => {
      const res = await insertTemplate(this.host);
      // The new sheet is now the active one: the list on show is about another sheet.
      const check = this.state.check;
      this.set({
        check: check ? { ...check, stale: true, movedTo: res.sheetName } : check,
        message: { intent: 'success', text: both((s) => s.templateInserted(res.sheetName)) },
      });
    });

  /** 从 Word 导入: a .docx form becomes our template filled with its content, on a new sheet. */
  importWord = (file: { name: string; arrayBuffer(): Promise<ArrayBuffer> }): Promise<void> =>
    this.run('importWord', async () => {
      const data = new Uint8Array(await file.arrayBuffer());
      // The Word reader (and its zip library) is loaded only when a document is picked.
      const { readDocxTables } = await import('../src/docx/tables');
      const tables = await readDocxTables(data).catch((e: Error) => {
        // Said in words, as the command line says it: a password or .doc, a damaged file, a zip bomb.
        const head = data.subarray(0, 8);
        const problem = problemFor('docx', classifyFileError(isZip(head) ? e : null, file.name, 'read', head));
        throw new PaneError('word-unreadable', { 'zh-CN': fileProblemText(problem, 'zh-CN'), 'en-US': fileProblemText(problem, 'en-US') });
      });
      const imported = engine.templateFromForm(tables);
      if (!imported) throw new PaneError('form-not-found', both((s) => s.wordNoForm));
      const res = await insertTemplate(this.host, { engine: { buildTemplate: () => imported.doc } });
      this.set({ message: { intent: 'success', text: both((s) => s.wordImported(res.sheetName, imported.sheetName, imported.leftOut.join('、'))) } });
    });

  // ---- new year ---------------------------------------------------------------------------------

  private async computeRoll(): Promise<{ preview: RollPreview; patch: Patch }> {
    const grid = await readSheet(this.host);
    const r = engine.roll(grid, { locale: this.state.locale });
    if (!r.found) throw new PaneError('form-not-found', both((s) => s.notFound(r.lookedFor.join('、'))));
    return {
      patch: r.patch,
      preview: {
        kind: 'roll',
        fromYear: r.fromYear,
        toYear: r.toYear,
        rows: changeRows(grid, r.patch),
        skipped: r.patch.skipped,
        signature: signatureOf(r.patch),
      },
    };
  }

  previewRoll = (): Promise<void> =>
    this.run('roll', async () => {
      this.set({ preview: (await this.computeRoll()).preview });
    });

  applyRoll = (): Promise<void> =>
    this.run('applyRoll', async () => {
      const shown = this.state.preview;
      if (shown?.kind !== 'roll') return;
      if (!canApply(shown)) return this.nothingToApply();
      const now = await this.computeRoll();
      if (now.preview.signature !== shown.signature) {
        this.set({ preview: now.preview, message: { intent: 'warning', text: both((s) => s.changedSincePreview) } });
        return;
      }
      await applyPatch(this.host, now.patch);
      this.remember(now.patch);
      this.wrote(now.patch);
      this.set({ preview: null, message: { intent: 'success', text: both((s) => s.rolled(shown.toYear)) } });
    });

  // ---- import last year -------------------------------------------------------------------------

  private async computeImport(last: Grid, fileName: string): Promise<{ preview: ImportPreview; patch: Patch }> {
    const current = await readSheet(this.host);
    const r = engine.importFromLastYear(last, current, { overwrite: false, locale: this.state.locale });
    if (!r.found.last) throw new PaneError('no-form-in-file', both((s) => s.importNoFormInFile));
    if (!r.found.current) throw new PaneError('form-not-found', both((s) => s.importNoFormHere));
    return {
      patch: r.patch,
      preview: {
        kind: 'import',
        fileName,
        matched: r.matched?.length ?? 0,
        unmatched: (r.unmatched ?? []).map((u) => ({ kind: u.kind, side: u.side, label: u.label, row: u.row })),
        warnings: r.warnings ?? [],
        rows: changeRows(current, r.patch),
        skipped: r.patch.skipped,
        signature: signatureOf(r.patch),
      },
    };
  }

  /** Reads last year's workbook (ExcelJS is loaded only now) and previews what it would fill in. */
  previewImport = (file: { name: string; arrayBuffer(): Promise<ArrayBuffer> }): Promise<void> =>
    this.run('import', async () => {
      const data = await file.arrayBuffer();
      const last = await this.readFile(data);
      const { preview } = await this.computeImport(last, file.name);
      this.importGrid = { grid: last, fileName: file.name };
      this.set({ preview });
    });

  applyImport = (): Promise<void> =>
    this.run('applyImport', async () => {
      const shown = this.state.preview;
      if (shown?.kind !== 'import' || !this.importGrid) return;
      if (!canApply(shown)) return this.nothingToApply();
      const now = await this.computeImport(this.importGrid.grid, this.importGrid.fileName);
      if (now.preview.signature !== shown.signature) {
        this.set({ preview: now.preview, message: { intent: 'warning', text: both((s) => s.changedSincePreview) } });
        return;
      }
      await applyPatch(this.host, now.patch);
      this.remember(now.patch);
      this.wrote(now.patch);
      this.importGrid = null;
      this.set({ preview: null, message: { intent: 'success', text: both((s) => s.imported(now.patch.writes.length)) } });
    });

  // ---- 改为应为值, 写入检查结果, the guide --------------------------------------------------------------

  /**
   * The finding as it stands on the sheet now, and the patch writing its expected value. The check runs
   * again on a fresh read, so a value that has gone out of date is never written.
   */
  private async computeFix(issue: Issue): Promise<{ preview: FixPreview; patch: Patch }> {
    const grid = await readSheet(this.host, { sheet: this.state.check?.sheetName });
    const res = engine.check(grid, { explanations: this.state.explanations, changeThreshold: this.state.settings.thresholdPercent / 100 });
    if (!res.found) throw new PaneError('form-not-found', both((s) => s.notFound(res.lookedFor.join('、'))));
    const same = (i: Issue) => i.rule === issue.rule && i.messageId === issue.messageId && cellsText(i) === cellsText(issue);
    const now = res.issues.find(same);
    if (!now?.fix?.length) throw new PaneError('fix-gone', both((s) => s.fixGone));
    const writes = now.fix
      .map((f) => ({ address: toA1(f.cell), value: f.value, numberFormat: f.numberFormat, reason: 'fix' as const }))
      .filter((w) => {
        const before = getCell(grid, parseA1(w.address));
        return before?.formula !== undefined || before?.value !== w.value || (w.numberFormat !== undefined && w.numberFormat !== before?.numberFormat);
      });
    const patch: Patch = { sheetName: grid.sheetName, writes, skipped: [] };
    const rows = changeRows(grid, patch);
    // What is there now is part of the identity: 应用 writes only over what the preview showed.
    return { patch, preview: { kind: 'fix', issue: now, rows, skipped: [], signature: JSON.stringify(rows) } };
  }

  /** Shows what 改为应为值 would write for this finding (cell, what it holds now, the expected value). */
  previewFix = (issue: Issue): Promise<void> =>
    this.run('fix', async () => {
      this.importGrid = null;
      this.set({ preview: (await this.computeFix(issue)).preview });
    });

  applyFix = (): Promise<void> =>
    this.run('applyFix', async () => {
      const shown = this.state.preview;
      if (shown?.kind !== 'fix') return;
      if (!canApply(shown)) return this.nothingToApply();
      let now: { preview: FixPreview; patch: Patch };
      try {
        now = await this.computeFix(shown.issue);
      } catch (e) {
        this.set({ preview: null });
        throw e;
      }
      if (now.preview.signature !== shown.signature) {
        this.set({ preview: now.preview, message: { intent: 'warning', text: both((s) => s.changedSincePreview) } });
        return;
      }
      await applyPatch(this.host, now.patch);
      this.wrote(now.patch);
      this.set({ preview: null, message: { intent: 'success', text: both((s) => s.fixed(now.patch.writes.length)) } });
    });

  /** Writes the list on show into the workbook as the 检查结果 sheet (added, or rewritten in place). */
  writeResults = (): Promise<void> =>
    this.run('writeResults', async () => {
      const check = this.state.check;
      if (!check?.found) throw new PaneError('no-check', both((s) => s.resultsNeedCheck));
      const res = await writeResultSheet(this.host, {
        sheetName: check.sheetName,
        rows: check.issues.map((issue) => ({ issue, explanation: issue.explanation })),
        locale: this.state.locale,
      });
      this.set({ message: { intent: 'success', text: both((s) => s.resultsWritten(res.sheetName, res.rows, res.created)) } });
    });

  dismissGuide = (): void => this.updateSettings({ guideDismissed: true });

  toggleGuide = (): void => this.updateSettings({ guideDismissed: !this.state.settings.guideDismissed });

  // ---- auto-calc --------------------------------------------------------------------------------

  setAutoCalc = (on: boolean): Promise<void> =>
    this.run('autoCalc', async () => {
      if (!this.state.autoCalc.available) return;
      if (on && !this.watch) {
        const watch = await watchAmounts(this.host, (change) => this.scheduleRefresh(change));
        if (!watch.supported) {
          this.set({ autoCalc: { available: false, on: false, typed: [], held: [], reason: messageOf(watch.reason).text } });
          return;
        }
        this.watch = watch;
        // Say at once which computed cells hold typed values: auto-calc will not touch them unless handed over.
        let typed: string[] = [];
        try {
          typed = this.typedComputed(await readSheet(this.host));
        } catch {
          // A sheet that cannot be read now (being edited, no form yet) has nothing typed to report.
        }
        this.set({
          autoCalc: { ...this.state.autoCalc, on: true, typed, held: [] },
          message: { intent: 'info', text: both((s) => (typed.length ? s.autoCalcOnTyped(typed.length) : s.autoCalcOn)) },
        });
      } else if (!on && this.watch) {
        await this.stopWatching();
        this.set({ autoCalc: { ...this.state.autoCalc, on: false, typed: [], held: [] } });
      }
    });

  /**
   * 交给自动计算: the 合计 and 占比 the user typed become auto-calc's to keep up to date (nothing is written
   * for that); what the last edit touched is recomputed at once. Each recomputation is undoable as usual.
   */
  adoptTyped = (): Promise<void> =>
    this.run('autoCalc', async () => {
      const grid = await readSheet(this.host, this.lastEdit ? { sheet: this.lastEdit.worksheetId } : {});
      const typed = this.typedComputed(grid);
      let adopted = 0;
      for (const a of typed) {
        const v = getCell(grid, parseA1(a))?.value;
        if (typeof v === 'number') {
          this.own(`${grid.sheetName}!${a}`, v);
          adopted++;
        }
      }
      const written = this.lastEdit ? await this.recompute(grid, this.lastEdit.scope) : 0;
      if (!this.lastEdit) this.set({ autoCalc: { ...this.state.autoCalc, typed: this.typedComputed(grid) } });
      this.set({ message: { intent: 'success', text: both((s) => s.autoCalcAdopted(adopted, written)) } });
    });

  private async stopWatching(): Promise<void> {
    const w = this.watch;
    this.watch = null;
    if (this.autoTimer) clearTimeout(this.autoTimer);
    this.autoTimer = null;
    this.autoPending = null;
    if (w?.supported) await w.unsubscribe();
  }

  private scheduleRefresh(change: AmountChange): void {
    if (!this.watch || this.disposed) return;
    this.autoPending = change;
    if (this.autoTimer) clearTimeout(this.autoTimer);
    this.autoTimer = setTimeout(() => void this.refreshNow(), this.autoCalcDelay);
  }

  /** Resolves when the auto-calc refresh under way (if any) has finished. For tests and the workbench. */
  async idle(): Promise<void> {
    while (this.autoRunning) await this.autoRunning;
  }

  private async refreshNow(): Promise<void> {
    this.autoTimer = null;
    const change = this.autoPending;
    if (!change || !this.watch) return;
    if (this.state.busy || this.autoRunning) {
      // Another action holds the sheet: try again shortly.
      this.autoTimer = setTimeout(() => void this.refreshNow(), 100);
      return;
    }
    this.autoPending = null;
    const job = this.run(
      'autoCalc',
      async () => {
        const grid = await readSheet(this.host, { sheet: change.worksheetId });
        const form = engine.locateForm(grid);
        const scope = engine.editScope(form, change.address);
        if (!form || (scope && scope.length === 0)) return; // not an amount, 合计 or 占比: nothing to recompute
        this.lastEdit = { worksheetId: change.worksheetId, scope };
        await this.recompute(grid, scope, form);
      },
      { keepMessage: true },
    );
    this.autoRunning = job;
    try {
      await job;
    } finally {
      this.autoRunning = null;
    }
  }

  /**
   * Recomputes 合计 and 占比 of the groups and columns in scope: writes the cells that are empty or still
   * hold what this pane wrote, lists the rest (typed values, and what they keep from adding up), and says
   * both. Returns the number of cells written.
   */
  private async recompute(grid: Grid, scope: FillScope[] | null, form: FormMap | null = engine.locateForm(grid)): Promise<number> {
    if (!form) return 0;
    const { mode, tailRule } = this.state.settings;
    const res = engine.fill(grid, { only: AUTO_KINDS, mode, tailRule, overwrite: false, owned: this.ownedOn(grid.sheetName), scope: scope ?? undefined, locale: this.state.locale });
    if (!res.found) return 0;
    const patch: Patch = { sheetName: grid.sheetName, writes: res.patch.writes, skipped: [] };
    if (patch.writes.length) {
      await applyPatch(this.host, patch);
      this.remember(patch);
      this.markStale();
    }
    const held = res.patch.skipped;
    // The cells just written are the pane's now (or empty): the typed ones are the others.
    const writtenNow = new Set(patch.writes.map((w) => w.address));
    const typed = this.typedComputed(grid, form).filter((a) => !writtenNow.has(a));
    const cells = patch.writes.map((w) => w.address);
    this.set({
      autoCalc: { ...this.state.autoCalc, typed, held },
      message: { intent: held.length ? 'warning' : 'info', text: both((s) => s.autoCalcDone(cells, held.length)) },
    });
    return patch.writes.length;
  }

  async dispose(): Promise<void> {
    await this.stopWatching().catch(() => undefined);
    this.disposed = true;
    this.listeners.clear();
  }
}
