/**
 * Range, RangeAreas and their formatting proxies. Reads happen at sync through `readProp`; writes are queued
 * operations that refuse a protected sheet with AccessDenied at the moment they run (earlier operations of
 * the same batch stay applied, as in Excel).
 */
import { cellA1, cellCount, contains, overlaps, parseAreas, qualified, rectA1, type Rect } from './a1';
import { ClientObject, ClientResult, type StrictContext } from './context';
import { StrictExcelError } from './errors';
import {
  cellAt,
  cellFor,
  eachCell,
  normalizeColor,
  readFormula,
  readNumberFormat,
  readValue,
  readValueType,
  tidy,
  writeInput,
  type BorderState,
  type CellState,
  type FillState,
  type SheetState,
  type StyleState,
} from './model';
import type { Worksheet } from './worksheet';
import { READ_CELL_LIMIT } from './profiles';

/**
 * How a cell's fill reads (RangeFill and getCellProperties alike). No Fill reads as color '#FFFFFF' with
 * pattern null (office-js#4900) and tintAndShade null, or 0 on a platform that cannot tell it from white
 * (office-js#6218); a fill reads its colour, its pattern ('Solid' when plain) and its tint.
 */
export function fillReading(cell: CellState | undefined, noFill: 'null' | 'zero' | undefined): {
  color: string;
  pattern: string | null;
  patternColor: string;
  tintAndShade: number | null;
} {
  const f = cell?.fill;
  if (!f) return { color: '#FFFFFF', pattern: null, patternColor: '#000000', tintAndShade: noFill === 'zero' ? 0 : null };
  return { color: f.color, pattern: f.pattern ?? 'Solid', patternColor: f.patternColor ?? '#000000', tintAndShade: f.tintAndShade ?? 0 };
}

/** Where a format proxy points: one or more rectangles of one sheet, settled during a sync. */
export interface Target {
  sheet(): SheetState;
  rects(): Rect[];
}

export function assertEditable(sheet: SheetState, what: string): void {
  if (sheet.protected) {
    throw new StrictExcelError(
      'AccessDenied',
      `The cell or chart you're trying to change is on a protected sheet ('${sheet.name}'); ${what} refused.`,
    );
  }
}

function uniform<T>(items: T[], same: (a: T, b: T) => boolean = (a, b) => a === b): T | null {
  if (items.length === 0) return null;
  return items.every((x) => same(x, items[0])) ? items[0] : null;
}

function cellsOf(t: Target): (CellState | undefined)[] {
  const sheet = t.sheet();
  const out: (CellState | undefined)[] = [];
  eachCell(t.rects(), (r, c) => out.push(cellAt(sheet, r, c)));
  return out;
}

function styleWrite(ctx: StrictContext, t: Target, label: string, value: unknown, apply: (s: StyleState, row: number, col: number, rect: Rect) => void, version = '1.1'): void {
  ctx.enqueue(
    label,
    () => {
      const sheet = t.sheet();
      assertEditable(sheet, label);
      for (const rect of t.rects()) {
        eachCell([rect], (r, c) => {
          const cell = cellFor(sheet, r, c);
          cell.style = cell.style ?? {};
          apply(cell.style, r, c, rect);
          tidy(sheet, r, c);
        });
      }
    },
    { write: true, bytes: JSON.stringify(value ?? null).length, version },
  );
}

// ---- fill ---------------------------------------------------------------------------------------

export class RangeFill extends ClientObject {
  constructor(context: StrictContext, private readonly target: Target) {
    super(context);
  }
  protected get typeName(): string {
    return 'RangeFill';
  }
  protected get scalarProps(): Record<string, string> {
    return { color: '1.1', pattern: '1.9', patternColor: '1.9', patternTintAndShade: '1.9', tintAndShade: '1.9' };
  }
  protected readProp(name: string): unknown {
    const noFill = this.context.host.profile.noFill;
    const reads = cellsOf(this.target).map((c) => fillReading(c, noFill));
    switch (name) {
      case 'color':
        return uniform(reads.map((r) => r.color));
      case 'pattern':
        return uniform(reads.map((r) => r.pattern));
      case 'patternColor':
        return uniform(reads.map((r) => r.patternColor));
      case 'tintAndShade':
        return uniform(reads.map((r) => r.tintAndShade));
      case 'patternTintAndShade':
        return 0;
    }
    return undefined;
  }
  get color(): string {
    return this.prop('color');
  }
  set color(v: string) {
    const label = 'RangeFill.color=';
    this.context.enqueue(
      label,
      () => {
        if (v === null || v === undefined) throw new StrictExcelError('InvalidArgument', 'RangeFill.color cannot be null; use clear().');
        const color = normalizeColor(v);
        const sheet = this.target.sheet();
        assertEditable(sheet, label);
        eachCell(this.target.rects(), (r, c) => {
          const cell = cellFor(sheet, r, c);
          const { tintAndShade: _tint, ...rest } = cell.fill ?? ({} as FillState);
          cell.fill = { ...rest, color };
          tidy(sheet, r, c);
        });
      },
      { write: true, bytes: JSON.stringify(v ?? null).length },
    );
  }
  get pattern(): string {
    return this.prop('pattern');
  }
  set pattern(v: string) {
    this.context.enqueue(
      'RangeFill.pattern=',
      () => {
        const sheet = this.target.sheet();
        assertEditable(sheet, 'RangeFill.pattern=');
        eachCell(this.target.rects(), (r, c) => {
          const cell = cellFor(sheet, r, c);
          if (v === 'None') delete cell.fill;
          else {
            cell.fill = { ...(cell.fill ?? { color: '#FFFFFF' }) };
            if (v === 'Solid') delete cell.fill.pattern;
            else cell.fill.pattern = v;
          }
          tidy(sheet, r, c);
        });
      },
      { write: true, bytes: JSON.stringify(v).length, version: '1.9' },
    );
  }
  get patternColor(): string {
    return this.prop('patternColor');
  }
  set patternColor(v: string) {
    this.context.enqueue(
      'RangeFill.patternColor=',
      () => {
        const color = normalizeColor(v);
        const sheet = this.target.sheet();
        assertEditable(sheet, 'RangeFill.patternColor=');
        eachCell(this.target.rects(), (r, c) => {
          const cell = cellFor(sheet, r, c);
          cell.fill = { ...(cell.fill ?? { color: '#FFFFFF' }), patternColor: color };
        });
      },
      { write: true, bytes: JSON.stringify(v).length, version: '1.9' },
    );
  }
  get tintAndShade(): number | null {
    return this.prop('tintAndShade');
  }
  /** ExcelApi 1.9: lightens (up to 1) or darkens (down to -1) the fill colour of cells that have one. */
  set tintAndShade(v: number | null) {
    this.context.enqueue(
      'RangeFill.tintAndShade=',
      () => {
        if (typeof v !== 'number' || v < -1 || v > 1) throw new StrictExcelError('InvalidArgument', `Invalid tintAndShade ${String(v)}.`);
        const sheet = this.target.sheet();
        assertEditable(sheet, 'RangeFill.tintAndShade=');
        eachCell(this.target.rects(), (r, c) => {
          const cell = cellAt(sheet, r, c);
          if (!cell?.fill) return;
          if (v === 0) delete cell.fill.tintAndShade;
          else cell.fill.tintAndShade = v;
        });
      },
      { write: true, bytes: JSON.stringify(v).length, version: '1.9' },
    );
  }
  clear(): void {
    this.context.enqueue(
      'RangeFill.clear()',
      () => {
        const sheet = this.target.sheet();
        assertEditable(sheet, 'RangeFill.clear()');
        eachCell(this.target.rects(), (r, c) => {
          const cell = cellAt(sheet, r, c);
          if (cell) {
            delete cell.fill;
            tidy(sheet, r, c);
          }
        });
      },
      { write: true },
    );
  }
}

// ---- font, borders, format ----------------------------------------------------------------------

export class RangeFont extends ClientObject {
  constructor(context: StrictContext, private readonly target: Target) {
    super(context);
  }
  protected get typeName(): string {
    return 'RangeFont';
  }
  protected get scalarProps(): Record<string, string> {
    return { bold: '1.1', italic: '1.1', size: '1.1', color: '1.1', name: '1.1' };
  }
  protected readProp(name: string): unknown {
    const cells = cellsOf(this.target);
    switch (name) {
      case 'bold':
        return uniform(cells.map((c) => !!c?.style?.bold));
      case 'italic':
        return uniform(cells.map((c) => !!c?.style?.italic));
      case 'size':
        return uniform(cells.map((c) => c?.style?.fontSize ?? 11));
      case 'color':
        return uniform(cells.map((c) => c?.style?.fontColor ?? '#000000'));
      case 'name':
        return 'Calibri';
    }
    return undefined;
  }
  get bold(): boolean {
    return this.prop('bold');
  }
  set bold(v: boolean) {
    styleWrite(this.context, this.target, 'RangeFont.bold=', v, (s) => (s.bold = v || undefined));
  }
  get italic(): boolean {
    return this.prop('italic');
  }
  set italic(v: boolean) {
    styleWrite(this.context, this.target, 'RangeFont.italic=', v, (s) => (s.italic = v || undefined));
  }
  get size(): number {
    return this.prop('size');
  }
  set size(v: number) {
    styleWrite(this.context, this.target, 'RangeFont.size=', v, (s) => (s.fontSize = v === 11 ? undefined : v));
  }
  get color(): string {
    return this.prop('color');
  }
  set color(v: string) {
    styleWrite(this.context, this.target, 'RangeFont.color=', v, (s) => (s.fontColor = normalizeColor(v)));
  }
}

const BORDER_INDEXES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'];

export class RangeBorder extends ClientObject {
  constructor(context: StrictContext, private readonly target: Target, private readonly index: string) {
    super(context);
    if (!BORDER_INDEXES.includes(index)) throw new StrictExcelError('InvalidArgument', `Unknown border index '${index}'.`);
  }
  protected get typeName(): string {
    return 'RangeBorder';
  }
  protected get scalarProps(): Record<string, string> {
    return { style: '1.1', color: '1.1', weight: '1.1', sideIndex: '1.1' };
  }
  protected readProp(name: string): unknown {
    if (name === 'sideIndex') return this.index;
    if (name === 'style') {
      const sheet = this.target.sheet();
      const styles: string[] = [];
      for (const rect of this.target.rects()) {
        eachCell([rect], (r, c) => {
          const side = this.sideFor(rect, r, c);
          if (side) styles.push(cellAt(sheet, r, c)?.style?.borders?.[side] ?? 'None');
        });
      }
      return uniform(styles);
    }
    return name === 'color' ? '#000000' : 'Thin';
  }
  /** Which side of cell (r,c) this border index covers within `rect`, if any. */
  private sideFor(rect: Rect, r: number, c: number): keyof BorderState | undefined {
    switch (this.index) {
      case 'EdgeTop':
        return r === rect.top ? 'top' : undefined;
      case 'EdgeBottom':
        return r === rect.bottom ? 'bottom' : undefined;
      case 'EdgeLeft':
        return c === rect.left ? 'left' : undefined;
      case 'EdgeRight':
        return c === rect.right ? 'right' : undefined;
      case 'InsideHorizontal':
        return r < rect.bottom ? 'bottom' : undefined;
      case 'InsideVertical':
        return c < rect.right ? 'right' : undefined;
    }
    return undefined;
  }
  get style(): string {
    return this.prop('style');
  }
  set style(v: string) {
    styleWrite(this.context, this.target, `RangeBorder(${this.index}).style=`, v, (s, r, c, rect) => {
      const side = this.sideFor(rect, r, c);
      if (!side) return;
      s.borders = { ...(s.borders ?? {}), [side]: v === 'None' ? undefined : v };
    });
  }
  set color(v: string) {
    styleWrite(this.context, this.target, `RangeBorder(${this.index}).color=`, v, () => undefined);
  }
  set weight(v: string) {
    styleWrite(this.context, this.target, `RangeBorder(${this.index}).weight=`, v, () => undefined);
  }
}

export class RangeBorderCollection extends ClientObject {
  constructor(context: StrictContext, private readonly target: Target) {
    super(context);
  }
  protected get typeName(): string {
    return 'RangeBorderCollection';
  }
  protected get scalarProps(): Record<string, string> {
    return {};
  }
  protected readProp(): unknown {
    return undefined;
  }
  getItem(index: string): RangeBorder {
    return new RangeBorder(this.context, this.target, index);
  }
}

const H_ALIGN = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
const V_ALIGN = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];

export class RangeFormat extends ClientObject {
  private fillProxy?: RangeFill;
  private fontProxy?: RangeFont;
  private bordersProxy?: RangeBorderCollection;
  constructor(context: StrictContext, private readonly target: Target) {
    super(context);
  }
  protected get typeName(): string {
    return 'RangeFormat';
  }
  protected get scalarProps(): Record<string, string> {
    return { wrapText: '1.1', horizontalAlignment: '1.1', verticalAlignment: '1.1', columnWidth: '1.2', rowHeight: '1.2' };
  }
  protected override navigation(name: string): ClientObject | undefined {
    return name === 'fill' ? this.fill : name === 'font' ? this.font : name === 'borders' ? this.borders : undefined;
  }
  protected readProp(name: string): unknown {
    const cells = cellsOf(this.target);
    const sheet = this.target.sheet();
    const rect = this.target.rects()[0];
    switch (name) {
      case 'wrapText':
        return uniform(cells.map((c) => !!c?.style?.wrap));
      case 'horizontalAlignment':
        return uniform(cells.map((c) => c?.style?.horizontal ?? 'General'));
      case 'verticalAlignment':
        return uniform(cells.map((c) => c?.style?.vertical ?? 'Bottom'));
      case 'columnWidth': {
        const ws: number[] = [];
        for (let c = rect.left; c <= rect.right; c++) ws.push(sheet.columnWidths[c] ?? 48);
        return uniform(ws);
      }
      case 'rowHeight': {
        const hs: number[] = [];
        for (let r = rect.top; r <= rect.bottom; r++) hs.push(sheet.rowHeights[r] ?? 15);
        return uniform(hs);
      }
    }
    return undefined;
  }
  get fill(): RangeFill {
    return (this.fillProxy ??= new RangeFill(this.context, this.target));
  }
  get font(): RangeFont {
    return (this.fontProxy ??= new RangeFont(this.context, this.target));
  }
  get borders(): RangeBorderCollection {
    return (this.bordersProxy ??= new RangeBorderCollection(this.context, this.target));
  }
  get wrapText(): boolean {
    return this.prop('wrapText');
  }
  set wrapText(v: boolean) {
    styleWrite(this.context, this.target, 'RangeFormat.wrapText=', v, (s) => (s.wrap = v || undefined));
  }
  get horizontalAlignment(): string {
    return this.prop('horizontalAlignment');
  }
  set horizontalAlignment(v: string) {
    if (!H_ALIGN.includes(v)) throw new StrictExcelError('InvalidArgument', `Unknown horizontal alignment '${v}'.`);
    styleWrite(this.context, this.target, 'RangeFormat.horizontalAlignment=', v, (s) => (s.horizontal = v === 'General' ? undefined : v));
  }
  get verticalAlignment(): string {
    return this.prop('verticalAlignment');
  }
  set verticalAlignment(v: string) {
    if (!V_ALIGN.includes(v)) throw new StrictExcelError('InvalidArgument', `Unknown vertical alignment '${v}'.`);
    styleWrite(this.context, this.target, 'RangeFormat.verticalAlignment=', v, (s) => (s.vertical = v === 'Bottom' ? undefined : v));
  }
  get columnWidth(): number {
    return this.prop('columnWidth');
  }
  set columnWidth(v: number) {
    this.context.enqueue(
      'RangeFormat.columnWidth=',
      () => {
        const sheet = this.target.sheet();
        assertEditable(sheet, 'RangeFormat.columnWidth=');
        for (const r of this.target.rects()) for (let c = r.left; c <= r.right; c++) sheet.columnWidths[c] = v;
      },
      { write: true, bytes: String(v).length, version: '1.2' },
    );
  }
  get rowHeight(): number {
    return this.prop('rowHeight');
  }
  set rowHeight(v: number) {
    this.context.enqueue(
      'RangeFormat.rowHeight=',
      () => {
        const sheet = this.target.sheet();
        assertEditable(sheet, 'RangeFormat.rowHeight=');
        for (const r of this.target.rects()) for (let row = r.top; row <= r.bottom; row++) sheet.rowHeights[row] = v;
      },
      { write: true, bytes: String(v).length, version: '1.2' },
    );
  }
}

// ---- data validation ----------------------------------------------------------------------------

export class DataValidation extends ClientObject {
  constructor(context: StrictContext, private readonly target: Target) {
    super(context);
  }
  protected get typeName(): string {
    return 'DataValidation';
  }
  protected get scalarProps(): Record<string, string> {
    return { rule: '1.8', type: '1.8' };
  }
  protected readProp(name: string): unknown {
    const sheet = this.target.sheet();
    const rect = this.target.rects()[0];
    const v = sheet.validations.find((x) => overlaps(x.range, rect));
    if (name === 'type') return v ? 'List' : 'None';
    return v ? { list: { inCellDropDown: v.inCellDropDown, source: v.list.join(',') } } : {};
  }
  set rule(rule: { list?: { inCellDropDown?: boolean; source: string } }) {
    this.context.enqueue(
      'DataValidation.rule=',
      () => {
        const sheet = this.target.sheet();
        assertEditable(sheet, 'DataValidation.rule=');
        if (!rule?.list || typeof rule.list.source !== 'string') {
          throw new StrictExcelError('InvalidArgument', 'Only list rules are modelled by the fake.');
        }
        for (const r of this.target.rects()) {
          sheet.validations = sheet.validations.filter((v) => !overlaps(v.range, r));
          sheet.validations.push({ range: r, list: rule.list.source.split(',').map((s) => s.trim()), inCellDropDown: rule.list.inCellDropDown ?? true });
        }
      },
      { write: true, bytes: JSON.stringify(rule).length, version: '1.8' },
    );
  }
  clear(): void {
    this.context.enqueue(
      'DataValidation.clear()',
      () => {
        const sheet = this.target.sheet();
        for (const r of this.target.rects()) sheet.validations = sheet.validations.filter((v) => !overlaps(v.range, r));
      },
      { write: true, version: '1.8' },
    );
  }
}

// ---- cell properties ----------------------------------------------------------------------------

type PropsSpec = Record<string, unknown>;

const CELL_PROP_KEYS: Record<string, true> = { address: true, addressLocal: true, format: true };
const FORMAT_KEYS: Record<string, true> = { fill: true, font: true, wrapText: true, horizontalAlignment: true, verticalAlignment: true };
const FILL_KEYS = ['color', 'pattern', 'patternColor', 'tintAndShade', 'patternTintAndShade'];
const FONT_KEYS = ['bold', 'italic', 'color', 'size', 'name'];

function checkSpec(spec: PropsSpec): void {
  for (const k of Object.keys(spec)) if (!CELL_PROP_KEYS[k]) throw new StrictExcelError('InvalidArgument', `getCellProperties: '${k}' is not modelled.`);
  const f = spec.format as PropsSpec | undefined;
  if (f) {
    for (const k of Object.keys(f)) if (!FORMAT_KEYS[k]) throw new StrictExcelError('InvalidArgument', `getCellProperties: 'format.${k}' is not modelled.`);
    for (const k of Object.keys((f.fill as PropsSpec) ?? {})) if (!FILL_KEYS.includes(k)) throw new StrictExcelError('InvalidArgument', `getCellProperties: 'format.fill.${k}' is not modelled.`);
    for (const k of Object.keys((f.font as PropsSpec) ?? {})) if (!FONT_KEYS.includes(k)) throw new StrictExcelError('InvalidArgument', `getCellProperties: 'format.font.${k}' is not modelled.`);
  }
}

function cellProps(sheet: SheetState, r: number, c: number, spec: PropsSpec, noFill: 'null' | 'zero' | undefined): Record<string, unknown> {
  const cell = cellAt(sheet, r, c);
  const out: Record<string, unknown> = {};
  if (spec.address) out.address = qualified(sheet.name, { top: r, bottom: r, left: c, right: c });
  if (spec.addressLocal) out.addressLocal = out.address ?? qualified(sheet.name, { top: r, bottom: r, left: c, right: c });
  const f = spec.format as PropsSpec | undefined;
  if (f) {
    const fmt: Record<string, unknown> = {};
    const fill = f.fill as PropsSpec | undefined;
    if (fill) {
      const o: Record<string, unknown> = {};
      const read = fillReading(cell, noFill);
      if (fill.color) o.color = read.color;
      if (fill.pattern) o.pattern = read.pattern;
      if (fill.patternColor) o.patternColor = read.patternColor;
      if (fill.tintAndShade) o.tintAndShade = read.tintAndShade;
      if (fill.patternTintAndShade) o.patternTintAndShade = 0;
      fmt.fill = o;
    }
    const font = f.font as PropsSpec | undefined;
    if (font) {
      const o: Record<string, unknown> = {};
      if (font.bold) o.bold = !!cell?.style?.bold;
      if (font.italic) o.italic = !!cell?.style?.italic;
      if (font.color) o.color = cell?.style?.fontColor ?? '#000000';
      if (font.size) o.size = cell?.style?.fontSize ?? 11;
      if (font.name) o.name = 'Calibri';
      fmt.font = o;
    }
    if (f.wrapText) fmt.wrapText = !!cell?.style?.wrap;
    if (f.horizontalAlignment) fmt.horizontalAlignment = cell?.style?.horizontal ?? 'General';
    if (f.verticalAlignment) fmt.verticalAlignment = cell?.style?.vertical ?? 'Bottom';
    out.format = fmt;
  }
  return out;
}

// ---- Range --------------------------------------------------------------------------------------

export type RectLocator = (sheet: SheetState) => Rect | null;

export class Range extends ClientObject {
  private memo: Rect | null | undefined;
  private formatProxy?: RangeFormat;
  private validationProxy?: DataValidation;

  constructor(
    context: StrictContext,
    readonly worksheet: Worksheet,
    private readonly locate: RectLocator,
    private readonly nullable = false,
  ) {
    super(context);
  }

  protected get typeName(): string {
    return 'Range';
  }

  protected get scalarProps(): Record<string, string> {
    return {
      address: '1.1', addressLocal: '1.1', rowIndex: '1.1', columnIndex: '1.1', rowCount: '1.1', columnCount: '1.1', cellCount: '1.1',
      values: '1.1', formulas: '1.1', numberFormat: '1.1', valueTypes: '1.1', text: '1.1',
    };
  }

  protected override navigation(name: string): ClientObject | undefined {
    if (name === 'format') return this.format;
    if (name === 'worksheet') return this.worksheet;
    return undefined;
  }

  protected override resolveNull(): boolean {
    const missing = this.rectOrNull() === null;
    if (missing && !this.nullable) throw new StrictExcelError('ItemNotFound', 'The requested range does not exist.');
    return missing;
  }

  private rectOrNull(): Rect | null {
    if (this.memo === undefined) {
      const sheet = this.worksheet.stateOrNull();
      this.memo = sheet ? this.locate(sheet) : null;
    }
    return this.memo;
  }

  /** The rectangle this proxy points at (settled at its first use during a sync). */
  rect(): Rect {
    const r = this.rectOrNull();
    if (!r) throw new StrictExcelError('ItemNotFound', 'The requested range does not exist.');
    return r;
  }

  private target(): Target {
    return { sheet: () => this.worksheet.state(), rects: () => [this.rect()] };
  }

  /**
   * A cell-level property over the range. Past five million cells Excel returns null rather than the
   * values (office-js#4783, #6781; the documented read limit is five million cells).
   */
  private grid<T>(fn: (cell: CellState | undefined) => T): T[][] | null {
    const sheet = this.worksheet.state();
    const r = this.rect();
    if (cellCount(r) > READ_CELL_LIMIT) return null;
    const out: T[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: T[] = [];
      for (let col = r.left; col <= r.right; col++) line.push(fn(cellAt(sheet, row, col)));
      out.push(line);
    }
    return out;
  }

  protected readProp(name: string): unknown {
    const r = this.rect();
    const sheet = this.worksheet.state();
    switch (name) {
      case 'address':
      case 'addressLocal':
        return qualified(sheet.name, r);
      case 'rowIndex':
        return r.top;
      case 'columnIndex':
        return r.left;
      case 'rowCount':
        return r.bottom - r.top + 1;
      case 'columnCount':
        return r.right - r.left + 1;
      case 'cellCount':
        return cellCount(r);
      case 'values':
        return this.grid(readValue);
      case 'formulas':
        return this.grid(readFormula);
      case 'numberFormat':
        return this.grid(readNumberFormat);
      case 'valueTypes':
        return this.grid(readValueType);
      case 'text':
        return this.grid((c) => String(readValue(c)));
    }
    return undefined;
  }

  get address(): string {
    return this.prop('address');
  }
  get rowIndex(): number {
    return this.prop('rowIndex');
  }
  get columnIndex(): number {
    return this.prop('columnIndex');
  }
  get rowCount(): number {
    return this.prop('rowCount');
  }
  get columnCount(): number {
    return this.prop('columnCount');
  }
  get cellCount(): number {
    return this.prop('cellCount');
  }
  get values(): unknown[][] {
    return this.prop('values');
  }
  set values(v: unknown[][]) {
    this.writeGrid('values', v);
  }
  get formulas(): unknown[][] {
    return this.prop('formulas');
  }
  set formulas(v: unknown[][]) {
    this.writeGrid('formulas', v);
  }
  get numberFormat(): unknown[][] {
    return this.prop('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.writeGrid('numberFormat', v);
  }
  get valueTypes(): string[][] {
    return this.prop('valueTypes');
  }
  get text(): string[][] {
    return this.prop('text');
  }

  /**
   * values / formulas / numberFormat writes. A 2-D array must match the range's shape; a null entry leaves
   * that cell unchanged and '' clears it (Office.js rules). A single non-array value applies to every cell.
   */
  private writeGrid(prop: 'values' | 'formulas' | 'numberFormat', input: unknown): void {
    const label = `Range.${prop}=`;
    this.context.enqueue(
      label,
      () => {
        if (input === null || input === undefined) throw new StrictExcelError('InvalidArgument', `${label} null is not a valid input.`);
        const sheet = this.worksheet.state();
        const r = this.rect();
        const rows = r.bottom - r.top + 1;
        const cols = r.right - r.left + 1;
        let at: (i: number, j: number) => unknown;
        if (Array.isArray(input)) {
          if (input.length !== rows || input.some((line) => !Array.isArray(line) || line.length !== cols)) {
            throw new StrictExcelError(
              'InvalidArgument',
              `${label} the number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}x${cols}).`,
            );
          }
          at = (i, j) => (input as unknown[][])[i][j];
        } else at = () => input;
        assertEditable(sheet, label);
        for (let i = 0; i < rows; i++) {
          for (let j = 0; j < cols; j++) {
            const v = at(i, j);
            if (prop === 'numberFormat') {
              if (v === null || v === undefined) continue;
              if (typeof v !== 'string') throw new StrictExcelError('InvalidArgument', `${label} expects strings.`);
              const cell = cellFor(sheet, r.top + i, r.left + j);
              cell.numberFormat = v === '' ? undefined : v;
              tidy(sheet, r.top + i, r.left + j);
            } else writeInput(sheet, r.top + i, r.left + j, v);
          }
        }
        this.context.noteChange({ sheetId: sheet.id, rect: r, source: 'api' });
      },
      { write: true, bytes: JSON.stringify(input ?? null).length },
    );
  }

  get format(): RangeFormat {
    return (this.formatProxy ??= new RangeFormat(this.context, this.target()));
  }

  get dataValidation(): DataValidation {
    return (this.validationProxy ??= new DataValidation(this.context, this.target()));
  }

  getCell(row: number, column: number): Range {
    return new Range(this.context, this.worksheet, () => {
      const r = this.rect();
      return { top: r.top + row, bottom: r.top + row, left: r.left + column, right: r.left + column };
    });
  }

  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return new Range(this.context, this.worksheet, () => {
      const r = this.rect();
      const out = { top: r.top + rowOffset, bottom: r.bottom + rowOffset, left: r.left + columnOffset, right: r.right + columnOffset };
      if (out.top < 0 || out.left < 0) throw new StrictExcelError('InvalidArgument', 'The offset range falls outside the sheet.');
      return out;
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    const range = new Range(this.context, this.worksheet, () => {
      const r = this.rect();
      return { ...r, bottom: r.bottom + deltaRows, right: r.right + deltaColumns };
    });
    this.context.enqueue('Range.getResizedRange()', () => undefined, { version: '1.7' });
    return range;
  }

  /** ExcelApi 1.9: a 2-D array of the requested per-cell properties. */
  getCellProperties(spec: PropsSpec): ClientResult<Record<string, unknown>[][]> {
    const result = new ClientResult<Record<string, unknown>[][]>('Range.getCellProperties');
    this.context.enqueue(
      'Range.getCellProperties()',
      () => {
        checkSpec(spec ?? {});
        const sheet = this.worksheet.state();
        const r = this.rect();
        if (cellCount(r) > READ_CELL_LIMIT) throw new StrictExcelError('RangeExceedsLimit', 'The cell count in the range has exceeded the maximum supported number.');
        const out: Record<string, unknown>[][] = [];
        for (let row = r.top; row <= r.bottom; row++) {
          const line: Record<string, unknown>[] = [];
          for (let col = r.left; col <= r.right; col++) line.push(cellProps(sheet, row, col, spec, this.context.host.profile.noFill));
          out.push(line);
        }
        this.context.noteRead(out);
        result.set(out);
      },
      { version: '1.9' },
    );
    return result;
  }

  /** ExcelApi 1.13. Like Excel, it fails when the range holds more than 512 merged areas. */
  getMergedAreasOrNullObject(): RangeAreas {
    const areas = new RangeAreas(
      this.context,
      this.worksheet,
      (sheet) => {
        const r = this.rect();
        const found = sheet.merges.filter((m) => overlaps(m, r));
        if (found.length > 512) throw new StrictExcelError('InvalidOperation', 'More than 512 merged areas in the range.');
        return found.length ? found.map((m) => ({ ...m })) : null;
      },
      true,
    );
    areas.trackNullPublic('Range.getMergedAreasOrNullObject()', '1.13');
    return areas;
  }

  merge(across = false): void {
    this.context.enqueue(
      'Range.merge()',
      () => {
        const sheet = this.worksheet.state();
        assertEditable(sheet, 'Range.merge()');
        const r = this.rect();
        const rows: Rect[] = across
          ? Array.from({ length: r.bottom - r.top + 1 }, (_, i) => ({ top: r.top + i, bottom: r.top + i, left: r.left, right: r.right }))
          : [r];
        for (const m of rows) {
          if (cellCount(m) < 2) continue;
          sheet.merges = sheet.merges.filter((x) => !overlaps(x, m));
          sheet.merges.push(m);
          // Excel keeps only the upper-left value of a merged area.
          eachCell([m], (row, col) => {
            if (row === m.top && col === m.left) return;
            const cell = cellAt(sheet, row, col);
            if (cell) {
              cell.value = null;
              delete cell.formula;
              tidy(sheet, row, col);
            }
          });
        }
      },
      { write: true, version: '1.2' },
    );
  }

  unmerge(): void {
    this.context.enqueue(
      'Range.unmerge()',
      () => {
        const sheet = this.worksheet.state();
        assertEditable(sheet, 'Range.unmerge()');
        const r = this.rect();
        sheet.merges = sheet.merges.filter((x) => !overlaps(x, r));
      },
      { write: true, version: '1.2' },
    );
  }

  clear(applyTo: 'All' | 'Formats' | 'Contents' = 'All'): void {
    this.context.enqueue(
      `Range.clear(${applyTo})`,
      () => {
        const sheet = this.worksheet.state();
        assertEditable(sheet, 'Range.clear()');
        const r = this.rect();
        for (const [k, cell] of [...sheet.cells]) {
          const [row, col] = k.split(',').map(Number);
          if (!contains(r, row, col)) continue;
          if (applyTo !== 'Formats') {
            cell.value = null;
            delete cell.formula;
          }
          if (applyTo !== 'Contents') {
            delete cell.numberFormat;
            delete cell.fill;
            delete cell.style;
          }
          tidy(sheet, row, col);
        }
        this.context.noteChange({ sheetId: sheet.id, rect: r, source: 'api' });
      },
      { write: true },
    );
  }

  select(): void {
    this.context.enqueue('Range.select()', () => {
      const sheet = this.worksheet.state();
      this.context.host.wb.activeSheetId = sheet.id;
      this.context.host.wb.selection = { sheetId: sheet.id, areas: [this.rect()] };
    });
  }

  /** Address text without sheet, for messages. */
  override toString(): string {
    return this.memo ? rectA1(this.memo) : 'Range';
  }
}

// ---- RangeAreas (ExcelApi 1.9) -----------------------------------------------------------------

/** Longest address string getRanges accepts here; Excel's own limit is near 8,200 characters and not documented. */
export const MAX_AREAS_ADDRESS = 8192;

export class RangeAreas extends ClientObject {
  private memo: Rect[] | null | undefined;
  private formatProxy?: RangeFormat;

  constructor(
    context: StrictContext,
    readonly worksheet: Worksheet,
    private readonly locate: (sheet: SheetState) => Rect[] | null,
    private readonly nullable = false,
  ) {
    super(context);
    // A library older than ExcelApi 1.18 has no RangeAreas.select at all.
    if (context.host.isMissing('RangeAreas.select')) Object.defineProperty(this, 'select', { value: undefined });
  }

  static fromAddress(context: StrictContext, worksheet: Worksheet, address: string): RangeAreas {
    const areas = new RangeAreas(context, worksheet, () => {
      if (address.length > MAX_AREAS_ADDRESS) {
        throw new StrictExcelError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      }
      return parseAreas(address);
    });
    context.enqueue('Worksheet.getRanges()', () => void areas.rects(), { version: '1.9' });
    return areas;
  }

  trackNullPublic(label: string, version: string): void {
    this.trackNull(label, version);
  }

  protected get typeName(): string {
    return 'RangeAreas';
  }
  protected get scalarProps(): Record<string, string> {
    return { address: '1.9', addressLocal: '1.9', areaCount: '1.9', cellCount: '1.9' };
  }
  protected override navigation(name: string): ClientObject | undefined {
    return name === 'format' ? this.format : undefined;
  }
  protected override resolveNull(): boolean {
    const missing = this.rectsOrNull() === null;
    if (missing && !this.nullable) throw new StrictExcelError('ItemNotFound', 'The requested range areas do not exist.');
    return missing;
  }
  private rectsOrNull(): Rect[] | null {
    if (this.memo === undefined) {
      const sheet = this.worksheet.stateOrNull();
      this.memo = sheet ? this.locate(sheet) : null;
    }
    return this.memo;
  }
  rects(): Rect[] {
    const r = this.rectsOrNull();
    if (!r) throw new StrictExcelError('ItemNotFound', 'The requested range areas do not exist.');
    return r;
  }
  protected readProp(name: string): unknown {
    const rects = this.rects();
    const sheet = this.worksheet.state();
    switch (name) {
      case 'address':
      case 'addressLocal':
        return rects.map((r) => qualified(sheet.name, r)).join(',');
      case 'areaCount':
        return rects.length;
      case 'cellCount':
        return rects.reduce((n, r) => n + cellCount(r), 0);
    }
    return undefined;
  }
  get address(): string {
    return this.prop('address');
  }
  get areaCount(): number {
    return this.prop('areaCount');
  }
  get cellCount(): number {
    return this.prop('cellCount');
  }
  get format(): RangeFormat {
    return (this.formatProxy ??= new RangeFormat(this.context, { sheet: () => this.worksheet.state(), rects: () => this.rects() }));
  }
  clear(applyTo: 'All' | 'Formats' | 'Contents' = 'All'): void {
    this.context.enqueue(
      `RangeAreas.clear(${applyTo})`,
      () => {
        const sheet = this.worksheet.state();
        assertEditable(sheet, 'RangeAreas.clear()');
        eachCell(this.rects(), (row, col) => {
          const cell = cellAt(sheet, row, col);
          if (!cell) return;
          if (applyTo !== 'Formats') {
            cell.value = null;
            delete cell.formula;
          }
          if (applyTo !== 'Contents') {
            delete cell.numberFormat;
            delete cell.fill;
            delete cell.style;
          }
          tidy(sheet, row, col);
        });
      },
      { write: true, version: '1.9' },
    );
  }
  /** ExcelApi 1.18. */
  select(): void {
    this.context.enqueue(
      'RangeAreas.select()',
      () => {
        const sheet = this.worksheet.state();
        this.context.host.wb.activeSheetId = sheet.id;
        this.context.host.wb.selection = { sheetId: sheet.id, areas: this.rects().map((r) => ({ ...r })) };
      },
      { version: '1.18' },
    );
  }
}

export { cellA1 };
