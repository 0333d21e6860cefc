/**
 * Surgical writes into a user's own package: only the parts a command has to change are rewritten (the
 * written sheet, the styles part when a cell needs a new look, the sheet's notes, the workbook's sheet list
 * and content types when a sheet is added); every other part, including those we do not understand (charts,
 * pivots, VBA, custom XML), is copied byte for byte as stored.
 */
import { parseA1 } from '../grid/address';
import type { CellValue } from '../grid/types';
import { addShapes, addToComments, COMMENTS_CONTENT_TYPE, COMMENTS_TYPE, emptyCommentsXml, emptyVml, VML_CONTENT_TYPE, VML_TYPE, type NoteAdd } from './notes';
import { relsPartOf, type SheetInfo, type SpreadsheetPackage } from './package';
import { joinSheetParts, patchSheetParts, type CellEdit, type SheetParts } from './sheet-patch';
import { StyleBook } from './styles';
import { attrLocal, elements, escapeXml, firstElement } from './xml';
import { writeZip, type ZipOutEntry } from './zip';

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const WORKSHEET_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const WORKSHEET_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

/** A write to one cell, as commands ask for it. */
export interface CellWriteSpec {
  address: string;
  /** Set the value (or formula) — absent: leave the content as it is. */
  content?: { value?: CellValue; formula?: string };
  /** A number format the cell should show (a new style record is cloned when it differs). */
  numberFormat?: string;
  /** A solid fill colour, ARGB. */
  fill?: string;
  bold?: boolean;
  /** A note to add after the cell's own. */
  note?: string;
}

export class PackagePatcher {
  private readonly changed = new Map<string, string>();
  /** Worksheets whose cells were written, held in parts (see SheetParts) until the package is written. */
  private readonly sheetParts = new Map<string, SheetParts>();
  private readonly removed = new Set<string>();
  private readonly added: { name: string; text: string }[] = [];
  private styleBook?: StyleBook;

  constructor(readonly pkg: SpreadsheetPackage) {}

  /** The current text of a part: as changed here, else as stored. */
  private text(part: string): string {
    const sheet = this.sheetParts.get(part);
    if (sheet) return joinSheetParts(sheet);
    return this.changed.get(part) ?? this.added.find((a) => a.name === part)?.text ?? this.pkg.text(part);
  }

  private has(part: string): boolean {
    return (this.pkg.zip.has(part) && !this.removed.has(part)) || this.added.some((a) => a.name === part);
  }

  private put(part: string, text: string): void {
    this.sheetParts.delete(part);
    if (this.pkg.zip.has(part)) this.changed.set(part, text);
    else {
      const a = this.added.find((x) => x.name === part);
      if (a) a.text = text;
      else this.added.push({ name: part, text });
    }
  }

  styles(): StyleBook {
    if (!this.styleBook) {
      const part = this.pkg.stylesPart();
      if (!part) throw new Error('工作簿缺少样式部件 (the workbook has no styles part)');
      this.styleBook = new StyleBook(this.pkg, part);
    }
    return this.styleBook;
  }

  /** Writes cells of a worksheet: values, formulas, formats, fills, notes. */
  writeCells(sheet: SheetInfo, writes: readonly CellWriteSpec[]): void {
    if (!sheet.part) throw new Error(`sheet ${sheet.name} is not a worksheet`);
    const edits: CellEdit[] = [];
    const notes: NoteAdd[] = [];
    for (const w of writes) {
      const { row, col } = parseA1(w.address);
      const wantsStyle = w.numberFormat !== undefined || w.fill !== undefined || w.bold;
      const style = wantsStyle
        ? (current: number) => {
            const book = this.styles();
            const numFmt = w.numberFormat !== undefined && w.numberFormat !== book.numberFormatCode(current) ? w.numberFormat : undefined;
            if (numFmt === undefined && w.fill === undefined && !w.bold) return undefined;
            return book.derive(current, { numFmt, fill: w.fill, bold: w.bold });
          }
        : undefined;
      if (w.content) {
        const formula = w.content.formula;
        edits.push(formula !== undefined ? { row, col, kind: 'formula', formula, value: w.content.value, style } : { row, col, kind: 'value', value: w.content.value ?? null, style });
      } else if (style) edits.push({ row, col, kind: 'style', style });
      if (w.note) notes.push({ row, col, text: w.note });
    }
    if (edits.length > 0) {
      const result = patchSheetParts(this.text(sheet.part), edits);
      if (this.pkg.zip.has(sheet.part)) {
        this.put(sheet.part, ''); // listed as changed; its text is the parts
        this.sheetParts.set(sheet.part, result.parts);
      } else this.put(sheet.part, joinSheetParts(result.parts));
      if (result.formulaRemoved) this.dropCalcChain();
    }
    if (notes.length > 0) this.addNotes(sheet.part, notes);
  }

  /**
   * Excel lists formula cells in the calculation chain; one that names a cell without a formula makes Excel
   * repair the file. The chain is optional and rebuilt by Excel, so it goes when a formula was replaced.
   * https://learn.microsoft.com/en-us/office/open-xml/spreadsheet/working-with-the-calculation-chain
   */
  private dropCalcChain(): void {
    const rel = this.pkg.relOfType(this.pkg.workbookPart, '/calcChain');
    if (!rel) return;
    this.removed.add(rel.target);
    const relsPart = relsPartOf(this.pkg.workbookPart);
    this.put(relsPart, this.text(relsPart).replace(new RegExp(`<(?:[\\w.-]+:)?Relationship\\s[^>]*Id="${rel.id}"[^>]*/>`), ''));
    this.put('[Content_Types].xml', this.text('[Content_Types].xml').replace(new RegExp(`<(?:[\\w.-]+:)?Override\\s[^>]*PartName="/${escapeRe(rel.target)}"[^>]*/>`), ''));
  }

  private relsOf(part: string): { part: string; xml: string } {
    const relsPart = relsPartOf(part);
    const xml = this.has(relsPart) ? this.text(relsPart) : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}"></Relationships>`;
    return { part: relsPart, xml };
  }

  /** Adds a relationship to a part's rels; returns its id. */
  private addRel(source: string, type: string, target: string): string {
    const rels = this.relsOf(source);
    const ids = new Set([...rels.xml.matchAll(/\sId="([^"]+)"/g)].map((m) => m[1]));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const prefix = /<([\w.-]+:)?Relationships\b/.exec(rels.xml)?.[1] ?? '';
    const el = `<${prefix}Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
    const xml = rels.xml.includes(`</${prefix}Relationships>`) ? rels.xml.replace(`</${prefix}Relationships>`, `${el}</${prefix}Relationships>`) : rels.xml.replace(/\/>\s*$/, `>${el}</${prefix}Relationships>`);
    this.put(rels.part, xml);
    return id;
  }

  private addContentType(kind: 'Override' | 'Default', key: string, contentType: string): void {
    let xml = this.text('[Content_Types].xml');
    const attr = kind === 'Override' ? 'PartName' : 'Extension';
    if (new RegExp(`${attr}="${escapeRe(key)}"`, 'i').test(xml)) return;
    const prefix = /<([\w.-]+:)?Types\b/.exec(xml)?.[1] ?? '';
    xml = xml.replace(`</${prefix}Types>`, `<${prefix}${kind} ${attr}="${escapeXml(key)}" ContentType="${contentType}"/></${prefix}Types>`);
    this.put('[Content_Types].xml', xml);
  }

  private unusedPart(pattern: (n: number) => string): string {
    let n = 1;
    while (this.has(pattern(n))) n++;
    return pattern(n);
  }

  private addNotes(sheetPart: string, notes: NoteAdd[]): void {
    let commentsPart = this.pkg.relOfType(sheetPart, '/comments')?.target;
    if (!commentsPart || !this.has(commentsPart)) {
      commentsPart = this.unusedPart((n) => `xl/comments${n}.xml`);
      this.put(commentsPart, emptyCommentsXml());
      this.addRel(sheetPart, COMMENTS_TYPE, relativeTarget(sheetPart, commentsPart));
      this.addContentType('Override', `/${commentsPart}`, COMMENTS_CONTENT_TYPE);
    }
    const { xml, added } = addToComments(this.text(commentsPart), notes);
    this.put(commentsPart, xml);
    if (added.length === 0) return;
    // The shapes go into the sheet's legacy drawing (made when the sheet has none), which lies after the
    // sheet data: a sheet held in parts is looked at and edited without it.
    const parts = this.sheetParts.get(sheetPart);
    const sheetXml = parts ? `${parts.head}${parts.foot}` : this.text(sheetPart);
    const legacy = firstElement(sheetXml, 'legacyDrawing');
    const relId = legacy ? attrLocal(legacy.attrs, 'id') : undefined;
    const rel = relId ? this.pkg.rels(sheetPart).find((r) => r.id === relId) : undefined;
    let vmlPart = rel && !rel.external ? rel.target : undefined;
    if (!vmlPart || !this.has(vmlPart)) {
      vmlPart = this.unusedPart((n) => `xl/drawings/vmlDrawing${n}.vml`);
      this.put(vmlPart, emptyVml(this.nextVmlBlock()));
      const id = this.addRel(sheetPart, VML_TYPE, relativeTarget(sheetPart, vmlPart));
      this.addContentType('Default', 'vml', VML_CONTENT_TYPE);
      const withDrawing = parts ? insertLegacyDrawing(sheetXml, id) : '';
      if (parts && withDrawing.startsWith(parts.head)) this.sheetParts.set(sheetPart, { ...parts, foot: withDrawing.slice(parts.head.length) });
      else this.put(sheetPart, insertLegacyDrawing(this.text(sheetPart), id));
    }
    this.put(vmlPart, addShapes(this.text(vmlPart), added));
  }

  /** VML shape ids come in blocks of 1024 per drawing (o:idmap data); a new drawing takes the next free block. */
  private nextVmlBlock(): number {
    let max = 0;
    for (const name of [...this.pkg.zip.names(), ...this.added.map((a) => a.name)]) {
      if (!name.endsWith('.vml')) continue;
      for (const m of this.text(name).matchAll(/o:idmap[^>]*data="([\d,]+)"/g)) for (const d of m[1].split(',')) max = Math.max(max, Number(d));
    }
    return max + 1;
  }

  /** Adds a worksheet at the end of the workbook (or replaces the XML of the one of that name). */
  putSheet(name: string, build: (styles: StyleBook) => string): void {
    const existing = this.pkg.sheet(name);
    if (existing?.part) {
      this.put(existing.part, build(this.styles()));
      return;
    }
    const part = this.unusedPart((n) => `xl/worksheets/sheet${n}.xml`);
    this.put(part, build(this.styles()));
    const wbPart = this.pkg.workbookPart;
    const id = this.addRel(wbPart, WORKSHEET_TYPE, relativeTarget(wbPart, part));
    this.addContentType('Override', `/${part}`, WORKSHEET_CONTENT_TYPE);
    let wb = this.text(wbPart);
    const sheets = firstElement(wb, 'sheets');
    if (!sheets) throw new Error('workbook has no sheets element');
    const maxId = Math.max(0, ...[...elements(wb, 'sheet', sheets.innerStart, sheets.end)].map((s) => Number(s.attrs.sheetId ?? 0)));
    const p = /^<([\w.-]+:)?/.exec(sheets.tag)?.[1] ?? '';
    const rPrefix = relPrefix(/<(?:[\w.-]+:)?workbook\b[^>]*>/.exec(wb)?.[0] ?? '');
    const idAttr = rPrefix ? `${rPrefix}:id="${id}"` : `xmlns:r="${REL_NS}" r:id="${id}"`;
    const el = `<${p}sheet name="${escapeXml(name)}" sheetId="${maxId + 1}" ${idAttr}/>`;
    wb = sheets.tag.endsWith('/>') ? `${wb.slice(0, sheets.start)}<${p}sheets>${el}</${p}sheets>${wb.slice(sheets.end)}` : `${wb.slice(0, sheets.end - `</${p}sheets>`.length)}${el}${wb.slice(sheets.end - `</${p}sheets>`.length)}`;
    this.put(wbPart, wb);
  }

  /** The package's bytes: parts in their stored order, then the new ones. */
  toBytes(): Uint8Array {
    if (this.styleBook?.changed) this.changed.set(this.styleBook.part, this.styleBook.serialize());
    const encoder = new TextEncoder();
    const out: ZipOutEntry[] = [];
    for (const name of this.pkg.zip.names()) {
      if (this.removed.has(name)) continue;
      const sheet = this.sheetParts.get(name);
      if (sheet) {
        out.push(sameText(sheet, this.pkg.text(name)) ? { name, from: this.pkg.zip } : { name, data: encodeParts(sheet) });
        continue;
      }
      const text = this.changed.get(name);
      out.push(text !== undefined && text !== this.pkg.text(name) ? { name, data: encoder.encode(text) } : { name, from: this.pkg.zip });
    }
    for (const a of this.added) out.push({ name: a.name, data: encoder.encode(a.text) });
    return writeZip(out);
  }

  /** Names of the parts this patch rewrites, adds or removes. */
  touchedParts(): string[] {
    if (this.styleBook?.changed) this.changed.set(this.styleBook.part, this.styleBook.serialize());
    const differs = ([n, t]: [string, string]) => {
      const sheet = this.sheetParts.get(n);
      return sheet ? !sameText(sheet, this.pkg.text(n)) : t !== this.pkg.text(n);
    };
    return [...[...this.changed.entries()].filter(differs).map(([n]) => n), ...this.added.map((a) => a.name), ...this.removed];
  }
}

function piecesOf(parts: SheetParts): string[] {
  return [parts.head, ...parts.body, parts.foot];
}

/** Whether a sheet in parts reads as `text`, compared piece by piece (never joined). */
function sameText(parts: SheetParts, text: string): boolean {
  let at = 0;
  for (const piece of piecesOf(parts)) {
    if (!text.startsWith(piece, at)) return false;
    at += piece.length;
  }
  return at === text.length;
}

/** A sheet in parts as UTF-8, each piece written into one buffer in turn. */
function encodeParts(parts: SheetParts): Uint8Array {
  const pieces = piecesOf(parts);
  let size = 0;
  for (const piece of pieces) size += Buffer.byteLength(piece, 'utf8');
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for (const piece of pieces) at += out.write(piece, at, 'utf8');
  return out;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A relationship target from `source`'s folder to `part`. */
function relativeTarget(source: string, part: string): string {
  const from = source.split('/').slice(0, -1);
  const to = part.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

// Children of <worksheet> that come after <legacyDrawing> (ECMA-376 Part 1, 18.3.1.99 worksheet).
const AFTER_LEGACY = ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

function relPrefix(startTag: string): string | undefined {
  return [...startTag.matchAll(/xmlns:([\w.-]+)="([^"]+)"/g)].find((m) => m[2] === REL_NS)?.[1];
}

/** Where the top-level element holding offset i starts: Excel wraps controls and the like in mc:AlternateContent. */
function topLevel(xml: string, i: number): number {
  const alt = xml.lastIndexOf('<mc:AlternateContent', i);
  if (alt < 0) return i;
  const closed = xml.indexOf('</mc:AlternateContent>', alt);
  return closed > i ? alt : i;
}

function insertLegacyDrawing(xml: string, relId: string): string {
  const root = /<([\w.-]+:)?worksheet\b[^>]*>/.exec(xml)!;
  const p = root[1] ?? '';
  const rPrefix = relPrefix(root[0]);
  const el = rPrefix ? `<${p}legacyDrawing ${rPrefix}:id="${relId}"/>` : `<${p}legacyDrawing xmlns:r="${REL_NS}" r:id="${relId}"/>`;
  const end = xml.lastIndexOf(`</${p}worksheet>`);
  let at = end;
  for (const name of AFTER_LEGACY) {
    // The last occurrence: an <extLst> also sits inside conditional formats, the sheet's own comes last.
    const i = xml.lastIndexOf(`<${p}${name}`, end);
    if (i < 0 || !/[\s/>]/.test(xml[i + p.length + name.length + 1])) continue;
    if (name === 'extLst' && xml.slice(xml.indexOf(`</${p}extLst>`, i) + `</${p}extLst>`.length, end).trim() !== '') continue;
    at = Math.min(at, topLevel(xml, i));
  }
  return `${xml.slice(0, at)}${el}${xml.slice(at)}`;
}
