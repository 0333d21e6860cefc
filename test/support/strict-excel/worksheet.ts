/**
 * Worksheets and what hangs off them: protection (1.2), notes (1.18), threaded comments (1.10), names (1.4),
 * page layout (1.9) and the onChanged event (1.7).
 */
import { cellA1, parseRect, qualified, type Rect } from './a1';
import { ClientObject, ClientResult, loadNames, type LoadArg, type StrictContext } from './context';
import { StrictExcelError } from './errors';
import { cellAt, cellFor, findSheet, newSheet, tidy, usedRect, validateSheetName, type NameState, type SheetState } from './model';
import { assertEditable, Range, RangeAreas } from './range';

const MAX_ROW = 1048575;
const MAX_COL = 16383;

/** Parses what a collection's load() asks of its items: 'items', 'items/name', 'name'. */
function itemNames(arg: LoadArg): string[] | 'all' {
  const names = loadNames(arg);
  if (names === 'all') return 'all';
  const out: string[] = [];
  for (const n of names) {
    if (n === 'items') return 'all';
    out.push(n.startsWith('items/') ? n.slice(6) : n);
  }
  return out;
}

export abstract class Collection<T extends ClientObject> extends ClientObject {
  private loadedItems: T[] | undefined;
  protected abstract list(): T[];
  protected abstract get version(): string;
  protected get scalarProps(): Record<string, string> {
    return {};
  }
  protected readProp(): unknown {
    return undefined;
  }
  get items(): T[] {
    if (!this.loadedItems) {
      throw new StrictExcelError('PropertyNotLoaded', `The property 'items' is not available. Load the collection and call context.sync() first.`);
    }
    return this.loadedItems;
  }
  override load(arg?: LoadArg): this {
    const names = itemNames(arg);
    this.context.enqueue(`${this.typeName}.load(items)`, () => {
      const items = this.list();
      for (const item of items) item.fillProps(names);
      this.loadedItems = items;
    }, { version: this.version });
    return this;
  }
}

// ---- protection ---------------------------------------------------------------------------------

export class WorksheetProtection extends ClientObject {
  constructor(context: StrictContext, private readonly ws: Worksheet) {
    super(context);
  }
  protected get typeName(): string {
    return 'WorksheetProtection';
  }
  protected get scalarProps(): Record<string, string> {
    return { protected: '1.2', options: '1.2' };
  }
  protected readProp(name: string): unknown {
    const s = this.ws.state();
    return name === 'protected' ? s.protected : {};
  }
  get protected(): boolean {
    return this.prop('protected');
  }
  protect(_options?: unknown, _password?: string): void {
    this.context.enqueue('WorksheetProtection.protect()', () => {
      const s = this.ws.state();
      if (s.protected) throw new StrictExcelError('InvalidOperation', 'The worksheet is already protected.');
      s.protected = true;
    }, { write: true, version: '1.2' });
  }
  unprotect(_password?: string): void {
    this.context.enqueue('WorksheetProtection.unprotect()', () => {
      this.ws.state().protected = false;
    }, { write: true, version: '1.2' });
  }
}

// ---- notes (1.18) and comments (1.10) -----------------------------------------------------------

type Spot = { row: number; col: number };

function singleCell(target: Range | string, needSheet = false): (sheet: SheetState) => Spot {
  return () => {
    if (needSheet && typeof target === 'string' && !target.includes('!')) {
      throw new StrictExcelError('InvalidArgument', `A comment's cell address must name its sheet: '${target}'.`);
    }
    const r: Rect = typeof target === 'string' ? parseRect(target) : target.rect();
    if (r.top !== r.bottom || r.left !== r.right) throw new StrictExcelError('InvalidArgument', 'InvalidCellAddress: not a single cell.');
    return { row: r.top, col: r.left };
  };
}

function spotsWith(sheet: SheetState, has: (c: ReturnType<typeof cellAt>) => boolean): Spot[] {
  const out: Spot[] = [];
  for (const [k, c] of sheet.cells) {
    if (!has(c)) continue;
    const [row, col] = k.split(',').map(Number);
    out.push({ row, col });
  }
  return out.sort((a, b) => a.row - b.row || a.col - b.col);
}

abstract class CellAttachment extends ClientObject {
  private memo: Spot | null | undefined;
  constructor(
    context: StrictContext,
    protected readonly ws: Worksheet,
    private readonly locate: (sheet: SheetState) => Spot | null,
    private readonly nullable: boolean,
  ) {
    super(context);
  }
  protected abstract present(sheet: SheetState, s: Spot): boolean;
  protected spotOrNull(): Spot | null {
    if (this.memo === undefined) {
      const sheet = this.ws.state();
      const s = this.locate(sheet);
      this.memo = s && this.present(sheet, s) ? s : null;
    }
    return this.memo;
  }
  protected spot(): Spot {
    const s = this.spotOrNull();
    if (!s) throw new StrictExcelError('ItemNotFound', `The requested ${this.typeName} does not exist.`);
    return s;
  }
  protected override resolveNull(): boolean {
    const missing = this.spotOrNull() === null;
    if (missing && !this.nullable) throw new StrictExcelError('ItemNotFound', `The requested ${this.typeName} does not exist.`);
    return missing;
  }
  trackNullPublic(label: string, version: string): void {
    this.trackNull(label, version);
  }
  bind(s: Spot): void {
    this.memo = s;
  }
  getLocation(): Range {
    return new Range(this.context, this.ws, () => {
      const s = this.spot();
      return { top: s.row, bottom: s.row, left: s.col, right: s.col };
    });
  }
}

export class Note extends CellAttachment {
  protected get typeName(): string {
    return 'Note';
  }
  protected get scalarProps(): Record<string, string> {
    return { content: '1.18', authorName: '1.18' };
  }
  protected present(sheet: SheetState, s: Spot): boolean {
    return !!cellAt(sheet, s.row, s.col)?.note;
  }
  protected readProp(name: string): unknown {
    const s = this.spot();
    const note = cellAt(this.ws.state(), s.row, s.col)!.note!;
    return name === 'content' ? note.content : note.author;
  }
  get content(): string {
    return this.prop('content');
  }
  set content(v: string) {
    this.context.enqueue('Note.content=', () => {
      const sheet = this.ws.state();
      assertEditable(sheet, 'Note.content=');
      const s = this.spot();
      cellAt(sheet, s.row, s.col)!.note!.content = String(v);
    }, { write: true, bytes: JSON.stringify(v).length, version: '1.18' });
  }
  get authorName(): string {
    return this.prop('authorName');
  }
  delete(): void {
    this.context.enqueue('Note.delete()', () => {
      const sheet = this.ws.state();
      assertEditable(sheet, 'Note.delete()');
      const s = this.spot();
      delete cellAt(sheet, s.row, s.col)!.note;
      tidy(sheet, s.row, s.col);
    }, { write: true, version: '1.18' });
  }
}

export class NoteCollection extends Collection<Note> {
  constructor(context: StrictContext, private readonly ws: Worksheet) {
    super(context);
  }
  protected get typeName(): string {
    return 'NoteCollection';
  }
  protected get version(): string {
    return '1.18';
  }
  protected list(): Note[] {
    return spotsWith(this.ws.state(), (c) => !!c?.note).map((s) => {
      const n = new Note(this.context, this.ws, () => s, false);
      n.bind(s);
      return n;
    });
  }
  add(cellAddress: Range | string, content: unknown): Note {
    const where = singleCell(cellAddress);
    let placed: Spot | null = null;
    const note = new Note(this.context, this.ws, () => placed, false);
    this.context.enqueue('NoteCollection.add()', () => {
      const sheet = this.ws.state();
      assertEditable(sheet, 'NoteCollection.add()');
      const s = where(sheet);
      const cell = cellFor(sheet, s.row, s.col);
      if (cell.note || cell.comment) {
        tidy(sheet, s.row, s.col);
        throw new StrictExcelError('InvalidOperation', `Cell ${cellA1(s.row, s.col)} already has a note or comment.`);
      }
      cell.note = { content: String(content), author: 'Strict Excel' };
      placed = s;
    }, { write: true, bytes: JSON.stringify(content).length, version: '1.18' });
    return note;
  }
  getCount(): ClientResult<number> {
    const res = new ClientResult<number>('NoteCollection.getCount');
    this.context.enqueue('NoteCollection.getCount()', () => res.set(spotsWith(this.ws.state(), (c) => !!c?.note).length), { version: '1.18' });
    return res;
  }
  getItem(key: string): Note {
    const n = new Note(this.context, this.ws, singleCell(key), false);
    this.context.enqueue('NoteCollection.getItem()', () => void n.getLocation(), { version: '1.18' });
    return n;
  }
  getItemOrNullObject(key: string): Note {
    const n = new Note(this.context, this.ws, singleCell(key), true);
    n.trackNullPublic('NoteCollection.getItemOrNullObject()', '1.18');
    return n;
  }
  getItemAt(index: number): Note {
    const n = new Note(this.context, this.ws, (sheet) => {
      const all = spotsWith(sheet, (c) => !!c?.note);
      if (index < 0 || index >= all.length) throw new StrictExcelError('ItemNotFound', `No note at index ${index}.`);
      return all[index];
    }, false);
    this.context.enqueue('NoteCollection.getItemAt()', () => undefined, { version: '1.18' });
    return n;
  }
}

export class Comment extends CellAttachment {
  protected get typeName(): string {
    return 'Comment';
  }
  protected get scalarProps(): Record<string, string> {
    return { content: '1.10', id: '1.10', authorName: '1.10', authorEmail: '1.10' };
  }
  protected present(sheet: SheetState, s: Spot): boolean {
    return !!cellAt(sheet, s.row, s.col)?.comment;
  }
  protected readProp(name: string): unknown {
    const s = this.spot();
    const c = cellAt(this.ws.state(), s.row, s.col)!.comment!;
    return name === 'content' ? c.content : name === 'id' ? c.id : name === 'authorName' ? c.author : 'strict@example.invalid';
  }
  get content(): string {
    return this.prop('content');
  }
  get id(): string {
    return this.prop('id');
  }
  delete(): void {
    this.context.enqueue('Comment.delete()', () => {
      const sheet = this.ws.state();
      assertEditable(sheet, 'Comment.delete()');
      const s = this.spot();
      delete cellAt(sheet, s.row, s.col)!.comment;
      tidy(sheet, s.row, s.col);
    }, { write: true, version: '1.10' });
  }
}

export class CommentCollection extends Collection<Comment> {
  constructor(context: StrictContext, private readonly ws: Worksheet) {
    super(context);
  }
  protected get typeName(): string {
    return 'CommentCollection';
  }
  protected get version(): string {
    return '1.10';
  }
  protected list(): Comment[] {
    return spotsWith(this.ws.state(), (c) => !!c?.comment).map((s) => {
      const n = new Comment(this.context, this.ws, () => s, false);
      n.bind(s);
      return n;
    });
  }
  add(cellAddress: Range | string, content: unknown, _contentType?: string): Comment {
    const where = singleCell(cellAddress, true);
    let placed: Spot | null = null;
    const comment = new Comment(this.context, this.ws, () => placed, false);
    this.context.enqueue('CommentCollection.add()', () => {
      const sheet = this.ws.state();
      assertEditable(sheet, 'CommentCollection.add()');
      const s = where(sheet);
      const cell = cellFor(sheet, s.row, s.col);
      if (cell.note || cell.comment) {
        tidy(sheet, s.row, s.col);
        throw new StrictExcelError('InvalidOperation', `Cell ${cellA1(s.row, s.col)} already has a note or comment.`);
      }
      if (typeof content !== 'string') throw new StrictExcelError('InvalidArgument', 'Only plain-text comments are modelled.');
      cell.comment = { id: `c${this.context.host.wb.nextId++}`, content, author: 'Strict Excel' };
      placed = s;
    }, { write: true, bytes: JSON.stringify(content).length, version: '1.10' });
    return comment;
  }
  getCount(): ClientResult<number> {
    const res = new ClientResult<number>('CommentCollection.getCount');
    this.context.enqueue('CommentCollection.getCount()', () => res.set(spotsWith(this.ws.state(), (c) => !!c?.comment).length), { version: '1.10' });
    return res;
  }
  getItemByCell(cellAddress: Range | string): Comment {
    const c = new Comment(this.context, this.ws, singleCell(cellAddress), false);
    this.context.enqueue('CommentCollection.getItemByCell()', () => undefined, { version: '1.10' });
    return c;
  }
  getItemAt(index: number): Comment {
    const c = new Comment(this.context, this.ws, (sheet) => {
      const all = spotsWith(sheet, (x) => !!x?.comment);
      if (index < 0 || index >= all.length) throw new StrictExcelError('ItemNotFound', `No comment at index ${index}.`);
      return all[index];
    }, false);
    this.context.enqueue('CommentCollection.getItemAt()', () => undefined, { version: '1.10' });
    return c;
  }
}

// ---- names (1.4 to add) -------------------------------------------------------------------------

export class NamedItem extends ClientObject {
  constructor(context: StrictContext, private readonly find: () => NameState | undefined, private readonly nullable: boolean) {
    super(context);
  }
  protected get typeName(): string {
    return 'NamedItem';
  }
  protected get scalarProps(): Record<string, string> {
    return { name: '1.1', formula: '1.7', comment: '1.4', type: '1.1', visible: '1.1' };
  }
  protected override resolveNull(): boolean {
    const missing = !this.find();
    if (missing && !this.nullable) throw new StrictExcelError('ItemNotFound', 'The requested name does not exist.');
    return missing;
  }
  protected readProp(name: string): unknown {
    const n = this.find()!;
    return name === 'name' ? n.name : name === 'formula' ? n.reference : name === 'comment' ? n.comment ?? '' : name === 'type' ? 'Range' : true;
  }
  trackNullPublic(label: string, version: string): void {
    this.trackNull(label, version);
  }
  get name(): string {
    return this.prop('name');
  }
  get formula(): string {
    return this.prop('formula');
  }
}

// Excel's rule for defined names: a letter, _ or \ first, then letters, digits, _ . \. Written without \p{L} and
// the u flag because this fake is also built to ES5 and run in Duktape (the legacy tests): any character past
// Latin-1 counts as a letter, which covers the CJK names the form uses.
const NAME_RE = /^[A-Za-z_\\\u00C0-\uFFFF][A-Za-z0-9_.\\\u00C0-\uFFFF]*$/;

export class NamedItemCollection extends Collection<NamedItem> {
  /** Workbook.names is ExcelApi 1.1; Worksheet.names (sheet-scoped names) is 1.4. */
  constructor(context: StrictContext, private readonly store: () => NameState[], private readonly since = '1.1') {
    super(context);
  }
  protected get typeName(): string {
    return 'NamedItemCollection';
  }
  protected get version(): string {
    return this.since;
  }
  protected list(): NamedItem[] {
    return this.store().map((n) => new NamedItem(this.context, () => n, false));
  }
  add(name: string, reference: Range | string, comment?: string): NamedItem {
    const item = new NamedItem(this.context, () => this.store().find((n) => n.name.toLowerCase() === name.toLowerCase()), false);
    this.context.enqueue('NamedItemCollection.add()', () => {
      if (!NAME_RE.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[rRcC]$/.test(name)) {
        throw new StrictExcelError('InvalidArgument', `'${name}' is not a valid name.`);
      }
      const list = this.store();
      if (list.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new StrictExcelError('ItemAlreadyExists', `The name '${name}' already exists.`);
      const ref = typeof reference === 'string' ? reference : `=${qualified(reference.worksheet.state().name, reference.rect())}`;
      list.push({ name, reference: ref, comment });
    }, { write: true, bytes: name.length, version: '1.4' });
    return item;
  }
  getItemOrNullObject(name: string): NamedItem {
    const item = new NamedItem(this.context, () => this.store().find((n) => n.name.toLowerCase() === name.toLowerCase()), true);
    item.trackNullPublic('NamedItemCollection.getItemOrNullObject()', '1.4');
    return item;
  }
}

// ---- page layout (1.9) --------------------------------------------------------------------------

export class PageLayout extends ClientObject {
  constructor(context: StrictContext, private readonly ws: Worksheet) {
    super(context);
  }
  protected get typeName(): string {
    return 'PageLayout';
  }
  protected get scalarProps(): Record<string, string> {
    return { orientation: '1.9', paperSize: '1.9', centerHorizontally: '1.9', zoom: '1.9', printGridlines: '1.9' };
  }
  protected readProp(name: string): unknown {
    return this.ws.state().pageLayout[name] ?? null;
  }
  private put(name: string, v: unknown): void {
    this.context.enqueue(`PageLayout.${name}=`, () => {
      this.ws.state().pageLayout[name] = v;
    }, { write: true, bytes: JSON.stringify(v).length, version: '1.9' });
  }
  set orientation(v: string) {
    this.put('orientation', v);
  }
  set paperSize(v: string) {
    this.put('paperSize', v);
  }
  set centerHorizontally(v: boolean) {
    this.put('centerHorizontally', v);
  }
  set zoom(v: unknown) {
    this.put('zoom', v);
  }
  setPrintArea(area: Range | string): void {
    this.put('printArea', typeof area === 'string' ? area : 'range');
  }
  setPrintTitleRows(rows: Range | string): void {
    this.put('printTitleRows', typeof rows === 'string' ? rows : 'range');
  }
}

// ---- events (1.7) -------------------------------------------------------------------------------

export class EventHandlerResult {
  private unregister: (() => void) | undefined;
  constructor(readonly context: StrictContext, private readonly label: string) {}
  attach(off: () => void): void {
    this.unregister = off;
  }
  remove(): void {
    this.context.enqueue(`${this.label}.remove()`, () => this.unregister?.(), { version: '1.7' });
  }
}

export class EventHandlers {
  /**
   * `ws` null is the workbook-wide WorksheetCollection.onChanged (ExcelApi 1.9); `kind` 'activated' is
   * WorksheetCollection.onActivated (1.7).
   */
  constructor(
    private readonly context: StrictContext,
    private readonly ws: Worksheet | null,
    private readonly label: string,
    private readonly kind: 'changed' | 'activated' = 'changed',
  ) {}
  add(handler: (args: unknown) => Promise<unknown> | void): EventHandlerResult {
    const result = new EventHandlerResult(this.context, this.label);
    const version = this.kind === 'changed' && !this.ws ? '1.9' : '1.7';
    this.context.enqueue(`${this.label}.add()`, () => {
      const host = this.context.host;
      if (this.kind === 'activated') result.attach(host.addActivatedHandler(handler));
      else result.attach(host.addChangeHandler(this.ws ? this.ws.state().id : '*', handler));
    }, { version });
    return result;
  }
}

// ---- Worksheet ----------------------------------------------------------------------------------

export class Worksheet extends ClientObject {
  private memoId: string | null | undefined;
  private protectionProxy?: WorksheetProtection;
  private notesProxy?: NoteCollection;
  private commentsProxy?: CommentCollection;
  private namesProxy?: NamedItemCollection;
  private layoutProxy?: PageLayout;
  private changedProxy?: EventHandlers;

  constructor(context: StrictContext, private readonly locate: () => SheetState | null, private readonly nullable = false) {
    super(context);
  }

  protected get typeName(): string {
    return 'Worksheet';
  }
  protected get scalarProps(): Record<string, string> {
    return { id: '1.1', name: '1.1', position: '1.1', visibility: '1.1' };
  }
  protected override navigation(name: string): ClientObject | undefined {
    return name === 'protection' ? this.protection : undefined;
  }
  protected override resolveNull(): boolean {
    const missing = this.stateOrNull() === null;
    if (missing && !this.nullable) throw new StrictExcelError('ItemNotFound', 'The requested worksheet does not exist.');
    return missing;
  }
  protected readProp(name: string): unknown {
    const s = this.state();
    switch (name) {
      case 'id':
        return s.id;
      case 'name':
        return s.name;
      case 'position':
        return this.context.host.wb.sheets.indexOf(s);
      case 'visibility':
        return s.visibility;
    }
    return undefined;
  }

  bindId(id: string): void {
    this.memoId = id;
  }
  trackNullPublic(label: string, version: string): void {
    this.trackNull(label, version);
  }

  stateOrNull(): SheetState | null {
    if (this.memoId === undefined) {
      const s = this.locate();
      this.memoId = s ? s.id : null;
    }
    return this.memoId ? this.context.host.wb.sheets.find((s) => s.id === this.memoId) ?? null : null;
  }

  state(): SheetState {
    const s = this.stateOrNull();
    if (!s) throw new StrictExcelError('ItemNotFound', 'The requested worksheet does not exist.');
    return s;
  }

  get id(): string {
    return this.prop('id');
  }
  get name(): string {
    return this.prop('name');
  }
  set name(v: string) {
    this.context.enqueue('Worksheet.name=', () => {
      const s = this.state();
      validateSheetName(this.context.host.wb, v, s);
      s.name = v;
    }, { write: true, bytes: v.length });
  }
  get position(): number {
    return this.prop('position');
  }
  get visibility(): string {
    return this.prop('visibility');
  }
  /** Reading is ExcelApi 1.1, setting 1.2. */
  set visibility(v: string) {
    this.context.enqueue('Worksheet.visibility=', () => {
      const s = this.state();
      if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') throw new StrictExcelError('InvalidArgument', `Bad visibility '${v}'.`);
      if (v !== 'Visible' && this.context.host.wb.sheets.filter((x) => x.visibility === 'Visible' && x !== s).length === 0) {
        throw new StrictExcelError('InvalidOperation', 'A workbook must keep at least one visible worksheet.');
      }
      s.visibility = v;
      if (v !== 'Visible' && this.context.host.wb.activeSheetId === s.id) {
        this.context.host.wb.activeSheetId = this.context.host.wb.sheets.find((x) => x.visibility === 'Visible')!.id;
      }
    }, { write: true, version: '1.2' });
  }

  get protection(): WorksheetProtection {
    return (this.protectionProxy ??= new WorksheetProtection(this.context, this));
  }
  /** ExcelApi 1.18. Absent (undefined) where the loaded Office.js library predates it. */
  get notes(): NoteCollection {
    if (this.context.host.isMissing('Worksheet.notes')) return undefined as unknown as NoteCollection;
    return (this.notesProxy ??= new NoteCollection(this.context, this));
  }
  get comments(): CommentCollection {
    return (this.commentsProxy ??= new CommentCollection(this.context, this));
  }
  get names(): NamedItemCollection {
    return (this.namesProxy ??= new NamedItemCollection(this.context, () => this.state().names, '1.4'));
  }
  get pageLayout(): PageLayout {
    return (this.layoutProxy ??= new PageLayout(this.context, this));
  }
  get onChanged(): EventHandlers {
    return (this.changedProxy ??= new EventHandlers(this.context, this, 'Worksheet.onChanged'));
  }

  private range(label: string, locate: (s: SheetState) => Rect | null, nullable = false, version = '1.1'): Range {
    const r = new Range(this.context, this, locate, nullable);
    if (nullable) (r as unknown as { trackNull(l: string, v: string): void }).trackNull(label, version);
    else this.context.enqueue(label, () => void r.rect(), { version });
    return r;
  }

  getRange(address?: string): Range {
    return this.range('Worksheet.getRange()', () =>
      address === undefined ? { top: 0, left: 0, bottom: MAX_ROW, right: MAX_COL } : parseRect(address),
    );
  }

  getCell(row: number, column: number): Range {
    return this.range('Worksheet.getCell()', () => ({ top: row, bottom: row, left: column, right: column }));
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    return this.range(
      'Worksheet.getRangeByIndexes()',
      () => ({ top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 }),
      false,
      '1.7',
    );
  }

  /** A blank sheet's used range is A1; `valuesOnly` needs ExcelApi 1.2. */
  getUsedRange(valuesOnly?: boolean): Range {
    return this.range(
      'Worksheet.getUsedRange()',
      (s) => usedRect(s, !!valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 },
      false,
      valuesOnly === undefined ? '1.1' : '1.2',
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return this.range('Worksheet.getUsedRangeOrNullObject()', (s) => usedRect(s, !!valuesOnly), true, '1.4');
  }

  getRanges(address: string): RangeAreas {
    return RangeAreas.fromAddress(this.context, this, address);
  }

  activate(): void {
    this.context.enqueue('Worksheet.activate()', () => {
      const s = this.state();
      if (s.visibility !== 'Visible') throw new StrictExcelError('InvalidOperation', 'A hidden worksheet cannot be activated.');
      const changed = this.context.host.wb.activeSheetId !== s.id;
      this.context.host.wb.activeSheetId = s.id;
      if (changed) this.context.host.sheetActivated(s.id);
    });
  }

  delete(): void {
    this.context.enqueue('Worksheet.delete()', () => {
      const wb = this.context.host.wb;
      const s = this.state();
      if (s.visibility === 'VeryHidden') throw new StrictExcelError('InvalidOperation', 'A very hidden worksheet cannot be deleted.');
      if (wb.sheets.filter((x) => x.visibility === 'Visible').length === 1 && s.visibility === 'Visible') {
        throw new StrictExcelError('InvalidOperation', 'The last visible worksheet cannot be deleted.');
      }
      wb.sheets = wb.sheets.filter((x) => x !== s);
      if (wb.activeSheetId === s.id) wb.activeSheetId = wb.sheets.find((x) => x.visibility === 'Visible')!.id;
    }, { write: true });
  }
}

export class WorksheetCollection extends Collection<Worksheet> {
  private changedProxy?: EventHandlers;
  private activatedProxy?: EventHandlers;
  protected get typeName(): string {
    return 'WorksheetCollection';
  }
  /** ExcelApi 1.9: changes on any worksheet of the workbook. */
  get onChanged(): EventHandlers {
    return (this.changedProxy ??= new EventHandlers(this.context, null, 'WorksheetCollection.onChanged'));
  }
  /** ExcelApi 1.7: a worksheet was activated. */
  get onActivated(): EventHandlers {
    return (this.activatedProxy ??= new EventHandlers(this.context, null, 'WorksheetCollection.onActivated', 'activated'));
  }
  protected get version(): string {
    return '1.1';
  }
  protected list(): Worksheet[] {
    return this.context.host.wb.sheets.map((s) => {
      const ws = new Worksheet(this.context, () => s);
      ws.bindId(s.id);
      return ws;
    });
  }
  getActiveWorksheet(): Worksheet {
    const ws = new Worksheet(this.context, () => findSheet(this.context.host.wb, this.context.host.wb.activeSheetId) ?? null);
    this.context.enqueue('WorksheetCollection.getActiveWorksheet()', () => void ws.state());
    return ws;
  }
  getItem(key: string): Worksheet {
    const ws = new Worksheet(this.context, () => findSheet(this.context.host.wb, key) ?? null);
    this.context.enqueue('WorksheetCollection.getItem()', () => void ws.state());
    return ws;
  }
  getItemOrNullObject(key: string): Worksheet {
    const ws = new Worksheet(this.context, () => findSheet(this.context.host.wb, key) ?? null, true);
    ws.trackNullPublic('WorksheetCollection.getItemOrNullObject()', '1.4');
    return ws;
  }
  getCount(): ClientResult<number> {
    const res = new ClientResult<number>('WorksheetCollection.getCount');
    this.context.enqueue('WorksheetCollection.getCount()', () => res.set(this.context.host.wb.sheets.length), { version: '1.4' });
    return res;
  }
  add(name?: string): Worksheet {
    let createdId: string | null = null;
    const ws = new Worksheet(this.context, () => (createdId ? findSheet(this.context.host.wb, createdId) ?? null : null));
    this.context.enqueue('WorksheetCollection.add()', () => {
      const wb = this.context.host.wb;
      let n = name;
      if (n === undefined) {
        let i = wb.sheets.length + 1;
        while (findSheet(wb, `Sheet${i}`)) i++;
        n = `Sheet${i}`;
      }
      validateSheetName(wb, n);
      createdId = newSheet(wb, n).id;
      ws.bindId(createdId);
    }, { write: true, bytes: (name ?? '').length });
    return ws;
  }
}
