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
 *  - auto-calc only writes cells that are empty or that this pane itself filled and nobody changed since.
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
  AdapterError,
  AUTO_CALC_NEEDS,
  type AmountChange,
  type AmountWatch,
  type ExcelHost,
} from '../src/excel';
import { EXPLANATION_SHEET, readExplanations, writeExplanations, type ExplanationStore } from '../src/excel/explanations';
import * as engine from '../src/engine';
import type { CheckResult, FillKind } from '../src/engine';
import { parseA1 } from '../src/grid/address';
import { getCell, isBlank } from '../src/grid/grid';
import type { CellValue, Grid } from '../src/grid/types';
import type { Patch, SkippedWrite, WriteReason } from '../src/patch';
import { attachExplanations, explain, statusOf, type Explanation } from '../src/review/explanations';
import type { Issue, Locale } from '../src/rules/rule';
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
  | 'importWord';

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
  /** True once the pane wrote to the sheet after this check. */
  stale: boolean;
  /** Which parts of the form the check found and read (what was checked). */
  coverage?: Coverage;
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
  unavailable: { kind: string; reason: string }[];
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
  warnings: string[];
}

export type Preview = FillPreview | RollPreview | ImportPreview;

export interface AutoCalcState {
  /** False when the host cannot watch edits; `reason` says why. */
  available: boolean;
  reason?: LocalText;
  on: boolean;
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
  private store: ExplanationStore | null = null;
  private watch: AmountWatch | null = null;
  private autoTimer: ReturnType<typeof setTimeout> | null = null;
  private autoPending: AmountChange | null = null;
  private autoRunning: Promise<void> | null = null;
  /** Cells this pane wrote (sheet!A1 -> the number written), which auto-calc may refresh. */
  private readonly owned = new Map<string, number>();
  private importGrid: { grid: Grid; fileName: string } | null = null;
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
        ? { available: true, on: false }
        : {
            available: false,
            on: false,
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

  private markStale(): void {
    if (this.state.check && !this.state.check.stale) this.set({ check: { ...this.state.check, stale: true } });
  }

  private remember(patch: Patch): void {
    for (const w of patch.writes) {
      const key = `${patch.sheetName}!${w.address}`;
      if (OWNED_REASONS.includes(w.reason) && w.formula === undefined && typeof w.value === 'number') this.owned.set(key, w.value);
      else this.owned.delete(key);
    }
  }

  private owns(sheetName: string, address: string, found: CellValue | undefined): boolean {
    const v = this.owned.get(`${sheetName}!${address}`);
    return v !== undefined && typeof found === 'number' && Math.abs(found - v) < 1e-9;
  }

  // ---- settings ---------------------------------------------------------------------------------

  updateSettings = (next: Partial<PaneSettings>): void => {
    const settings = { ...this.state.settings, ...next };
    saveSettings(this.storage, settings);
    this.set({ settings, locale: localeOf(settings, this.displayLanguage) });
  };

  // ---- check and explanations ------------------------------------------------------------------

  check = (): Promise<void> =>
    this.run('check', async () => {
      const { settings, locale } = this.state;
      const read = await readExplanations(this.host);
      this.store = read.store;
      const explanations = read.explanations;
      let full: CheckResult | undefined;
      const res = await checkAndHighlight(this.host, {
        locale,
        engine: {
          // The stored explanations and the threshold go to the engine; explained warnings are settled, so
          // they are listed here but not painted on the sheet.
          check: (grid, options) => {
            full = engine.check(grid, { ...options, explanations, changeThreshold: settings.thresholdPercent / 100 });
            return { ...full, issues: full.issues.filter((i) => statusOf(i) !== 'explained') };
          },
        },
      });
      const issues = full?.issues ?? res.issues;
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
    });

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
      let createdVisible = false;
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
          text: both((s) => (createdVisible ? s.explainSavedVisible(EXPLANATION_SHEET) : text.trim() ? s.explainSaved : s.explainCleared)),
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
      const { choice } = preview;
      let changed = false;
      try {
        const res = await applyFill(this.host, {
          only: choice.only,
          overwrite: choice.overwrite,
          mode: choice.mode,
          tailRule: this.state.settings.tailRule,
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
        if (res.patch.writes.length) this.markStale();
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
      this.markStale();
      this.set({ preview: null, message: { intent: 'success', text: both((s) => s.undone) } });
    });

  clearMarks = (): Promise<void> =>
    this.run('clearMarks', async () => {
      const res = await clearMarks(this.host);
      this.set({ message: { intent: 'success', text: both((s) => s.cleared(res.restored)) } });
    });

  insertTemplate = (): Promise<void> =>
    this.run('template', async () => {
      const res = await insertTemplate(this.host);
      this.set({ message: { intent: 'success', text: both((s) => s.templateInserted(res.sheetName)) } });
    });

  /** 从 Word 导入: a .docx form becomes our template filled with its content, on a new sheet. */
  importWord = (file: { name: string; arrayBuffer(): Promise<ArrayBuffer> }): Promise<void> =>
    this.run('importWord', async () => {
      const data = new Uint8Array(await file.arrayBuffer());
      // The Word reader (and its zip library) is loaded only when a document is picked.
      const { readDocxTables } = await import('../src/docx/tables');
      const tables = await readDocxTables(data).catch((e: Error) => {
        throw new PaneError('word-unreadable', both((s) => s.wordUnreadable(e.message)));
      });
      const imported = engine.templateFromForm(tables);
      if (!imported) throw new PaneError('form-not-found', both((s) => s.wordNoForm));
      const res = await insertTemplate(this.host, { engine: { buildTemplate: () => imported.doc } });
      this.set({ message: { intent: 'success', text: both((s) => s.wordImported(res.sheetName, imported.sheetName, imported.leftOut.join('、'))) } });
    });

  // ---- new year ---------------------------------------------------------------------------------

  private async computeRoll(): Promise<{ preview: RollPreview; patch: Patch }> {
    const grid = await readSheet(this.host);
    const r = engine.roll(grid);
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
      const now = await this.computeRoll();
      if (now.preview.signature !== shown.signature) {
        this.set({ preview: now.preview, message: { intent: 'warning', text: both((s) => s.changedSincePreview) } });
        return;
      }
      await applyPatch(this.host, now.patch);
      this.remember(now.patch);
      this.markStale();
      this.set({ preview: null, message: { intent: 'success', text: both((s) => s.rolled(shown.toYear)) } });
    });

  // ---- import last year -------------------------------------------------------------------------

  private async computeImport(last: Grid, fileName: string): Promise<{ preview: ImportPreview; patch: Patch }> {
    const current = await readSheet(this.host);
    const r = engine.importFromLastYear(last, current, { overwrite: false });
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
      const now = await this.computeImport(this.importGrid.grid, this.importGrid.fileName);
      if (now.preview.signature !== shown.signature) {
        this.set({ preview: now.preview, message: { intent: 'warning', text: both((s) => s.changedSincePreview) } });
        return;
      }
      await applyPatch(this.host, now.patch);
      this.remember(now.patch);
      this.markStale();
      this.importGrid = null;
      this.set({ preview: null, message: { intent: 'success', text: both((s) => s.imported(now.patch.writes.length)) } });
    });

  // ---- auto-calc --------------------------------------------------------------------------------

  setAutoCalc = (on: boolean): Promise<void> =>
    this.run('autoCalc', async () => {
      if (!this.state.autoCalc.available) return;
      if (on && !this.watch) {
        const watch = await watchAmounts(this.host, (change) => this.scheduleRefresh(change));
        if (!watch.supported) {
          this.set({ autoCalc: { available: false, on: false, reason: messageOf(watch.reason).text } });
          return;
        }
        this.watch = watch;
        this.set({ autoCalc: { ...this.state.autoCalc, on: true }, message: { intent: 'info', text: both((s) => s.autoCalcOn) } });
      } else if (!on && this.watch) {
        await this.stopWatching();
        this.set({ autoCalc: { ...this.state.autoCalc, on: false } });
      }
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
        const base = { only: AUTO_KINDS, mode: this.state.settings.mode, tailRule: this.state.settings.tailRule };
        const safe = engine.fill(grid, { ...base, overwrite: false });
        if (!safe.found) return;
        // Cells a fill may write: empty ones (the overwrite:false fill), and ones the pane wrote itself that
        // still hold exactly what it wrote. Their new values come from a full computation, so shares follow
        // refreshed totals.
        const allowed = new Set(safe.patch.writes.map((w) => w.address));
        for (const s of safe.patch.skipped) if (s.because === 'user-value' && this.owns(grid.sheetName, s.address, s.found)) allowed.add(s.address);
        if (allowed.size === 0) return;
        const full = engine.fill(grid, { ...base, overwrite: true });
        const patch: Patch = { sheetName: grid.sheetName, writes: full.patch.writes.filter((w) => allowed.has(w.address)), skipped: [] };
        if (patch.writes.length === 0) return;
        await applyPatch(this.host, patch);
        this.remember(patch);
        this.markStale();
        this.set({ message: { intent: 'info', text: both((s) => s.autoCalcUpdated(patch.writes.length)) } });
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

  async dispose(): Promise<void> {
    await this.stopWatching().catch(() => undefined);
    this.disposed = true;
    this.listeners.clear();
  }
}
