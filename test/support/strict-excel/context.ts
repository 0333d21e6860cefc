/**
 * The batching machinery: a request context that queues operations and runs them only at `sync()`,
 * proxies whose properties throw until loaded and synced, and per-sync statistics for assertions.
 */
import { compareVersions, type ApiLevel } from './api-sets';
import type { Rect } from './a1';
import { apiNotFound, propertyNotLoaded, StrictExcelError } from './errors';
import type { WorkbookState } from './model';
import { NOT_UNDOABLE, type RealExcelProfile } from './profiles';
import type { Workbook } from './workbook';

export interface BatchStats {
  /** Every queued operation: navigations, loads, property writes and method calls. */
  ops: number;
  /** Operations that change the workbook. */
  writes: number;
  /** JSON length of the written payloads (values, formats, colours, note text...). */
  bytes: number;
  /** JSON length of what the loads returned. */
  readBytes: number;
  labels: string[];
  failed?: string;
}

export interface ChangeRecord {
  sheetId: string;
  rect: Rect;
  /** 'remote' is a co-author's edit, which Excel reports with source 'Remote'. */
  source: 'api' | 'user' | 'remote';
}

/** What the proxies need from the fake host; implemented by StrictExcel. */
export interface Host {
  wb: WorkbookState;
  level: ApiLevel;
  payloadLimit: number;
  recordBatch(stats: BatchStats): void;
  changed(records: ChangeRecord[]): void;
  addChangeHandler(sheetId: string, handler: (args: unknown) => Promise<unknown> | void): () => void;
  addActivatedHandler(handler: (args: unknown) => Promise<unknown> | void): () => void;
  sheetActivated(sheetId: string): void;
  profile: RealExcelProfile;
  /** True when the loaded Office.js library lacks this member ('Type.member'). */
  isMissing(member: string): boolean;
  /** Undo bookkeeping (undo profile): a sync changed the workbook; or a non-undoable call cleared the stack. */
  undoRecord(labels: string[], merge: boolean, runId: number): void;
  undoCleared(label: string): void;
}

interface Op {
  label: string;
  write: boolean;
  bytes: number;
  run(): void;
}

export class StrictContext {
  readonly host: Host;
  workbook!: Workbook;
  private queue: Op[] = [];
  private changes: ChangeRecord[] = [];
  private readBytes = 0;
  closed = false;
  /** Count of syncs made through this context. */
  syncCount = 0;
  /** The Excel.run this context serves now: its options decide undo grouping. */
  run: { id: number; mergeUndoGroup: boolean } = { id: 0, mergeUndoGroup: false };

  constructor(host: Host, makeWorkbook: (ctx: StrictContext) => Workbook) {
    this.host = host;
    this.workbook = makeWorkbook(this);
  }

  get application(): Workbook['application'] {
    return this.workbook.application;
  }

  supports(version: string): boolean {
    return compareVersions(version, this.host.level.excelApi) <= 0;
  }

  /**
   * Queues an operation. An API above the host's level is queued as an operation that fails at sync with
   * ApiNotFound, which is when a real host refuses it (after earlier operations of the batch ran).
   */
  enqueue(label: string, run: () => void, opts: { write?: boolean; bytes?: number; version?: string } = {}): void {
    if (this.closed) {
      throw new StrictExcelError(
        'InvalidRequestContext',
        `Cannot queue '${label}': its Excel.run has finished. Pass the object in previousObjects to use it again.`,
      );
    }
    const version = opts.version ?? '1.1';
    const runIt = this.supports(version)
      ? run
      : () => {
          throw apiNotFound(label, version, this.host.level.excelApi);
        };
    this.queue.push({ label, write: !!opts.write, bytes: opts.bytes ?? 0, run: runIt });
  }

  noteChange(rec: ChangeRecord): void {
    this.changes.push(rec);
  }

  noteRead(value: unknown): void {
    this.readBytes += value === undefined ? 0 : JSON.stringify(value)?.length ?? 0;
  }

  get pendingCount(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    if (this.closed) throw new StrictExcelError('InvalidRequestContext', 'This request context has been closed.');
    const ops = this.queue;
    this.queue = [];
    this.changes = [];
    this.readBytes = 0;
    // A real sync is a round trip; resolve asynchronously so forgotten awaits show up.
    await new Promise<void>((r) => setTimeout(r, 0));
    const stats: BatchStats = {
      ops: ops.length,
      writes: ops.filter((o) => o.write).length,
      bytes: ops.reduce((n, o) => n + o.bytes, 0),
      readBytes: 0,
      labels: ops.map((o) => o.label),
    };
    this.syncCount++;
    const undo = this.host.profile.undo;
    const notUndoable = undo ? NOT_UNDOABLE[undo.platform] : [];
    const ran: string[] = [];
    try {
      // Excel on the web refuses a request over its payload limit before running any of it.
      if (stats.bytes > this.host.payloadLimit) {
        throw new StrictExcelError(
          'RequestPayloadSizeLimitExceeded',
          `The request payload (${stats.bytes} bytes) is larger than the host allows (${this.host.payloadLimit}).`,
        );
      }
      for (const op of ops) {
        if (undo && op.write && notUndoable.includes(op.label)) {
          if (this.run.mergeUndoGroup) {
            throw new StrictExcelError('UndoNotSupported', `The JavaScript API request failed due to lack of support for the undo operation (${op.label}).`);
          }
          this.host.undoCleared(op.label);
        }
        op.run();
        if (op.write) ran.push(op.label);
      }
      stats.readBytes = this.readBytes;
      if (this.readBytes > this.host.payloadLimit) {
        throw new StrictExcelError(
          'ResponsePayloadSizeLimitExceeded',
          `The response payload (${this.readBytes} bytes) is larger than the host allows (${this.host.payloadLimit}).`,
        );
      }
    } catch (e) {
      stats.failed = e instanceof StrictExcelError ? e.code : String(e);
      throw e;
    } finally {
      this.host.recordBatch(stats);
      if (undo && ran.length) this.host.undoRecord(ran, this.run.mergeUndoGroup, this.run.id);
      // Writes that ran before a failure stay applied, and their change events still fire.
      if (this.changes.length) this.host.changed(this.changes);
      this.changes = [];
    }
  }
}

export type LoadArg = string | string[] | { select?: string; expand?: string } | undefined;

export function loadNames(arg: LoadArg): string[] | 'all' {
  if (arg === undefined) return 'all';
  const text = typeof arg === 'string' ? arg : Array.isArray(arg) ? arg.join(',') : arg.select ?? '';
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return names.length ? names : 'all';
}

export function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/**
 * Base of every proxy. Scalar properties are listed per class with the requirement set that introduced
 * them; reading one that was not loaded (and synced) throws PropertyNotLoaded, as Office.js does.
 */
export abstract class ClientObject {
  readonly context: StrictContext;
  protected loadedProps: Record<string, unknown> = {};
  /** undefined until a sync has resolved whether the object exists. */
  protected nullState: boolean | undefined;

  constructor(context: StrictContext) {
    this.context = context;
  }

  protected abstract get typeName(): string;
  /** Loadable scalar properties and the ExcelApi version each needs. */
  protected abstract get scalarProps(): Record<string, string>;
  /** Reads a property from the workbook now (called while a sync runs). */
  protected abstract readProp(name: string): unknown;
  /** Navigation properties reachable in load paths such as 'format/fill/color'. */
  protected navigation(_name: string): ClientObject | undefined {
    return undefined;
  }
  /** True when the object turned out not to exist (OrNullObject variants); called while a sync runs. */
  protected resolveNull(): boolean {
    return false;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw propertyNotLoaded('isNullObject', this.typeName);
    return this.nullState;
  }

  /** Queues the op that settles isNullObject; OrNullObject getters call it on creation. */
  protected trackNull(label: string, version: string): void {
    this.context.enqueue(label, () => {
      this.nullState = this.resolveNull();
    }, { version });
  }

  protected prop<T>(name: string): T {
    if (this.nullState === true) {
      throw new StrictExcelError('InvalidOperation', `'${this.typeName}.${name}' cannot be read from a null object.`);
    }
    if (!(name in this.loadedProps)) throw propertyNotLoaded(name, this.typeName);
    return this.loadedProps[name] as T;
  }

  load(arg?: LoadArg): this {
    const names = loadNames(arg);
    const list = names === 'all' ? 'all' : names;
    if (list !== 'all') {
      for (const path of list) {
        const head = path.split('/')[0];
        if (!(head in this.scalarProps) && !this.navigation(head)) {
          throw new StrictExcelError('InvalidArgument', `'${this.typeName}' has no property '${head}'.`);
        }
      }
    }
    const own = list === 'all' ? [] : list.filter((p) => p in this.scalarProps);
    const version = own.map((n) => this.scalarProps[n]).sort(compareVersions).pop() ?? '1.1';
    this.context.enqueue(`${this.typeName}.load(${list === 'all' ? '' : list.join(',')})`, () => this.fillProps(list), { version });
    return this;
  }

  /** Reads the named properties now (inside a sync); 'nav/prop' paths recurse into navigation properties. */
  fillProps(names: string[] | 'all'): void {
    if (this.nullState === undefined) this.nullState = this.resolveNull();
    if (this.nullState) return; // loading a null object is allowed; reading from it is not
    const list = names === 'all' ? Object.keys(this.scalarProps).filter((n) => this.context.supports(this.scalarProps[n])) : names;
    for (const path of list) {
      const slash = path.indexOf('/');
      if (slash >= 0) {
        this.navigation(path.slice(0, slash))!.fillProps([path.slice(slash + 1)]);
        continue;
      }
      if (!(path in this.scalarProps)) {
        this.navigation(path)!.fillProps('all');
        continue;
      }
      const version = this.scalarProps[path];
      if (!this.context.supports(version)) throw apiNotFound(`${this.typeName}.${path}`, version, this.context.host.level.excelApi);
      const v = clone(this.readProp(path));
      this.context.noteRead(v);
      this.loadedProps[path] = v;
    }
  }

  toJSON(): Record<string, unknown> {
    return { ...this.loadedProps };
  }
}

/** OfficeExtension.ClientResult: `value` throws until the sync that fills it has run. */
export class ClientResult<T> {
  private settled = false;
  private v: T | undefined;
  constructor(private readonly what: string) {}
  set(v: T): void {
    this.v = v;
    this.settled = true;
  }
  get value(): T {
    if (!this.settled) {
      throw new StrictExcelError('ValueNotLoaded', `The value of '${this.what}' is not available before context.sync().`);
    }
    return this.v as T;
  }
}
