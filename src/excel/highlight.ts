/**
 * Check-and-highlight and clear-marks.
 *
 * Sync budget, whatever the size of the sheet:
 *  - ExcelApi 1.9+: 2 syncs. Sync 1 reads the sheet, every used cell's fill (getCellProperties), the marks
 *    record and the texts of the sheet's notes; sync 2 writes everything. When every note on the sheet is
 *    one the add-in recorded, their places are the recorded cells; only when the sheet has someone else's
 *    notes (or threaded comments) does one more sync find where they are, so ours never replace theirs.
 *  - Older hosts: 3 syncs. They cannot read fills in bulk, so sync 2 reads the fills of just the cells
 *    about to be marked (and, before 1.4, the hidden record sheet).
 *  - Should the bulk read be refused (a response too large for Excel on the web, or more than 512 merged
 *    areas), sync 1 is repeated without it and the older hosts' way is taken: 4 syncs, still constant.
 * Writes never go cell by cell: cells are merged into rectangles and, on 1.9+, into multi-area ranges.
 *
 * Write order matters because Excel applies a failing batch up to the failing operation. When marking,
 * the record (a setting, 1.4+) is written first: if anything after it fails, the record may name a mark
 * that was not painted, and restoring that cell puts back the fill it still has; the other way round, a
 * painted mark could lose its original fill for good. When clearing, the record goes last for the same
 * reason. Note removals come before any painting, so a note that is not where the record says (the one
 * guess we make) fails the batch before it paints anything.
 */
import { cellKey, parseA1, toA1, type CellRef } from '../grid/address';
import type { CheckResult } from '../engine';
import type { Issue, Locale } from '../rules/rule';
import { engineWith, type EnginePort } from './engine-port';
import { AdapterError, toAdapterError, type AdapterErrorCode } from './errors';
import { fillFromLoaded, groupByFill, MARK_COLORS, queueFillReads, queuePaint, type PrevFill } from './fills';
import { capabilities, runOptions, SyncCounter, type Caps, type ExcelHost } from './host';
import { queueRecordRead, splitEntries, type MarkEntry, type MarksRecord, type NoteKind, type RecordReader } from './marks-store';
import {
  MAX_NOTES,
  NOTE_PREFIX,
  noteKind,
  onlyOurs,
  queueAddNote,
  queueCensus,
  queueNoteCount,
  queueNoteSpots,
  spotsAt,
  type Census,
  type NoteSpot,
} from './notes';
import { queueSheetRead, syncFirst, worksheetOf } from './read';

export interface CheckHighlightOptions {
  locale?: Locale;
  /** Sheet name; the active sheet by default. */
  sheet?: string;
  /** Attach notes/comments to marked cells where the host supports them (default true). */
  annotate?: boolean;
  engine?: Partial<EnginePort>;
}

export interface CheckHighlightResult extends Omit<CheckResult, 'sheetName'> {
  sheetName: string;
  syncs: number;
  /** Cells painted. */
  marked: number;
  /** Notes or comments on marked cells (added now or kept from the last check). */
  annotated: number;
  /** Why no marks were painted, when the check ran but marking could not. */
  notMarked?: AdapterErrorCode;
}

interface Target {
  ref: CellRef;
  color: string;
  texts: string[];
}

/** One target per cell; errors outrank warnings; the issue text goes on the first cell it blames. */
export function planMarks(issues: Issue[], message: (i: Issue) => string): Map<string, Target> {
  const out = new Map<string, Target>();
  for (const issue of issues) {
    const color = issue.severity === 'error' ? MARK_COLORS.error : MARK_COLORS.warning;
    issue.cells.forEach((ref, i) => {
      if (ref.row < 0 || ref.col < 0) return;
      const k = cellKey(ref);
      const t = out.get(k) ?? { ref: { row: ref.row, col: ref.col }, color, texts: [] };
      if (color === MARK_COLORS.error) t.color = color;
      if (i === 0) {
        const text = message(issue);
        if (!t.texts.includes(text)) t.texts.push(text);
      }
      out.set(k, t);
    });
  }
  return out;
}

function noteText(texts: string[]): string {
  return NOTE_PREFIX + texts.join('\n');
}

/** Queues putting back the fills of marks that are not being repainted. */
function queueRestore(ws: Excel.Worksheet, caps: Caps, entries: MarkEntry[], keep: (k: string) => boolean): number {
  const items = entries.map((e) => ({ ref: parseA1(e.address), fill: e.prev })).filter((it) => !keep(cellKey(it.ref)));
  queuePaint(ws, caps, groupByFill(items));
  return items.length;
}

/** Our recorded annotations of the current kind. */
function ourNotes(mine: MarkEntry[], kind: NoteKind): { address: string; content: string }[] {
  return mine
    .filter((e) => e.note !== undefined && (e.noteKind ?? kind) === kind)
    .map((e) => ({ address: e.address.toUpperCase(), content: e.note! }));
}

/**
 * How the annotations will be found: not needed, known from the record (no sync), or located (one sync
 * that loads where each annotation on the sheet sits).
 */
type NotePlan = { mode: 'none' } | { mode: 'assumed' } | { mode: 'locate'; own: number; other: number };

function planNotes(census: Census | undefined, ours: { content: string }[], adding: boolean): NotePlan {
  if (!census) return { mode: 'none' };
  const texts = census.texts();
  const other = census.otherCount();
  if (texts.length === 0 && other === 0) return { mode: 'none' };
  if (!adding && ours.length === 0) return { mode: 'none' };
  // Adding needs to know every occupied cell; removing only needs ours where the record says.
  if (onlyOurs(texts, ours.map((o) => o.content)) && (other === 0 || !adding)) return { mode: 'assumed' };
  return { mode: 'locate', own: texts.length, other: adding ? other : 0 };
}

/** Queues the lookups of a 'locate' plan; the result lists every annotation the sheet has. */
function queueLocate(ws: Excel.Worksheet, kind: NoteKind, plan: { own: number; other: number }): () => NoteSpot[] {
  const own = queueNoteSpots(ws, kind, plan.own);
  // Threaded comments only matter as occupied cells (a cell holds a note or a comment, not both).
  const other = plan.other ? queueNoteSpots(ws, 'comment', plan.other) : () => [];
  return () => [...own(), ...other()];
}

/** A fallback when a guessed place was wrong: count, then locate, from scratch (rare; 2 more syncs). */
async function relocate(ctx: Excel.RequestContext, counter: SyncCounter, ws: Excel.Worksheet, caps: Caps, kind: NoteKind): Promise<NoteSpot[]> {
  const own = queueNoteCount(ws, kind);
  const other = kind === 'note' && caps.comments ? ws.comments.getCount() : undefined;
  await counter.sync(ctx);
  const later = queueLocate(ws, kind, { own: own.value, other: other?.value ?? 0 });
  await counter.sync(ctx);
  return later();
}

interface NoteWrites {
  /** Spots of ours to delete (queued in order before painting). */
  remove: NoteSpot[];
  /** Spots of ours that stay as they are. */
  kept: NoteSpot[];
  /** New notes: cell -> text. */
  add: Map<string, string>;
  /** Notes per cell after the write (kept or added), for the record. */
  final: Map<string, string>;
}

/**
 * Sorts the sheet's annotations into ours and everyone else's. Ours are recognised by text (each recorded
 * text once), wherever they now sit: the user may have moved one, and it is still the add-in's.
 */
function planNoteWrites(spots: NoteSpot[], mine: { address: string; content: string }[], wanted: Map<string, string>): NoteWrites {
  const left = new Map<string, number>();
  for (const m of mine) left.set(m.content, (left.get(m.content) ?? 0) + 1);
  const occupied = new Set<string>();
  const ours: NoteSpot[] = [];
  for (const s of spots) {
    const n = left.get(s.content) ?? 0;
    if (n > 0) {
      ours.push(s);
      left.set(s.content, n - 1);
    } else occupied.add(s.address); // someone else's note or comment: never replaced
  }
  const final = new Map<string, string>();
  let n = 0;
  for (const [address, text] of wanted) {
    if (occupied.has(address) || n >= MAX_NOTES) continue;
    final.set(address, text);
    n++;
  }
  const remove = ours.filter((s) => final.get(s.address) !== s.content);
  const kept = ours.filter((s) => final.get(s.address) === s.content);
  const keptAt = new Set(kept.map((s) => s.address));
  const add = new Map([...final].filter(([a]) => !keptAt.has(a)));
  return { remove, kept, add, final };
}

export async function checkAndHighlight(host: ExcelHost, options: CheckHighlightOptions = {}): Promise<CheckHighlightResult> {
  const caps = capabilities(host);
  const engine = engineWith(options.engine);
  const locale = options.locale ?? 'zh-CN';
  // Notes of an earlier check are cleaned up even when this one adds none.
  const kind = noteKind(caps);
  const annotate = options.annotate !== false && kind !== null;
  try {
    return await host.run(async (ctx) => {
      const counter = new SyncCounter();

      // Sync 1: the sheet, its fills (1.9), the marks record (1.4), the annotations' texts.
      const first = await syncFirst(ctx, counter, caps.mergedAreas || caps.v1_9, (light) => {
        const read = queueSheetRead(ctx, caps, { sheet: options.sheet }, { fills: !light, merges: !light });
        const record = queueRecordRead(ctx, caps);
        const census = kind ? queueCensus(read.worksheet, caps, kind) : undefined;
        return { read, record, census };
      });
      const ws = first.read.worksheet;
      const snap = first.read.done();
      const checked = engine.check(snap.grid, { locale });
      const result: CheckHighlightResult = {
        sheetName: snap.sheetName,
        found: checked.found,
        lookedFor: checked.lookedFor,
        issues: checked.issues,
        coverage: checked.coverage,
        origin: checked.origin,
        syncs: 0,
        marked: 0,
        annotated: 0,
      };
      if (snap.protected) {
        // Painting would fail half-way; report the issues and leave the sheet alone.
        return { ...result, syncs: counter.count, notMarked: 'sheet-protected' };
      }

      const targets = planMarks(checked.issues, (i) => engine.issueMessage(i, locale));
      const wanted = new Map<string, string>();
      if (annotate) for (const t of targets.values()) if (t.texts.length) wanted.set(toA1(t.ref), noteText(t.texts));
      const reader: RecordReader = first.record;
      // Notes need ExcelApi 1.10+, where the record (a setting) is always known after sync 1.
      const earlier = reader.ready ? splitEntries(reader.record(), snap.sheetId, snap.sheetName).mine : [];
      const earlierKeys = new Set(earlier.map((e) => cellKey(parseA1(e.address))));
      const plan = kind ? planNotes(first.census, ourNotes(earlier, kind), wanted.size > 0) : ({ mode: 'none' } as NotePlan);

      // Sync 2, only for what is still unknown: record rows (< 1.4), single-cell fills (< 1.9), note places.
      let fillReads: Map<string, Excel.RangeFill> | undefined;
      let located: (() => NoteSpot[]) | undefined;
      const unknownFills = snap.fills ? [] : [...targets.values()].filter((t) => !earlierKeys.has(cellKey(t.ref))).map((t) => t.ref);
      if (!reader.ready || unknownFills.length || plan.mode === 'locate') {
        reader.queueFollowUp();
        if (unknownFills.length) fillReads = queueFillReads(ws, caps, unknownFills);
        if (plan.mode === 'locate' && kind) located = queueLocate(ws, kind, plan);
        await counter.sync(ctx);
      }

      const record: MarksRecord = reader.record();
      const { mine, others } = splitEntries(record, snap.sheetId, snap.sheetName);
      if (targets.size === 0 && mine.length === 0) return { ...result, syncs: counter.count };
      const mineNotes = kind ? ourNotes(mine, kind) : [];
      const byKey = new Map(mine.map((e) => [cellKey(parseA1(e.address)), e]));
      const prevOf = (t: Target): PrevFill => {
        const k = cellKey(t.ref);
        const old = byKey.get(k);
        if (old) return old.prev; // a cell marked before keeps the fill it had before the first mark
        if (snap.fills) return snap.fills.get(k) ?? null;
        const loaded = fillReads?.get(k);
        return loaded ? fillFromLoaded(loaded, caps) : null;
      };
      const settingsRecord = caps.v1_4;

      /** Queues every write of the check; returns how many notes the cells end up with. */
      const queueWrites = (spots: NoteSpot[]): number => {
        const notes = planNoteWrites(spots, mineNotes, wanted);
        const entries: MarkEntry[] = [...targets.values()].map((t) => {
          const address = toA1(t.ref);
          const entry: MarkEntry = { sheetId: snap.sheetId, sheetName: snap.sheetName, address, prev: prevOf(t), mark: t.color };
          const note = notes.final.get(address);
          if (note !== undefined && kind) {
            entry.note = note;
            entry.noteKind = kind;
          }
          return entry;
        });
        const newRecord = { v: 1 as const, marks: [...others, ...entries] };
        if (settingsRecord) reader.queueWrite(newRecord);
        for (const s of notes.remove) s.remove();
        for (const s of notes.kept) s.verify?.(); // a note kept on the record's word must really be there
        queueRestore(ws, caps, mine, (k) => targets.has(k));
        queuePaint(ws, caps, groupByFill([...targets.values()].map((t) => ({ ref: t.ref, fill: { color: t.color } }))));
        if (kind) for (const [address, text] of notes.add) queueAddNote(ws, kind, address, text);
        // Before 1.4 the record is a sheet: written last, so a protected target sheet (which 1.1 cannot
        // detect beforehand) fails the batch before anything at all is written.
        if (!settingsRecord) reader.queueWrite(newRecord);
        return notes.final.size;
      };

      const spots = plan.mode === 'assumed' && kind ? spotsAt(ws, kind, mineNotes) : located ? located() : [];
      let annotated = queueWrites(spots);
      try {
        await counter.sync(ctx);
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code === 'AccessDenied') return { ...result, syncs: counter.count, notMarked: 'sheet-protected' };
        if (!(plan.mode === 'assumed' && code === 'ItemNotFound' && kind)) throw e;
        // One of our notes is no longer where the record says (moved or deleted): locate them, write again.
        annotated = queueWrites(await relocate(ctx, counter, ws, caps, kind));
        await counter.sync(ctx);
      }
      return { ...result, syncs: counter.count, marked: targets.size, annotated };
    }, runOptions(caps, 'decorate'));
  } catch (e) {
    throw toAdapterError(e, options.sheet ?? '');
  }
}

export interface ClearMarksResult {
  restored: number;
  notesRemoved: number;
  syncs: number;
}

/** Puts back the exact fills the marks covered and removes the notes the add-in added, on one sheet. */
export async function clearMarks(host: ExcelHost, options: { sheet?: string } = {}): Promise<ClearMarksResult> {
  const caps = capabilities(host);
  const kind = noteKind(caps);
  let sheetName = options.sheet ?? '';
  try {
    return await host.run(async (ctx) => {
      const counter = new SyncCounter();
      const ws = worksheetOf(ctx, options.sheet);
      ws.load(caps.v1_2 ? 'id,name,protection/protected' : 'id,name');
      const reader = queueRecordRead(ctx, caps);
      const census = kind ? queueCensus(ws, caps, kind) : undefined;
      await counter.sync(ctx);
      sheetName = ws.name;
      if (!reader.ready) {
        reader.queueFollowUp();
        await counter.sync(ctx);
      }
      const { mine, others } = splitEntries(reader.record(), ws.id, ws.name);
      if (mine.length === 0) return { restored: 0, notesRemoved: 0, syncs: counter.count };
      if (caps.v1_2 && ws.protection.protected) throw new AdapterError('sheet-protected', { sheet: ws.name });

      const mineNotes = kind ? ourNotes(mine, kind) : [];
      const plan = kind ? planNotes(census, mineNotes, false) : ({ mode: 'none' } as NotePlan);
      let spots: NoteSpot[] = [];
      if (plan.mode === 'assumed' && kind) spots = spotsAt(ws, kind, mineNotes);
      else if (plan.mode === 'locate' && kind) {
        const later = queueLocate(ws, kind, plan);
        await counter.sync(ctx);
        spots = later();
      }

      const queueWrites = (found: NoteSpot[]): { restored: number; removed: number } => {
        const { remove } = planNoteWrites(found, mineNotes, new Map());
        for (const s of remove) s.remove();
        const restored = queueRestore(ws, caps, mine, () => false);
        // The record goes last here: should anything before it fail, the marks stay on record and a
        // later clear can still restore them (restoring twice is harmless).
        reader.queueWrite({ v: 1, marks: others });
        return { restored, removed: remove.length };
      };
      let done = queueWrites(spots);
      try {
        await counter.sync(ctx);
      } catch (e) {
        if (!(plan.mode === 'assumed' && (e as { code?: string }).code === 'ItemNotFound' && kind)) throw e;
        done = queueWrites(await relocate(ctx, counter, ws, caps, kind));
        await counter.sync(ctx);
      }
      return { restored: done.restored, notesRemoved: done.removed, syncs: counter.count };
    }, runOptions(caps, 'decorate'));
  } catch (e) {
    throw toAdapterError(e, sheetName);
  }
}
