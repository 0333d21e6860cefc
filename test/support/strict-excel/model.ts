/**
 * The workbook state behind the fake object model: plain data, no proxies, no sync. Everything here is
 * JSON-serialisable so a test can "save and reopen" a workbook, and nothing here needs node (a workbench
 * page renders it in a browser).
 */
import { cellCount, key, type Rect, unkey } from './a1';
import { StrictExcelError } from './errors';

export type ErrorValue = { error: string };
export type StoredValue = string | number | boolean | ErrorValue | null;

/** A solid or patterned background. A cell without `fill` has "No Fill". */
export interface FillState {
  color: string; // '#RRGGBB', upper case like Excel returns
  pattern?: string; // Excel.FillPattern name; absent = 'Solid'
  patternColor?: string;
  /** A theme colour's tint ("Lighter 60%" is 0.6); absent = 0. Setting the colour drops it. */
  tintAndShade?: number;
}

export interface BorderState {
  top?: string;
  bottom?: string;
  left?: string;
  right?: string;
}

export interface StyleState {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  wrap?: boolean;
  horizontal?: string;
  vertical?: string;
  borders?: BorderState;
}

export interface NoteState {
  content: string;
  author: string;
}

export interface CommentState {
  id: string;
  content: string;
  author: string;
}

export interface CellState {
  value: StoredValue;
  formula?: string;
  numberFormat?: string; // absent = 'General'
  fill?: FillState;
  style?: StyleState;
  note?: NoteState;
  comment?: CommentState;
}

export interface ValidationState {
  range: Rect;
  list: string[];
  inCellDropDown: boolean;
}

export interface NameState {
  name: string;
  reference: string;
  comment?: string;
}

export interface SheetState {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  protected: boolean;
  cells: Map<string, CellState>;
  merges: Rect[];
  columnWidths: Record<number, number>; // points
  rowHeights: Record<number, number>; // points
  validations: ValidationState[];
  names: NameState[];
  pageLayout: Record<string, unknown>;
  /** What each formula evaluated to the last time this cell held it (see `formulaValue`). */
  formulaMemo: Record<string, StoredValue>;
  /** Formatting without per-cell state (a column style down to the last row): counts in the used range. */
  formattedTo?: Rect;
}

export interface WorkbookState {
  sheets: SheetState[];
  activeSheetId: string;
  selection: { sheetId: string; areas: Rect[] } | null;
  names: NameState[];
  settings: Record<string, unknown>;
  nextId: number;
}

export const DEFAULT_COLUMN_WIDTH = 48; // points, about 8.43 characters of the default font
export const DEFAULT_ROW_HEIGHT = 15;

export function newSheet(wb: WorkbookState, name: string): SheetState {
  const sheet: SheetState = {
    id: `{${String(wb.nextId++).padStart(8, '0')}-0000-4000-8000-000000000000}`,
    name,
    visibility: 'Visible',
    protected: false,
    cells: new Map(),
    merges: [],
    columnWidths: {},
    rowHeights: {},
    validations: [],
    names: [],
    pageLayout: {},
    formulaMemo: {},
  };
  wb.sheets.push(sheet);
  return sheet;
}

export function newWorkbook(firstSheet = 'Sheet1'): WorkbookState {
  const wb: WorkbookState = { sheets: [], activeSheetId: '', selection: null, names: [], settings: {}, nextId: 1 };
  wb.activeSheetId = newSheet(wb, firstSheet).id;
  return wb;
}

export function findSheet(wb: WorkbookState, nameOrId: string): SheetState | undefined {
  return (
    wb.sheets.find((s) => s.id === nameOrId) ?? wb.sheets.find((s) => s.name.toLowerCase() === nameOrId.toLowerCase())
  );
}

export function validateSheetName(wb: WorkbookState, name: string, except?: SheetState): void {
  if (name.length === 0 || name.length > 31 || /[\\/?*[\]:]/.test(name) || /^'|'$/.test(name)) {
    throw new StrictExcelError('InvalidArgument', `Invalid worksheet name '${name}'.`);
  }
  const clash = wb.sheets.find((s) => s !== except && s.name.toLowerCase() === name.toLowerCase());
  if (clash) throw new StrictExcelError('ItemAlreadyExists', `A worksheet named '${name}' already exists.`);
}

// ---- cells -------------------------------------------------------------------------------------

export function cellAt(sheet: SheetState, row: number, col: number): CellState | undefined {
  return sheet.cells.get(key(row, col));
}

/** The cell, created empty when missing; callers must `tidy` afterwards so empty cells do not linger. */
export function cellFor(sheet: SheetState, row: number, col: number): CellState {
  const k = key(row, col);
  let c = sheet.cells.get(k);
  if (!c) {
    c = { value: null };
    sheet.cells.set(k, c);
  }
  return c;
}

function isEmptyStyle(s: StyleState | undefined): boolean {
  if (!s) return true;
  return Object.entries(s).every(([k, v]) =>
    k === 'borders' ? !v || Object.values(v as BorderState).every((b) => !b || b === 'None') : v === undefined,
  );
}

export function tidy(sheet: SheetState, row: number, col: number): void {
  const k = key(row, col);
  const c = sheet.cells.get(k);
  if (!c) return;
  if (c.numberFormat === 'General') delete c.numberFormat;
  if (isEmptyStyle(c.style)) delete c.style;
  if (c.value === null && !c.formula && !c.numberFormat && !c.fill && !c.style && !c.note && !c.comment) sheet.cells.delete(k);
}

export const ERROR_VALUES = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!'];

/** The value the fake reports for a formula: what it last evaluated to in that cell (see `formulaMemo`), else empty. */
export function formulaValue(sheet: SheetState, row: number, col: number, formula: string): StoredValue {
  const memo = sheet.formulaMemo[`${key(row, col)}|${formula}`];
  return memo === undefined ? null : memo;
}

export function rememberFormula(sheet: SheetState, row: number, col: number, formula: string, value: StoredValue): void {
  sheet.formulaMemo[`${key(row, col)}|${formula}`] = value;
}

/**
 * The one formula the fake evaluates: =HYPERLINK("target","text") with literal arguments shows its text
 * (friendly_name), as Excel does (https://support.microsoft.com/office/hyperlink-function-333c7ce6-c5ae-4164-9c47-7de9b76f577f).
 */
function hyperlinkText(formula: string): StoredValue {
  const m = /^=HYPERLINK\("(?:[^"]|"")*","((?:[^"]|"")*)"\)$/i.exec(formula);
  return m ? m[1].replace(/""/g, '"') : null;
}

const DATE_ISO = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;

function dateSerial(y: number, m: number, d: number): number {
  const utc = Date.UTC(y, m - 1, d);
  return Math.round((utc - Date.UTC(1899, 11, 30)) / 86400000);
}

/**
 * Writes one input the way Excel interprets typed input (Range.values / Range.formulas):
 * null leaves the cell alone, '' clears it, '=...' is a formula, a leading apostrophe forces text,
 * and text that looks like a number, percentage, boolean, error or ISO date is converted.
 * Returns false when the cell was left alone.
 */
export function writeInput(sheet: SheetState, row: number, col: number, input: unknown): boolean {
  if (input === null || input === undefined) return false;
  const cell = cellFor(sheet, row, col);
  const setConst = (v: StoredValue) => {
    cell.value = v;
    delete cell.formula;
  };
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new StrictExcelError('InvalidArgument', `Cannot write ${input} to a cell.`);
    setConst(input);
  } else if (typeof input === 'boolean') {
    setConst(input);
  } else if (typeof input === 'string') {
    const textFormat = cell.numberFormat === '@';
    const s = input;
    const t = s.trim();
    if (s === '') setConst(null);
    else if (s.startsWith("'")) setConst(s.slice(1));
    else if (textFormat) setConst(s);
    else if (s.startsWith('=') && s.length > 1) {
      cell.formula = s;
      const memo = formulaValue(sheet, row, col, s);
      cell.value = memo !== null ? memo : hyperlinkText(s);
    } else if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) setConst(Number(t));
    else if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) setConst(Number(t.replace(/,/g, '')));
    else if (/^[+-]?(\d+\.?\d*|\.\d+)%$/.test(t)) {
      setConst(Number(t.slice(0, -1)) / 100);
      if (!cell.numberFormat) cell.numberFormat = '0%';
    } else if (/^(true|false)$/i.test(t)) setConst(t.toLowerCase() === 'true');
    else if (ERROR_VALUES.includes(t.toUpperCase())) setConst({ error: t.toUpperCase() });
    else if (DATE_ISO.test(t)) {
      const [, y, m, d] = DATE_ISO.exec(t)!.map(Number);
      setConst(dateSerial(y, m, d));
      if (!cell.numberFormat) cell.numberFormat = 'yyyy/m/d';
    } else setConst(s);
  } else {
    throw new StrictExcelError('InvalidArgument', `Cannot write a value of type ${typeof input} to a cell.`);
  }
  tidy(sheet, row, col);
  return true;
}

export function readValue(cell: CellState | undefined): string | number | boolean {
  const v = cell?.value ?? null;
  if (v === null) return '';
  if (typeof v === 'object') return v.error;
  return v;
}

export function readFormula(cell: CellState | undefined): string | number | boolean {
  return cell?.formula ?? readValue(cell);
}

export function readValueType(cell: CellState | undefined): string {
  const v = cell?.value ?? null;
  if (v === null) return cell?.formula ? 'String' : 'Empty';
  if (typeof v === 'object') return 'Error';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return 'String';
}

export function readNumberFormat(cell: CellState | undefined): string {
  return cell?.numberFormat ?? 'General';
}

export function hasContent(c: CellState): boolean {
  return c.value !== null || !!c.formula;
}

export function isUsed(c: CellState, valuesOnly: boolean): boolean {
  return valuesOnly ? hasContent(c) : hasContent(c) || !!c.numberFormat || !!c.fill || !!c.style;
}

/** The smallest rectangle around the used cells, or null for a blank sheet. */
export function usedRect(sheet: SheetState, valuesOnly: boolean): Rect | null {
  let r: Rect | null = null;
  for (const [k, c] of sheet.cells) {
    if (!isUsed(c, valuesOnly)) continue;
    const { row, col } = unkey(k);
    if (!r) r = { top: row, bottom: row, left: col, right: col };
    else {
      r.top = Math.min(r.top, row);
      r.bottom = Math.max(r.bottom, row);
      r.left = Math.min(r.left, col);
      r.right = Math.max(r.right, col);
    }
  }
  // Merged areas and column-wide formatting count as formatting.
  if (!valuesOnly) {
    for (const m of [...sheet.merges, ...(sheet.formattedTo ? [sheet.formattedTo] : [])]) {
      if (!r) r = { ...m };
      else {
        r.top = Math.min(r.top, m.top);
        r.bottom = Math.max(r.bottom, m.bottom);
        r.left = Math.min(r.left, m.left);
        r.right = Math.max(r.right, m.right);
      }
    }
  }
  return r;
}

/** Calls `fn` for every cell position of the rectangles, refusing absurdly large work. */
export function eachCell(rects: Rect[], fn: (row: number, col: number) => void, limit = 5_000_000): void {
  const total = rects.reduce((n, r) => n + cellCount(r), 0);
  if (total > limit) throw new StrictExcelError('InvalidArgument', `The fake refuses to touch ${total} cells at once.`);
  for (const r of rects) for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) fn(row, col);
}

// ---- colours -----------------------------------------------------------------------------------

const NAMED: Record<string, string> = {
  black: '#000000', white: '#FFFFFF', red: '#FF0000', green: '#008000', blue: '#0000FF', yellow: '#FFFF00',
  orange: '#FFA500', gray: '#808080', grey: '#808080', lightgray: '#D3D3D3', lightgrey: '#D3D3D3', pink: '#FFC0CB',
};

export function normalizeColor(input: unknown): string {
  if (typeof input !== 'string') throw new StrictExcelError('InvalidArgument', `Invalid color: ${String(input)}`);
  const s = input.trim();
  if (/^#?[0-9a-fA-F]{6}$/.test(s)) return `#${s.replace('#', '').toUpperCase()}`;
  const named = NAMED[s.toLowerCase()];
  if (named) return named;
  throw new StrictExcelError('InvalidArgument', `Invalid color: ${s}`);
}

// ---- serialisation -----------------------------------------------------------------------------

export interface SheetJSON extends Omit<SheetState, 'cells'> {
  cells: [string, CellState][];
}

export interface WorkbookJSON extends Omit<WorkbookState, 'sheets'> {
  format: 'strict-excel/1';
  sheets: SheetJSON[];
}

export function toJSON(wb: WorkbookState): WorkbookJSON {
  const copy = JSON.parse(
    JSON.stringify({ ...wb, sheets: wb.sheets.map((s) => ({ ...s, cells: [...s.cells.entries()] })) }),
  ) as Omit<WorkbookJSON, 'format'>;
  return { format: 'strict-excel/1', ...copy };
}

/**
 * Rebuilds a workbook from JSON. `newIds` gives every sheet a fresh id, for callers who want to prove they
 * find their data by something sturdier than an id that a reopened file might not keep.
 */
export function fromJSON(json: WorkbookJSON, options: { newIds?: boolean } = {}): WorkbookState {
  if (json.format !== 'strict-excel/1') throw new Error('Not a strict-excel workbook');
  const data = JSON.parse(JSON.stringify(json)) as WorkbookJSON;
  const wb: WorkbookState = {
    activeSheetId: data.activeSheetId,
    selection: data.selection,
    names: data.names,
    settings: data.settings,
    nextId: data.nextId,
    sheets: data.sheets.map((s) => ({ ...s, cells: new Map(s.cells) })),
  };
  if (options.newIds) {
    const map = new Map<string, string>();
    for (const s of wb.sheets) {
      const fresh = `{${String(wb.nextId++).padStart(8, '0')}-1111-4000-8000-000000000000}`;
      map.set(s.id, fresh);
      s.id = fresh;
    }
    wb.activeSheetId = map.get(wb.activeSheetId) ?? wb.activeSheetId;
    if (wb.selection) wb.selection.sheetId = map.get(wb.selection.sheetId) ?? wb.selection.sheetId;
  }
  return wb;
}
