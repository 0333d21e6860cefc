/**
 * Check-and-highlight and clear-marks.
 *
 * Sync budget, whatever the size of the sheet:
 *  - 3 syncs. Sync 1 reads the sheet's cells (the used range of values only), the marks record and the
 *    texts of the sheet's notes; sync 2 reads the fills of just the cells about to be marked that are not
 *    marked already (getCellProperties per block on 1.9+, a RangeFill per cell before), the places of
 *    notes when someone else's notes are on the sheet, and before 1.4 the hidden record sheet; sync 3
 *    writes everything. A re-check that marks the same cells needs no sync 2.
 *  - Reading every used cell's fill up front would save sync 2 but makes the response grow with the sheet:
 *    4,934 rows of fills are about 4 MB, near the 5 MB Excel on the web allows. Fills of the marked cells
 *    only keep it small (see npm run bench).
 *  - Should sync 1 be refused (more than 512 merged areas, too large a response), it is repeated without
 *    the merges, or without the cells, which are then read in blocks (read.ts).
 * Writes never go cell by cell: cells are merged into rectangles and, on 1.9+, into multi-area ranges.
 * At most MAX_MARKS cells are painted per check (errors first), so the record stays bounded.
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
import { groupByFill, MARK_COLORS, queueFillReads, queuePaint, type PrevFill } from './fills';
import { capabilities, runOptions, SyncCounter, type Caps, type ExcelHost } from './host';
import {
  encodeRecord,
  MAX_MARKS,
  MAX_RECORD_CHARS,
  queueRecordRead,
  splitEntries,
  type MarkEntry,
  type MarksRecord,
  type NoteKind,
  type RecordReader,
} from './marks-store';
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
  /** Cells blamed by issues but left unpainted because a check paints at most MAX_MARKS cells. */
  unmarked?: number;
}

interface Target {
  ref: CellRef;
  color: string;
  texts: string[];
}

/**
 * One target per cell; errors outrank warnings; the issue text goes on the first cell it blames. At most
 * `max` cells, error cells first.
 */
export function planMarks(issues: Issue[], message: (i: Issue) => string, max = Number.POSITIVE_INFINITY): Map<string, Target> {
  const all = planAllMarks(issues, message);
  if (all.size <= max) return all;
  const ordered = [...all.entries()].sort(([, a], [, b]) => Number(b.color === MARK_COLORS.error) - Number(a.color === MARK_COLORS.error));
  return new Map(ordered.slice(0, max));
}

function planAllMarks(issues: Issue[], message: (i: Issue) => string): Map<string, Target> {
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

function noteText(texts: string[], locale: Locale): string {
  return NOTE_PREFIX[locale] + texts.join('\n');
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
  let knownProtected = false;
  try {
    return await host.run(async (ctx) => {
      const counter = new SyncCounter();

      // Sync 1: the sheet's cells, the marks record (1.4), the annotations' texts.
      const first = await syncFirst(ctx, counter, (level) => {
        const read = queueSheetRead(ctx, caps, { sheet: options.sheet }, { merges: true, level });
        const record = queueRecordRead(ctx, caps);
        const census = kind ? queueCensus(read.worksheet, caps, kind) : undefined;
        return { read, record, census };
      });
      const ws = first.read.worksheet;
      const snap = await first.read.finish(ctx, counter);
      knownProtected = !!snap.protected;
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

      const allTargets = planMarks(checked.issues, (i) => engine.issueMessage(i, locale));
      const targets = planMarks(checked.issues, (i) => engine.issueMessage(i, locale), MAX_MARKS);
      if (allTargets.size > targets.size) result.unmarked = allTargets.size - targets.size;
      const wanted = new Map<string, string>();
      if (annotate) for (const t of targets.values()) if (t.texts.length) wanted.set(toA1(t.ref), noteText(t.texts, locale));
      const reader: RecordReader = first.record;
      // Notes need ExcelApi 1.10+, where the record (a setting) is always known after sync 1.
      const earlier = reader.ready ? splitEntries(reader.record(), snap.sheetId, snap.sheetName).mine : [];
      const earlierKeys = new Set(earlier.map((e) => cellKey(parseA1(e.address))));
      const plan = kind ? planNotes(first.census, ourNotes(earlier, kind), wanted.size > 0) : ({ mode: 'none' } as NotePlan);

      // Sync 2, only for what is still unknown: record rows (< 1.4), fills of newly marked cells, note places.
      let fillsRead: () => Map<string, PrevFill> = () => new Map();
      let located: (() => NoteSpot[]) | undefined;
      const unknownFills = [...targets.values()].filter((t) => !earlierKeys.has(cellKey(t.ref))).map((t) => t.ref);
      if (!reader.ready || unknownFills.length || plan.mode === 'locate') {
        reader.queueFollowUp();
        if (unknownFills.length) fillsRead = queueFillReads(ws, caps, unknownFills);
        if (plan.mode === 'locate' && kind) located = queueLocate(ws, kind, plan);
        await counter.sync(ctx);
      }
      const fills = fillsRead();

      const record: MarksRecord = reader.record();
      const { mine, others } = splitEntries(record, snap.sheetId, snap.sheetName);
      if (targets.size === 0 && mine.length === 0) return { ...result, syncs: counter.count };
      const mineNotes = kind ? ourNotes(mine, kind) : [];
      const byKey = new Map(mine.map((e) => [cellKey(parseA1(e.address)), e]));
      const prevOf = (t: Target): PrevFill => {
        const k = cellKey(t.ref);
        const old = byKey.get(k);
        if (old) return old.prev; // a cell marked before keeps the fill it had before the first mark
        return fills.get(k) ?? null;
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
        if (settingsRecord && encodeRecord(newRecord).length > MAX_RECORD_CHARS) {
          throw new AdapterError('marks-record-full', { detail: `${newRecord.marks.length} marks` });
        }
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
      let annotated: number;
      try {
        annotated = queueWrites(spots);
      } catch (e) {
        if (e instanceof AdapterError && e.code === 'marks-record-full') return { ...result, syncs: counter.count, notMarked: e.code };
        throw e;
      }
      try {
        await counter.sync(ctx);
      } catch (e) {
        const code = (e as { code?: string }).code;
        // Excel refused the change; only a protection read as on earns "protected" (1.1 cannot read it).
        if (code === 'AccessDenied') return { ...result, syncs: counter.count, notMarked: snap.protected ? 'sheet-protected' : 'access-denied' };
        if (!(plan.mode === 'assumed' && code === 'ItemNotFound' && kind)) throw e;
        // One of our notes is no longer where the record says (moved or deleted): locate them, write again.
        annotated = queueWrites(await relocate(ctx, counter, ws, caps, kind));
        await counter.sync(ctx);
      }
      return { ...result, syncs: counter.count, marked: targets.size, annotated };
    }, runOptions(caps, 'decorate'));
  } catch (e) {
    throw toAdapterError(e, options.sheet ?? '', { protected: knownProtected });
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
