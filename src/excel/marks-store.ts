/**
 * Where the add-in remembers the fills it covered, so "clear marks" can put them back even after the
 * workbook was saved, closed and reopened. The record lives inside the workbook:
 *
 *  - ExcelApi 1.4+: in the workbook's add-in settings (`workbook.settings`, key `jixiao.marks`). A setting
 *    is read with getItemOrNullObject in the same sync as the sheet itself (a hidden sheet would first
 *    have to be found, then read: one more sync on every check), it is invisible, saved with the file,
 *    scoped to this add-in, and no "Unhide sheet" or formula can reach or break it.
 *  - ExcelApi 1.1-1.3 (no settings API): a worksheet named `jixiao_marks`, one JSON row per mark, made
 *    VeryHidden where the host can set visibility (1.2). On a 1.1-only host it stays visible; its first
 *    row says what it is. Reading it costs the extra sync those hosts need anyway.
 *
 * The record is bounded. An add-in's settings hold at most 2 MB (Office.Settings; office-js#621), past
 * which Excel answers InvalidArgument (office-js#3957). A check marks at most MAX_MARKS cells per sheet
 * (errors first; the rest are listed in the task pane but not painted), the setting is written compactly
 * (each distinct previous fill once per sheet, then [cell, fill, mark] triples), and a record that would
 * pass MAX_RECORD_CHARS is not written at all: the check then paints nothing and says so, rather than
 * paint cells whose previous fill it could not keep.
 */
import { parseA1 } from '../grid/address';
import type { PrevFill } from './fills';
import type { Caps } from './host';

export const SETTING_KEY = 'jixiao.marks';
export const RECORD_SHEET = 'jixiao_marks';
/** Cells one check paints on one sheet at most. */
export const MAX_MARKS = 2000;
/** The whole record's JSON at most: half the documented 2 MB settings maximum. */
export const MAX_RECORD_CHARS = 1_000_000;

export type NoteKind = 'note' | 'comment';

export interface MarkEntry {
  sheetId: string;
  sheetName: string;
  /** A1 of the marked cell. */
  address: string;
  /** The fill the cell had before it was first marked. */
  prev: PrevFill;
  /** The colour the add-in painted. */
  mark: string;
  /** The text of the note or comment the add-in attached, if any. */
  note?: string;
  noteKind?: NoteKind;
}

export interface MarksRecord {
  v: 1;
  marks: MarkEntry[];
}

const HEADER = {
  jixiao: 'marks',
  v: 1,
  about: 'jixiao keeps the original fills of the cells it highlighted here, to restore them. Please do not edit.',
};

export function emptyRecord(): MarksRecord {
  return { v: 1, marks: [] };
}

function isEntry(x: unknown): x is MarkEntry {
  const e = x as MarkEntry;
  return !!e && typeof e.sheetName === 'string' && typeof e.address === 'string' && typeof e.mark === 'string' && 'prev' in e;
}

/** The compact form written to the setting. */
interface CompactRecord {
  v: 2;
  sheets: { id: string; name: string; fills: PrevFill[]; marks: (string | number)[][] }[];
}

/** The setting's text: per sheet, each distinct previous fill once, then [cell, fill index, mark, note?, kind?]. */
export function encodeRecord(record: MarksRecord): string {
  const sheets = new Map<string, CompactRecord['sheets'][number] & { index: Map<string, number> }>();
  for (const m of record.marks) {
    const key = `${m.sheetId}|${m.sheetName}`;
    let sh = sheets.get(key);
    if (!sh) sheets.set(key, (sh = { id: m.sheetId, name: m.sheetName, fills: [], marks: [], index: new Map() }));
    const fk = JSON.stringify(m.prev);
    let fi = sh.index.get(fk);
    if (fi === undefined) {
      fi = sh.fills.length;
      sh.fills.push(m.prev);
      sh.index.set(fk, fi);
    }
    const row: (string | number)[] = [m.address, fi, m.mark];
    if (m.note !== undefined) row.push(m.note, m.noteKind ?? 'note');
    sh.marks.push(row);
  }
  const out: CompactRecord = { v: 2, sheets: [...sheets.values()].map(({ index: _i, ...rest }) => rest) };
  return JSON.stringify(out);
}

function decodeCompact(data: CompactRecord): unknown[] {
  const out: unknown[] = [];
  for (const sh of data.sheets ?? []) {
    for (const row of sh.marks ?? []) {
      const [address, fi, mark, note, noteKind] = row;
      const e: Record<string, unknown> = { sheetId: sh.id, sheetName: sh.name, address, prev: sh.fills?.[fi as number] ?? null, mark };
      if (typeof note === 'string') {
        e.note = note;
        e.noteKind = noteKind;
      }
      out.push(e);
    }
  }
  return out;
}

/** Tolerant parse: anything unexpected reads as "no marks" rather than breaking the add-in. */
export function parseRecord(value: unknown): MarksRecord {
  try {
    const data = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
    const marks = (data as { v?: number }).v === 2 ? decodeCompact(data as CompactRecord) : (data as MarksRecord | undefined)?.marks;
    if (!Array.isArray(marks)) return emptyRecord();
    return { v: 1, marks: marks.filter(isEntry).filter((e) => safeAddress(e.address)) };
  } catch {
    return emptyRecord();
  }
}

function safeAddress(a: string): boolean {
  try {
    parseA1(a);
    return true;
  } catch {
    return false;
  }
}

/**
 * The marks of one sheet and the rest. A sheet is recognised by id; if no entry has its id (the file
 * was reopened and ids changed), by name.
 */
export function splitEntries(record: MarksRecord, sheetId: string, sheetName: string): { mine: MarkEntry[]; others: MarkEntry[] } {
  const byId = record.marks.some((e) => e.sheetId === sheetId);
  const isMine = (e: MarkEntry) => (byId ? e.sheetId === sheetId : e.sheetName === sheetName);
  return { mine: record.marks.filter(isMine), others: record.marks.filter((e) => !isMine(e)) };
}

export interface RecordReader {
  /** True once the record's content is known (after the first sync on 1.4+, after a second one before). */
  readonly ready: boolean;
  /** Queues what a second sync must fetch (the hidden sheet's rows); no-op when already ready. */
  queueFollowUp(): void;
  record(): MarksRecord;
  /** Queues writing the record back (created, replaced or emptied). */
  queueWrite(record: MarksRecord): void;
}

export function queueRecordRead(ctx: Excel.RequestContext, caps: Caps): RecordReader {
  return caps.v1_4 ? settingsReader(ctx) : sheetReader(ctx, caps);
}

function settingsReader(ctx: Excel.RequestContext): RecordReader {
  const setting = ctx.workbook.settings.getItemOrNullObject(SETTING_KEY);
  setting.load('value');
  return {
    ready: true,
    queueFollowUp() {},
    record() {
      return setting.isNullObject ? emptyRecord() : parseRecord(setting.value);
    },
    queueWrite(record) {
      if (record.marks.length) ctx.workbook.settings.add(SETTING_KEY, encodeRecord(record));
      else if (!setting.isNullObject) ctx.workbook.settings.getItem(SETTING_KEY).delete();
    },
  };
}

function sheetReader(ctx: Excel.RequestContext, caps: Caps): RecordReader {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name');
  let used: Excel.Range | undefined;
  let exists: boolean | undefined;
  const present = () => (exists ??= sheets.items.some((s) => s.name === RECORD_SHEET));
  return {
    get ready() {
      return !present() || (used !== undefined && isLoaded(used));
    },
    queueFollowUp() {
      if (!present() || used) return;
      used = sheets.getItem(RECORD_SHEET).getUsedRange();
      used.load('values,rowIndex,rowCount');
    },
    record() {
      if (!present()) return emptyRecord();
      const rows = used!.values.slice(used!.rowIndex === 0 ? 1 : 0);
      const marks: unknown[] = [];
      for (const [cell] of rows) {
        if (typeof cell !== 'string' || cell === '') continue;
        try {
          marks.push(JSON.parse(cell));
        } catch {
          // a damaged row is skipped, not fatal
        }
      }
      return parseRecord({ marks });
    },
    queueWrite(record) {
      if (!present() && record.marks.length === 0) return;
      let ws: Excel.Worksheet;
      if (present()) ws = sheets.getItem(RECORD_SHEET);
      else {
        ws = sheets.add(RECORD_SHEET);
        // Hiding is not undoable on desktop hosts with an API undo stack (see explanations.ts).
        if (caps.v1_2 && !caps.hidingClearsUndo) ws.visibility = 'VeryHidden';
      }
      const rows = [JSON.stringify(HEADER), ...record.marks.map((m) => JSON.stringify(m))];
      ws.getRange(`A1:A${rows.length}`).values = rows.map((r) => [r]);
      const oldLast = used ? used.rowIndex + used.rowCount : 0;
      if (oldLast > rows.length) ws.getRange(`A${rows.length + 1}:A${oldLast}`).clear('Contents');
    },
  };
}

function isLoaded(r: Excel.Range): boolean {
  try {
    void r.values;
    return true;
  } catch {
    return false;
  }
}
