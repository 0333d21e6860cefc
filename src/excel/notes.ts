/**
 * Notes (ExcelApi 1.18) or, failing those, threaded comments (1.10) on highlighted cells. Both have the
 * same shape for our purposes: add(cell, text), getCount(), getItemAt(i), item.getLocation(), item.delete().
 * A note has no address property, only getLocation(), so finding where notes are takes a sync of its own.
 * The first read therefore loads only their texts (the census): when the sheet's notes are exactly the
 * ones the add-in recorded, their places are known from the record; otherwise one more sync locates them,
 * so that a note someone else wrote is never replaced (a cell holds one note or comment).
 */
import type { Caps } from './host';
import { splitAreaAddress } from './cells';
import type { NoteKind } from './marks-store';
import type { Locale } from '../rules/rule';

/** The first words of the add-in's notes, in the user's language (a note reads as one language). */
export const NOTE_PREFIX: Record<Locale, string> = { 'zh-CN': '绩效申报检查：', 'en-US': 'Form check: ' };
/** Past this many, further issues get a fill but no note: a sheet buried in notes helps nobody. */
export const MAX_NOTES = 300;

export function noteKind(caps: Caps): NoteKind | null {
  return caps.notes ? 'note' : caps.comments ? 'comment' : null;
}

type Item = { content: string; load(p: string): unknown; getLocation(): Excel.Range; delete(): void; isNullObject: boolean };
type Coll = { getCount(): OfficeExtension.ClientResult<number>; getItemAt(i: number): Item; add(cell: Excel.Range, text: string): unknown };

function collection(ws: Excel.Worksheet, kind: NoteKind): Coll {
  return (kind === 'note' ? ws.notes : ws.comments) as unknown as Coll;
}

export function queueNoteCount(ws: Excel.Worksheet, kind: NoteKind): OfficeExtension.ClientResult<number> {
  return collection(ws, kind).getCount();
}

export interface NoteSpot {
  /** Local A1, upper case, no sheet. */
  address: string;
  content: string;
  remove(): void;
  setContent(text: string): void;
  /** For places taken from the record: queues a read that fails the batch if the note is not there. */
  verify?(): void;
}

/** Queues loading where each of the sheet's `count` notes sits and what it says. */
export function queueNoteSpots(ws: Excel.Worksheet, kind: NoteKind, count: number): () => NoteSpot[] {
  const coll = collection(ws, kind);
  const items = Array.from({ length: count }, (_, i) => {
    const item = coll.getItemAt(i);
    item.load('content');
    const loc = item.getLocation();
    loc.load('address');
    return { item, loc };
  });
  return () =>
    items.map(({ item, loc }) => ({
      address: splitAreaAddress(loc.address)[0].replace(/\$/g, '').toUpperCase(),
      content: item.content,
      remove: () => item.delete(),
      setContent: (text: string) => {
        item.content = text;
      },
    }));
}

/**
 * Queues looking up the notes (ExcelApi 1.18) of given cells by address, without failing for cells that
 * have none (getItemOrNullObject). The result lists the cells that do have one.
 */
export function queueNotesAt(ws: Excel.Worksheet, addresses: string[]): () => NoteSpot[] {
  const items = addresses.map((address) => {
    const item = ws.notes.getItemOrNullObject(address);
    item.load('content');
    return { address: address.toUpperCase(), item };
  });
  return () =>
    items
      .filter(({ item }) => !item.isNullObject)
      .map(({ address, item }) => ({
        address,
        content: item.content,
        remove: () => item.delete(),
        setContent: (text: string) => {
          item.content = text;
        },
      }));
}

/**
 * What sync 1 learns about annotations: the text of every note (or comment) of our kind on the sheet,
 * and, when we write notes, how many threaded comments there are (a cell holds one or the other).
 */
export interface Census {
  texts(): string[];
  otherCount(): number;
}

export function queueCensus(ws: Excel.Worksheet, caps: Caps, kind: NoteKind): Census {
  const own = kind === 'note' ? ws.notes : ws.comments;
  (own as unknown as { load(p: string): unknown }).load('items/content');
  const other = kind === 'note' && caps.comments ? ws.comments.getCount() : undefined;
  return {
    texts: () => (own.items as unknown as { content: string }[]).map((i) => i.content),
    otherCount: () => other?.value ?? 0,
  };
}

/**
 * True when every annotation on the sheet is one the add-in recorded, one for one. Their places are then
 * the recorded cells (texts start with a NOTE_PREFIX, so a user's note never matches), and no sync is needed
 * to find them.
 */
export function onlyOurs(texts: string[], ours: string[]): boolean {
  if (texts.length !== ours.length) return false;
  const a = [...texts].sort();
  const b = [...ours].sort();
  return a.every((t, i) => t === b[i]);
}

/** Spots for annotations whose places are known from the record (addressed by cell, no lookup sync). */
export function spotsAt(ws: Excel.Worksheet, kind: NoteKind, known: { address: string; content: string }[]): NoteSpot[] {
  const item = (address: string) =>
    kind === 'note' ? ws.notes.getItem(address) : ws.comments.getItemByCell(ws.getRange(address));
  return known.map(({ address, content }) => ({
    address: address.toUpperCase(),
    content,
    remove: () => item(address).delete(),
    setContent: (text: string) => {
      item(address).content = text;
    },
    verify: () => void item(address).load('content'),
  }));
}

export function queueAddNote(ws: Excel.Worksheet, kind: NoteKind, address: string, text: string): void {
  // A Range, not a string: CommentCollection.add wants a string address to name the sheet too.
  collection(ws, kind).add(ws.getRange(address), text);
}
