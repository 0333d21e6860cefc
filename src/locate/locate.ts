/**
 * Finds the form on any sheet laid out like the paper form: by its labels, wherever it starts, merged or
 * not, with blank or inserted rows and any number of projects and indicators.
 */
import type { CellRef } from '../grid/address';
import type { Grid } from '../grid/types';
import { normalizeLabel, parseYearHeader } from '../form/labels';
import {
  BLANK_YEAR_HEADERS,
  FORM_TITLES,
  FUNDING,
  GOALS,
  HEADER_FIELDS,
  INDICATORS,
  KEY_LABELS,
  PROJECTS,
  SECTION_STARTS,
  TEXT_SECTIONS,
  TOTAL_LABELS,
  type HeaderKey,
} from '../form/spec';
import type {
  FieldMap,
  FormMap,
  FundingGroupMap,
  FundingMap,
  IndicatorRowMap,
  IndicatorTableMap,
  ProjectsMap,
  YearColumn,
} from './form-map';
import { SheetIndex } from './sheet-index';
import { matchColumns } from './columns';

export interface LocateResult {
  form: FormMap | null;
  /** The labels searched for, for the message shown when no form was found. */
  lookedFor: string[];
}

export function locate(grid: Grid): LocateResult {
  const ix = new SheetIndex(grid);
  const funding = locateFunding(ix);
  const tables = locateIndicatorTables(ix);
  const lookedFor = [...KEY_LABELS];
  if (!funding && !tables.longTerm && !tables.annual) return { form: null, lookedFor };
  const projects = locateProjects(ix);
  const goals = locateGoals(ix);
  const form: FormMap = {
    sheetName: grid.sheetName,
    title: ix.first(FORM_TITLES),
    header: locateHeader(ix),
    funding,
    texts: {
      functions: fieldRightOf(ix, ix.first(TEXT_SECTIONS.functions.labels)),
      tasks: fieldRightOf(ix, ix.first(TEXT_SECTIONS.tasks.labels)),
      ...goals.texts,
    },
    longTermHorizon: goals.horizon,
    projects,
    longTerm: tables.longTerm,
    annual: tables.annual,
  };
  return { form, lookedFor };
}

// ---------------------------------------------------------------- header

const ALL_FIELD_LABELS = new Set(
  Object.values(HEADER_FIELDS)
    .flatMap((f) => f.labels)
    .map(normalizeLabel),
);

function isLabelText(norm: string): boolean {
  return ALL_FIELD_LABELS.has(norm) || /^(填报日期|单位:)/.test(norm);
}

/** The value slot right of a label: the first non-empty cell, unless that is the next label. */
function fieldRightOf(ix: SheetIndex, label: CellRef | null): FieldMap | undefined {
  if (!label) return undefined;
  const slot = { row: label.row, col: ix.rightEdge(label) + 1 };
  for (const col of ix.colsOfRow(label.row)) {
    if (col < slot.col) continue;
    const ref = { row: label.row, col };
    if (isLabelText(ix.normAt(ref))) break;
    return { label, value: ref };
  }
  return { label, value: slot };
}

function locateHeader(ix: SheetIndex): Partial<Record<HeaderKey, FieldMap>> {
  const header: Partial<Record<HeaderKey, FieldMap>> = {};
  const date = ix.findPrefix('填报日期')[0];
  if (date) {
    const inline = date.norm.replace(/^填报日期:?/, '');
    header.date = inline ? { label: date.ref, value: date.ref, inline } : fieldRightOf(ix, date.ref);
  }
  const unit = ix.firstText((norm) => /^单位:/.test(norm));
  if (unit) header.unit = { label: unit.ref, value: unit.ref, inline: unit.norm.replace(/^单位:/, '') };
  for (const key of ['deptName', 'filler', 'phone'] as const) {
    const f = fieldRightOf(ix, ix.first(HEADER_FIELDS[key].labels));
    if (f) header[key] = f;
  }
  return header;
}

// ---------------------------------------------------------------- funding

/**
 * Rows where a part of the form begins: section labels, the title and header fields, the funding, project
 * and indicator table headers, the goal labels. A table being read ends at the next of these, so a form
 * whose sections were moved about is still read part by part.
 */
const ANCHORS = new WeakMap<SheetIndex, number[]>();

function anchorRows(ix: SheetIndex): number[] {
  // Asked for at the end of every section: found once per sheet (each search walks all its text).
  let anchors = ANCHORS.get(ix);
  if (!anchors) ANCHORS.set(ix, (anchors = findAnchorRows(ix)));
  return anchors;
}

function findAnchorRows(ix: SheetIndex): number[] {
  const rows = [
    ...ix.find([...SECTION_STARTS, ...FORM_TITLES, ...HEADER_FIELDS.deptName.labels, ...FUNDING.columns.current.labels, ...PROJECTS.columns.name.labels, ...INDICATORS.columns.level1.labels]),
    ...['填报日期', GOALS.longTermPrefix, GOALS.annualPrefix].flatMap((p) => ix.findPrefix(p).map((t) => t.ref)),
  ].map((r) => r.row);
  return [...new Set(rows)].sort((a, b) => a - b);
}

function endOfSection(ix: SheetIndex, afterRow: number): number {
  return anchorRows(ix).find((r) => r > afterRow) ?? ix.grid.rowCount;
}

const BLANK_YEARS = new Set(BLANK_YEAR_HEADERS.map(normalizeLabel));

function yearColumns(ix: SheetIndex, top: number, bottom: number, accept: (col: number) => boolean): YearColumn[] {
  const out: YearColumn[] = [];
  for (let row = top; row <= bottom; row++) {
    for (const col of ix.colsOfRow(row)) {
      if (!accept(col) || out.some((y) => y.col === col)) continue;
      const ref = { row, col };
      const v = ix.grid.cells.get(`${row},${col}`)?.value;
      const year = typeof v === 'number' || typeof v === 'string' ? parseYearHeader(v) : null;
      if (year !== null) out.push({ col, year, header: ref });
      // The older template prints the year headers blank (年) for the filler to complete.
      else if (BLANK_YEARS.has(ix.normAt(ref))) out.push({ col, year: null, header: ref });
    }
  }
  return out.sort((a, b) => a.col - b.col);
}

function locateFunding(ix: SheetIndex): FundingMap | null {
  const current = ix.first(FUNDING.columns.current.labels);
  if (!current) return null;
  const headerRow = current.row;
  const headerBottom = Math.max(ix.bottomEdge(current), headerRow + 1);
  const share = ix.findInRows(FUNDING.columns.share.labels, headerRow, headerBottom);
  const changeCurrent = ix.findInRows(FUNDING.columns.changeCurrent.labels, headerRow, headerBottom + 1);
  const changePrior = ix.findInRows(FUNDING.columns.changePrior.labels, headerRow, headerBottom + 1);
  const changeCols = [changeCurrent?.col, changePrior?.col].filter((c): c is number => c !== undefined);
  const priorHeaders = yearColumns(ix, headerRow, headerBottom + 1, (c) => c > current.col && !changeCols.includes(c));
  const end = endOfSection(ix, headerRow);

  const groupLabels = FUNDING.groups.map((g) => new Set(g.labels.map(normalizeLabel)));
  const itemKeys = new Map<string, { group: number; key: string }>();
  FUNDING.groups.forEach((g, gi) => g.items.forEach((it) => itemKeys.set(normalizeLabel(it.label), { group: gi, key: it.key })));
  const totals = new Set(TOTAL_LABELS.map(normalizeLabel));
  const headerTexts = new Set([...Object.values(FUNDING.columns).flatMap((c) => c.labels), ...FUNDING.overallLabels].map(normalizeLabel));

  // The data columns under the headers, matched by overlap (a Word table may put them a column apart);
  // data starts right of the item labels.
  const dataTop = ix.bottomEdge(priorHeaders[0]?.header ?? current) + 1;
  let labelCol = -1;
  for (let row = dataTop; row < end; row++) {
    for (const c of ix.colsOfRow(row)) {
      const norm = ix.normAt({ row, col: c });
      if (itemKeys.has(norm) || totals.has(norm)) labelCol = Math.max(labelCol, c);
    }
  }
  const headers = [current, share, changeCurrent, changePrior, ...priorHeaders.map((p) => p.header)];
  const cols = matchColumns(ix, headers, dataTop, end, labelCol + 1);
  const [currentCol, shareCol, changeCurrentCol, changePriorCol] = cols as [number, number | null, number | null, number | null];
  const priorCols = priorHeaders.map((p, i) => ({ ...p, col: cols[4 + i]! }));

  const groups: FundingGroupMap[] = FUNDING.groups.map((g) => ({ key: g.key, items: [], total: null }));
  let group: number | null = null;
  for (let row = headerBottom; row < end; row++) {
    const labelCols = ix.colsOfRow(row).filter((c) => c < currentCol);
    if (labelCols.length === 0) continue;
    for (const c of labelCols) {
      const norm = ix.normAt({ row, col: c });
      groupLabels.forEach((set, gi) => {
        if (set.has(norm)) group = gi;
      });
    }
    const labelAt = { row, col: labelCols[labelCols.length - 1] };
    const norm = ix.normAt(labelAt);
    if (!norm || headerTexts.has(norm) || parseYearHeader(norm) !== null) continue;
    if (groupLabels.some((s) => s.has(norm))) continue;
    const known = itemKeys.get(norm);
    if (known) group = known.group;
    if (group === null) continue;
    const entry = { row, label: ix.textAt(labelAt), labelAt, key: known?.key ?? null };
    if (totals.has(norm)) {
      groups[group].total = entry;
      group = null; // a total closes its group
    } else {
      groups[group].items.push(entry);
    }
  }

  return {
    headerRow,
    currentCol,
    currentHeader: current,
    shareCol,
    shareHeader: share,
    priorCols,
    changeCurrentCol,
    changePriorCol,
    groups,
  };
}

// ---------------------------------------------------------------- projects

function locateProjects(ix: SheetIndex): ProjectsMap | null {
  const name = ix.find(PROJECTS.columns.name.labels).find((ref) =>
    ix.findInRows([...PROJECTS.columns.category.labels, ...PROJECTS.columns.current.labels], ref.row, ref.row + 1),
  );
  if (!name) return null;
  const headerRow = name.row;
  const headerOf = (labels: readonly string[]) => ix.findInRows(labels, headerRow, headerRow + 1);
  const heads = [name, headerOf(PROJECTS.columns.category.labels), headerOf(PROJECTS.columns.total.labels), headerOf(PROJECTS.columns.current.labels), headerOf(PROJECTS.columns.purpose.labels)];
  const headerBottom = Math.max(...heads.filter((r): r is CellRef => !!r).map((r) => ix.bottomEdge(r)));
  const end = endOfSection(ix, headerBottom);
  const matched = matchColumns(ix, heads, headerBottom + 1, end);
  const cols = { name: matched[0]!, category: matched[1], total: matched[2], current: matched[3], purpose: matched[4] };
  const watched = Object.values(cols).filter((c): c is number => c !== null);
  const slotRows: number[] = [];
  const rows: number[] = [];
  for (let row = headerBottom + 1; row < end; row++) {
    slotRows.push(row);
    if (watched.some((col) => !ix.isEmpty({ row, col }))) rows.push(row);
  }
  return { headerRow, cols, rows, slotRows };
}

// ---------------------------------------------------------------- goals

function locateGoals(ix: SheetIndex): { texts: FormMap['texts']; horizon: number | null } {
  const longs = ix.findPrefix(GOALS.longTermPrefix);
  let horizon: number | null = null;
  for (const t of longs) {
    const m = /截止(\d{4})年?/.exec(t.norm);
    if (m) {
      horizon = Number(m[1]);
      break;
    }
  }
  const texts: FormMap['texts'] = {};
  // The header pair 长期目标 | 年度目标 on one row, each with its text below.
  for (const t of longs) {
    const annual = ix.findPrefix(GOALS.annualPrefix).find((a) => a.ref.row === t.ref.row && a.ref.col > t.ref.col);
    if (!annual) continue;
    const below = (ref: CellRef) => ({ label: ref, value: { row: textRowBelow(ix, ref, t.ref.col), col: ref.col } });
    texts.longTermGoal = below(t.ref);
    texts.annualGoal = below(annual.ref);
    break;
  }
  return { texts, horizon };
}

/**
 * The row holding a goal's text under its header: the next row, unless blank rows were inserted in
 * between (nothing typed, no merged box) and the first row after them has text in this column and no
 * label to the left of the goals table (which would be the next part, 长期目标：).
 */
function textRowBelow(ix: SheetIndex, header: CellRef, tableLeft: number): number {
  const next = ix.bottomEdge(header) + 1;
  const bare = (row: number) => ix.colsOfRow(row).every((col) => ix.isEmpty({ row, col })) && !ix.mergeAt({ row, col: header.col });
  let row = next;
  while (row < ix.grid.rowCount && bare(row)) row++;
  if (row === next || row >= ix.grid.rowCount || ix.isEmpty({ row, col: header.col })) return next;
  return ix.colsOfRow(row).every((col) => col >= tableLeft || ix.isEmpty({ row, col })) ? row : next;
}

// ---------------------------------------------------------------- indicator tables

function locateIndicatorTables(ix: SheetIndex): { longTerm: IndicatorTableMap | null; annual: IndicatorTableMap | null } {
  const headers = ix
    .find(INDICATORS.columns.level1.labels)
    .filter((ref) => ix.findInRows(INDICATORS.columns.level3.labels, ref.row, ref.row));
  let longTerm: IndicatorTableMap | null = null;
  let annual: IndicatorTableMap | null = null;
  headers.forEach((h, i) => {
    const next = headers[i + 1]?.row ?? ix.grid.rowCount;
    const table = readIndicatorTable(ix, h, next);
    if (table.kind === 'annual' && !annual) annual = table;
    else if (table.kind === 'longTerm' && !longTerm) longTerm = table;
    // Two tables and no section label to tell them apart: the template puts the long-term one first.
    else if (!annual) annual = { ...table, kind: 'annual' };
  });
  return { longTerm, annual };
}

function readIndicatorTable(ix: SheetIndex, level1Header: CellRef, nextHeaderRow: number): IndicatorTableMap {
  const h = level1Header.row;
  const bottom = ix.bottomEdge(level1Header);
  const within = (labels: readonly string[]) => ix.findInRows(labels, h, Math.max(bottom, h + 2));
  const level2 = ix.findInRows(INDICATORS.columns.level2.labels, h, h);
  const level3 = ix.findInRows(INDICATORS.columns.level3.labels, h, h)!;
  const current = within(INDICATORS.columns.current.labels);
  const kind: IndicatorTableMap['kind'] = current ? 'annual' : sectionKind(ix, h);
  const valueHeader = current ?? ix.findInRows(INDICATORS.columns.value.labels, h, h);
  const basis = within(INDICATORS.columns.basis.labels);
  const category = within(INDICATORS.columns.category.labels);
  const known = [level1Header.col, level2?.col, level3.col, valueHeader?.col, basis?.col, category?.col];
  const priorHeaders =
    kind === 'annual' ? yearColumns(ix, h, Math.max(bottom, h + 2), (c) => c > level3.col && !known.includes(c)) : [];
  const headerCells = [level1Header, level2, level3, valueHeader, basis, category, ...priorHeaders.map((p) => p.header)].filter(
    (r): r is CellRef => !!r,
  );
  const start = Math.max(...headerCells.map((r) => ix.bottomEdge(r))) + 1;
  // A section label merged down the left of this very table starts at its header; only later anchors end it.
  const end = Math.min(nextHeaderRow, endOfSection(ix, start - 1));
  // Data columns by overlap with the headers' extents: the two tables of a Word form need not line up.
  const m = matchColumns(ix, [level1Header, level2, level3, valueHeader, basis, category, ...priorHeaders.map((p) => p.header)], start, end);
  const cols = { level1: m[0]!, level2: m[1] ?? m[0]!, level3: m[2]!, value: m[3], basis: m[4], category: m[5] };
  const priorCols = priorHeaders.map((p, i) => ({ ...p, col: m[6 + i]! }));
  const rows: IndicatorRowMap[] = [];
  const valueCols = [cols.value, cols.basis, cols.category, ...priorCols.map((p) => p.col)].filter((c): c is number => c !== null);
  let l1 = '';
  let l1At: CellRef | null = null;
  let l2 = '';
  let l2At: CellRef | null = null;
  for (let row = start; row < end; row++) {
    const a = { row, col: cols.level1 };
    const startsGroup = !ix.isEmpty(a) || (!!level2 && !ix.isEmpty({ row, col: cols.level2 }));
    if (!ix.isEmpty(a)) {
      l1 = ix.normAt(a);
      l1At = a;
      l2 = '';
      l2At = null;
    }
    if (level2) {
      const b = { row, col: cols.level2 };
      if (!ix.isEmpty(b)) {
        l2 = ix.normAt(b);
        l2At = b;
      }
    }
    const l3 = ix.normAt({ row, col: cols.level3 });
    const hasValues = valueCols.some((col) => !ix.isEmpty({ row, col }));
    // A row that names only its 一级/二级 is an indicator with everything else missing, not a gap.
    if (!l3 && !hasValues && !startsGroup) continue;
    rows.push({ row, level1: l1, level2: l2, level3: l3, level1At: l1At, level2At: l2At });
  }
  return {
    kind,
    headerRow: h,
    cols,
    priorCols,
    rows,
  };
}

/** A table's kind from the section label beside or above its header (长期绩效指标 / 年度绩效指标). */
function sectionKind(ix: SheetIndex, headerRow: number): IndicatorTableMap['kind'] {
  const long = ix.find(INDICATORS.longTermSectionLabels).filter((r) => r.row <= headerRow).pop();
  const annual = ix.find(INDICATORS.annualSectionLabels).filter((r) => r.row <= headerRow).pop();
  return annual && (!long || annual.row > long.row) ? 'annual' : 'longTerm';
}
