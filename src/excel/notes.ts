/**
 * Notes (ExcelApi 1.18) or, failing those, threaded comments (1.10) on highlighted cells. Both have the
 * same shape for our purposes: add(cell, text), getCount(), getItemAt(i), item.getLocation(), item.delete().
 * A cell can hold only one, so before adding we learn where the existing ones are (one extra sync, only
 * when the sheet has any) and never overwrite one the user wrote.
 */
import type { Caps } from './host';
import { splitAreaAddress } from './cells';
import type { NoteKind } from './marks-store';

export const NOTE_PREFIX = 'jixiao: ';
/** Past this many, further issues get a fill but no note: a sheet buried in notes helps nobody. */
export const MAX_NOTES = 300;

export function noteKind(caps: Caps): NoteKind | null {
  return caps.v1_18 ? 'note' : caps.comments ? 'comment' : null;
}

type Item = { content: string; load(p: string): unknown; getLocation(): Excel.Range; delete(): void; isNullObject: boolean };
type Coll = { getCount(): OfficeExtension.ClientResult<number>; getItemAt(i: number): Item; add(cell: string, text: string): unknown };

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

export function queueAddNote(ws: Excel.Worksheet, kind: NoteKind, address: string, text: string): void {
  collection(ws, kind).add(address, text);
}
