/**
 * Check-and-highlight and clear-marks.
 *
 * Sync budget, whatever the size of the sheet:
 *  - ExcelApi 1.9+: 2 syncs. Sync 1 reads the sheet, every used cell's fill (getCellProperties), the marks
 *    record and the note count; sync 2 writes everything. A third sync is added only when the sheet
 *    already holds notes/comments, to learn where they are before adding ours.
 *  - Older hosts: 3 syncs. They cannot read fills in bulk, so sync 2 reads the fills of just the cells
 *    about to be marked (and, before 1.4, the hidden record sheet).
 * Writes never go cell by cell: cells are merged into rectangles and, on 1.9+, into multi-area ranges.
 */
import { cellKey, parseA1, toA1, type CellRef } from '../grid/address';
import type { CheckResult } from '../engine';
import type { Issue, Locale } from '../rules/rule';
import { engineWith, type EnginePort } from './engine-port';
import { AdapterError, toAdapterError, type AdapterErrorCode } from './errors';
import { fillFromLoaded, groupByFill, MARK_COLORS, queueFillReads, queuePaint, type PrevFill } from './fills';
import { capabilities, runOptions, SyncCounter, type Caps, type ExcelHost } from './host';
import { queueRecordRead, splitEntries, type MarkEntry, type MarksRecord, type RecordReader } from './marks-store';
import { MAX_NOTES, NOTE_PREFIX, noteKind, queueAddNote, queueNoteCount, queueNoteSpots, type NoteSpot } from './notes';
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
  /** Notes or comments added. */
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
  const items = entries
    .map((e) => ({ ref: parseA1(e.address), fill: e.prev }))
    .filter((it) => !keep(cellKey(it.ref)));
  queuePaint(ws, caps, groupByFill(items));
  return items.length;
}

/** Deletes the notes we added (same cell, same text); returns the cells still holding someone's note. */
function reconcileNotes(spots: NoteSpot[], ours: MarkEntry[]): { occupied: Set<string>; removed: number } {
  const ourText = new Map(ours.filter((e) => e.note !== undefined).map((e) => [e.address.toUpperCase(), e.note!]));
  const occupied = new Set<string>();
  let removed = 0;
  for (const s of spots) {
    if (ourText.get(s.address) === s.content) {
      s.remove();
      removed++;
    } else occupied.add(s.address);
  }
  return { occupied, removed };
}

export async function checkAndHighlight(host: ExcelHost, options: CheckHighlightOptions = {}): Promise<CheckHighlightResult> {
  const caps = capabilities(host);
  const engine = engineWith(options.engine);
  const locale = options.locale ?? 'zh-CN';
  const kind = options.annotate === false ? null : noteKind(caps);
  try {
    return await host.run(async (ctx) => {
      const counter = new SyncCounter();

      // Sync 1: the sheet, its fills (1.9), the marks record (1.4), the note count.
      const first = await syncFirst(ctx, counter, caps, (merges) => {
        const read = queueSheetRead(ctx, caps, { sheet: options.sheet }, { fills: true, merges });
        const record = queueRecordRead(ctx, caps);
        const noteCount = kind ? queueNoteCount(read.worksheet, kind) : undefined;
        return { read, record, noteCount };
      });
      const ws = first.read.worksheet;
      const snap = first.read.done();
      const checked = engine.check(snap.grid, { locale });
      const result: CheckHighlightResult = {
        sheetName: snap.sheetName,
        found: checked.found,
        lookedFor: checked.lookedFor,
        issues: checked.issues,
        syncs: 0,
        marked: 0,
        annotated: 0,
      };
      if (snap.protected) {
        // Painting would fail half-way; report the issues and leave the sheet alone.
        return { ...result, syncs: counter.count, notMarked: 'sheet-protected' };
      }

      const targets = planMarks(checked.issues, (i) => engine.issueMessage(i, locale));
      const recordReader: RecordReader = first.record;
      const oldKnown = recordReader.ready ? splitEntries(recordReader.record(), snap.sheetId, snap.sheetName).mine : undefined;
      const oldKeys = new Set((oldKnown ?? []).map((e) => cellKey(parseA1(e.address))));
      const noteCount = first.noteCount?.value ?? 0;
      const recordHasNotes = (oldKnown ?? []).some((e) => e.note !== undefined);
      const wantNotes = kind !== null && noteCount > 0 && ([...targets.values()].some((t) => t.texts.length) || recordHasNotes);

      // Sync 2 (only when something is still unknown): record rows, single-cell fills, note positions.
      let fillReads: Map<string, Excel.RangeFill> | undefined;
      let spots: (() => NoteSpot[]) | undefined;
      const unknownFills = snap.fills ? [] : [...targets.values()].filter((t) => !oldKeys.has(cellKey(t.ref))).map((t) => t.ref);
      if (!recordReader.ready || unknownFills.length || wantNotes) {
        recordReader.queueFollowUp();
        if (unknownFills.length) fillReads = queueFillReads(ws, caps, unknownFills);
        if (wantNotes && kind) spots = queueNoteSpots(ws, kind, noteCount);
        await counter.sync(ctx);
      }

      const record: MarksRecord = recordReader.record();
      const { mine, others } = splitEntries(record, snap.sheetId, snap.sheetName);
      if (targets.size === 0 && mine.length === 0) return { ...result, syncs: counter.count };

      const oldByKey = new Map(mine.map((e) => [cellKey(parseA1(e.address)), e]));
      const prevOf = (t: Target): PrevFill => {
        const k = cellKey(t.ref);
        const old = oldByKey.get(k);
        if (old) return old.prev; // a cell marked before keeps the fill it had before the first mark
        if (snap.fills) return snap.fills.get(k) ?? null;
        const loaded = fillReads?.get(k);
        return loaded ? fillFromLoaded(loaded, caps) : null;
      };

      // Last sync: restore what is no longer marked, paint, annotate, save the record.
      queueRestore(ws, caps, mine, (k) => targets.has(k));
      const paint = [...targets.values()].map((t) => ({ ref: t.ref, fill: { color: t.color } as PrevFill }));
      queuePaint(ws, caps, groupByFill(paint));

      const entries: MarkEntry[] = [];
      const occupied = spots && kind ? reconcileNotes(spots(), mine).occupied : new Set<string>();
      let annotated = 0;
      for (const t of targets.values()) {
        const address = toA1(t.ref);
        const entry: MarkEntry = { sheetId: snap.sheetId, sheetName: snap.sheetName, address, prev: prevOf(t), mark: t.color };
        if (kind && t.texts.length && annotated < MAX_NOTES && !occupied.has(address)) {
          entry.note = noteText(t.texts);
          entry.noteKind = kind;
          queueAddNote(ws, kind, address, entry.note);
          annotated++;
        }
        entries.push(entry);
      }
      recordReader.queueWrite({ v: 1, marks: [...others, ...entries] });
      await counter.sync(ctx);
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
      const count = kind ? queueNoteCount(ws, kind) : undefined;
      await counter.sync(ctx);
      sheetName = ws.name;
      if (!reader.ready) {
        reader.queueFollowUp();
        await counter.sync(ctx);
      }
      const { mine, others } = splitEntries(reader.record(), ws.id, ws.name);
      if (mine.length === 0) return { restored: 0, notesRemoved: 0, syncs: counter.count };
      if (caps.v1_2 && ws.protection.protected) throw new AdapterError('sheet-protected', { sheet: ws.name });

      let spots: NoteSpot[] = [];
      if (kind && (count?.value ?? 0) > 0 && mine.some((e) => e.note !== undefined)) {
        const later = queueNoteSpots(ws, kind, count!.value);
        await counter.sync(ctx);
        spots = later();
      }
      const restored = queueRestore(ws, caps, mine, () => false);
      const { removed } = reconcileNotes(spots, mine);
      reader.queueWrite({ v: 1, marks: others });
      await counter.sync(ctx);
      return { restored, notesRemoved: removed, syncs: counter.count };
    }, runOptions(caps, 'decorate'));
  } catch (e) {
    throw toAdapterError(e, sheetName);
  }
}
