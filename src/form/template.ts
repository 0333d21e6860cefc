/**
 * The template writer: the spec and a form's content -> a TemplateDoc laid out like the paper form
 * (columns A–I), ready to print on A4. `buildTemplateDoc(blankForm(year))` is the empty template,
 * `buildTemplateDoc(SAMPLE_FORM)` the filed example.
 */
import { rangeToA1, toA1, type CellRef } from '../grid/address';
import { emptyGrid, setCell } from '../grid/grid';
import type { CellValue, Grid } from '../grid/types';
import { dateToSerial } from '../read/values';
import type { AnnualRow, FormData, LongTermRow } from './form-data';
import {
  AMOUNT_UNIT,
  FORMATS,
  FORM_TITLE,
  currentItems,
  FUNDING,
  INDICATOR_BASES,
  INDICATOR_CATEGORIES,
  PROJECT_CATEGORIES,
  PROJECTS,
} from './spec';
import type { CellStyle, TemplateDoc } from './template-doc';
import { asTyped } from './typing';
import { INDICATOR_FRAMEWORK, planEndYear } from './framework';
import { fitRowHeights, textBoxRows } from './row-heights';

const LABEL: CellStyle = { bold: true, wrap: true, horizontal: 'center', vertical: 'middle', border: true, fill: '#F2F2F2' };
const BOX: CellStyle = { border: true, vertical: 'middle', wrap: true };
const TEXT_AREA: CellStyle = { border: true, wrap: true, horizontal: 'left', vertical: 'top' };
const LAST_COL = 8; // I
/** Column widths A–I in Excel character units: wide enough for 一级 names and amounts, A4 portrait at fit to width. */
const COLUMN_WIDTHS = [12, 12, 20, 26, 13, 13, 13, 14, 13];

class SheetBuilder {
  readonly grid: Grid = emptyGrid(FORM_TITLE);
  readonly doc: Omit<TemplateDoc, 'grid' | 'page'> = { styles: [], columnWidths: [], rowHeights: {}, validations: [], names: [] };

  put(row: number, col: number, value: CellValue, numberFormat?: string): void {
    if (value === null && !numberFormat) return;
    setCell(this.grid, { row, col }, numberFormat ? { value, numberFormat } : { value });
  }

  typed(row: number, col: number, text: string | null, fallbackFormat?: string): void {
    const t = asTyped(text);
    this.put(row, col, t.value, t.numberFormat ?? fallbackFormat);
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    if (top === bottom && left === right) return;
    this.grid.merges.push({ top, left, bottom, right });
  }

  style(top: number, left: number, bottom: number, right: number, style: CellStyle): void {
    this.doc.styles.push({ range: rangeToA1({ top, left, bottom, right }), style });
  }

  label(row: number, col: number, text: string, bottom = row, right = col): void {
    this.put(row, col, text);
    this.merge(row, col, bottom, right);
    this.style(row, col, bottom, right, LABEL);
  }

  name(name: string, top: number, left: number, bottom = top, right = left): void {
    this.doc.names.push({ name, address: rangeToA1({ top, left, bottom, right }) });
  }
}

/**
 * An empty form for a budget year: the indicator framework (一级/二级) with empty rows for the department's
 * own 三级 indicators, the year headers, and the long-term horizon at the end of the current five-year plan.
 */
export function blankForm(year: number): FormData {
  const blankRow = { current: null, share: null, prior: [null, null] as [null, null] };
  const items = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, { ...blankRow }]));
  const skeleton: LongTermRow[] = INDICATOR_FRAMEWORK.flatMap((f) => Array.from({ length: f.rows }, (): LongTermRow => [f.level1, f.level2, null, null, null, null]));
  return {
    date: null,
    deptName: null,
    filler: null,
    phone: null,
    priorYears: [year - 1, year - 2],
    funding: {
      income: { items: items(currentItems(FUNDING.groups[0]).map((i) => i.key)), total: { ...blankRow } },
      expense: { items: items(currentItems(FUNDING.groups[1]).map((i) => i.key)), total: { ...blankRow } },
    },
    functions: null,
    tasks: null,
    projects: [],
    longTermHorizon: planEndYear(year),
    longTermGoal: null,
    annualGoal: null,
    longTermGoalRestated: null,
    annualGoalRestated: null,
    longTerm: skeleton,
    annualYears: [year - 2, year - 1],
    annual: skeleton.map(([l1, l2]): AnnualRow => [l1, l2, null, null, null, null, null, null]),
  };
}

export function buildTemplateDoc(data: FormData): TemplateDoc {
  const b = new SheetBuilder();
  b.doc.columnWidths = [...COLUMN_WIDTHS];

  // Title and header
  b.put(0, 0, FORM_TITLE);
  b.merge(0, 0, 0, LAST_COL);
  b.style(0, 0, 0, LAST_COL, { bold: true, fontSize: 16, horizontal: 'center', vertical: 'middle' });
  b.doc.rowHeights[0] = 30;
  b.put(1, 0, '填报日期：');
  b.style(1, 0, 1, 0, { bold: true, horizontal: 'right' });
  b.put(1, 1, data.date ? dateToSerial(data.date) : null, FORMATS.date);
  b.merge(1, 1, 1, 3);
  b.style(1, 1, 1, 3, { horizontal: 'left' });
  b.name('JX_FilingDate', 1, 1);
  b.put(1, 7, `单位：${AMOUNT_UNIT}`);
  b.merge(1, 7, 1, LAST_COL);
  b.style(1, 7, 1, LAST_COL, { horizontal: 'right' });
  b.label(2, 0, '部门（单位）\n名称');
  b.put(2, 1, data.deptName);
  b.merge(2, 1, 2, 3);
  b.style(2, 1, 2, 3, BOX);
  b.name('JX_Department', 2, 1);
  b.label(2, 4, '填报人');
  b.put(2, 5, data.filler);
  b.style(2, 5, 2, 5, BOX);
  b.name('JX_Filler', 2, 5);
  b.label(2, 6, '联系电话');
  b.put(2, 7, data.phone);
  b.merge(2, 7, 2, LAST_COL);
  b.style(2, 7, 2, LAST_COL, BOX);
  b.name('JX_Phone', 2, 7);
  b.doc.rowHeights[2] = 30;

  // 部门总体资金情况: rows 4–13 as on paper, with the change-rate columns in H and I.
  const top = 3;
  b.label(top, 1, '总体资金情况', top + 1, 2);
  b.label(top, 3, '当年金额', top + 1, 3);
  b.label(top, 4, '占比', top + 1, 4);
  b.label(top, 5, '近两年收支金额', top, 6);
  b.label(top + 1, 5, `${data.priorYears[0]}年`);
  b.label(top + 1, 6, `${data.priorYears[1]}年`);
  b.label(top, 7, '增减变动率', top, 8);
  b.label(top + 1, 7, '当年较上年');
  b.label(top + 1, 8, '上年较前年');
  let row = top + 2;
  for (const group of FUNDING.groups) {
    const content = data.funding[group.key];
    const first = row;
    for (const item of currentItems(group)) {
      b.label(row, 2, item.label);
      fundingValues(b, row, content.items[item.key]);
      row++;
    }
    b.label(row, 2, '合  计');
    fundingValues(b, row, content.total);
    b.name(group.key === 'income' ? 'JX_IncomeTotal' : 'JX_ExpenseTotal', row, 3, row, 6);
    b.name(group.key === 'income' ? 'JX_IncomeShares' : 'JX_ExpenseShares', first, 4, row, 4);
    b.label(first, 1, group.label, row, 1);
    row++;
  }
  b.label(top, 0, '部门总体\n资金情况', row - 1, 0);
  b.style(top + 2, 3, row - 1, LAST_COL, { border: true, horizontal: 'right' });

  // 部门职能概述, 年度工作任务
  for (const [label, text, height, name] of [
    ['部门职能概述', data.functions, 150, 'JX_Functions'],
    ['年度工作任务', data.tasks, 220, 'JX_Tasks'],
  ] as const) {
    // A text longer than one row can hold (Excel's limit is 409 points) gets a box merged over several rows.
    const heights = textBoxRows(text, widthOf(1, LAST_COL), height);
    const bottom = row + heights.length - 1;
    b.label(row, 0, label, bottom, 0);
    b.put(row, 1, text);
    b.merge(row, 1, bottom, LAST_COL);
    b.style(row, 1, bottom, LAST_COL, TEXT_AREA);
    heights.forEach((h, i) => (b.doc.rowHeights[row + i] = h));
    b.name(name, row, 1);
    row = bottom + 1;
  }

  // 项目支出情况: room for at least PROJECTS.templateRows projects.
  const projectHeader = row;
  const slots = Math.max(PROJECTS.templateRows, data.projects.length);
  b.label(row, 1, '项目名称');
  b.label(row, 2, '支出项目类别');
  b.label(row, 3, '项目总预算');
  b.label(row, 4, '项目本年度预算');
  b.label(row, 5, '项目主要支出方向和用途', row, LAST_COL);
  row++;
  for (let i = 0; i < slots; i++, row++) {
    const p = data.projects[i];
    b.put(row, 1, p?.name ?? null);
    b.put(row, 2, p?.category ?? null);
    b.typed(row, 3, p?.total ?? null, FORMATS.amount);
    b.typed(row, 4, p?.current ?? null, FORMATS.amount);
    b.put(row, 5, p?.purpose ?? null);
    b.merge(row, 5, row, LAST_COL);
  }
  b.style(projectHeader + 1, 1, row - 1, LAST_COL, BOX);
  b.label(projectHeader, 0, '项目支出情况', row - 1, 0);
  b.doc.validations.push({ range: rangeToA1({ top: projectHeader + 1, left: 2, bottom: row - 1, right: 2 }), list: [...PROJECT_CATEGORIES] });
  b.name('JX_Projects', projectHeader + 1, 1, row - 1, LAST_COL);

  // 整体绩效总目标
  // The horizon is written into the label (as on paper); a form without one is labelled 长期目标 alone, never 截止    年.
  const horizon = data.longTermHorizon ? `（截止${data.longTermHorizon}年）` : '';
  b.label(row, 1, `长期目标${horizon}`, row, 4);
  b.label(row, 5, '年度目标', row, LAST_COL);
  b.put(row + 1, 1, data.longTermGoal);
  b.merge(row + 1, 1, row + 1, 4);
  b.style(row + 1, 1, row + 1, 4, TEXT_AREA);
  b.put(row + 1, 5, data.annualGoal);
  b.merge(row + 1, 5, row + 1, LAST_COL);
  b.style(row + 1, 5, row + 1, LAST_COL, TEXT_AREA);
  b.doc.rowHeights[row + 1] = 110;
  b.label(row, 0, '整体绩效\n总目标', row + 1, 0);
  row += 2;
  b.label(row, 0, `长期目标：${horizon ? `\n${horizon}` : ''}`);
  b.put(row, 1, data.longTermGoalRestated);
  b.merge(row, 1, row, LAST_COL);
  b.style(row, 1, row, LAST_COL, TEXT_AREA);
  b.doc.rowHeights[row] = 45;
  row++;

  // 长期绩效指标
  const longHeader = row;
  // Every column has a header: 指标值 spans E–G, so 依据 and 分类 sit in H and I as in the annual table below.
  b.label(row, 1, '一级指标');
  b.label(row, 2, '二级指标');
  b.label(row, 3, '三级指标');
  b.label(row, 4, '指标值', row, 6);
  b.label(row, 7, '指标值确定依据');
  b.label(row, 8, '指标分类');
  row++;
  const longFirst = row;
  row = indicatorRows(b, row, data.longTerm.map((r) => ({ levels: [r[0], r[1], r[2]], values: [r[3]], basis: r[4], category: r[5] })), 4, 7, 8, 6);
  b.label(longHeader, 0, '长期绩效指标', row - 1, 0);
  b.name('JX_LongTerm', longFirst, 1, row - 1, LAST_COL);
  validationsFor(b, longFirst, row - 1, 7, 8);

  // 年度目标 restated, then 年度绩效指标 with its three header rows.
  b.label(row, 0, '年度目标：');
  b.put(row, 1, data.annualGoalRestated);
  b.merge(row, 1, row, LAST_COL);
  b.style(row, 1, row, LAST_COL, TEXT_AREA);
  b.doc.rowHeights[row] = 110;
  row++;
  const annualHeader = row;
  b.label(row, 1, '一级指标', row + 2, 1);
  b.label(row, 2, '二级指标', row + 2, 2);
  b.label(row, 3, '三级指标', row + 2, 3);
  b.label(row, 4, '指标值', row, 6);
  b.label(row + 1, 4, '近两年指标值', row + 1, 5);
  b.label(row + 1, 6, '预期当年实现值', row + 2, 6);
  b.label(row + 2, 4, `${data.annualYears[0]}年`);
  b.label(row + 2, 5, `${data.annualYears[1]}年`);
  b.label(row, 7, '指标值确定依据', row + 2, 7);
  b.label(row, 8, '指标分类', row + 2, 8);
  row += 3;
  const annualFirst = row;
  row = indicatorRows(b, row, data.annual.map((r) => ({ levels: [r[0], r[1], r[2]], values: [r[3], r[4], r[5]], basis: r[6], category: r[7] })), 4, 7, 8);
  b.label(annualHeader, 0, '年度绩效指标', row - 1, 0);
  b.name('JX_Annual', annualFirst, 1, row - 1, LAST_COL);
  validationsFor(b, annualFirst, row - 1, 7, 8);

  b.doc.rowHeights = fitRowHeights(b.grid, b.doc.styles, b.doc.columnWidths, b.doc.rowHeights);
  return {
    grid: b.grid,
    ...b.doc,
    page: { paperSize: 'A4', orientation: 'portrait', fitToWidth: 1, printArea: `A1:${toA1({ row: row - 1, col: LAST_COL })}`, printTitleRows: '1:1' },
  };
}

/** The width in character units of columns left..right (a merged cell's width). */
function widthOf(left: number, right: number): number {
  return COLUMN_WIDTHS.slice(left, right + 1).reduce((a, w) => a + w, 0);
}

function fundingValues(b: SheetBuilder, row: number, values: FormData['funding']['income']['total']): void {
  b.typed(row, 3, values.current, FORMATS.amount);
  b.typed(row, 4, values.share, FORMATS.share);
  b.typed(row, 5, values.prior[0], FORMATS.amount);
  b.typed(row, 6, values.prior[1], FORMATS.amount);
  b.put(row, 7, null, FORMATS.changeRate);
  b.put(row, 8, null, FORMATS.changeRate);
}

interface IndicatorLine {
  levels: [string, string, string | null];
  values: (string | null)[];
  basis: string | null;
  category: string | null;
}

/** Writes indicator rows, merging 一级 and 二级 down their runs as the paper form does. */
function indicatorRows(b: SheetBuilder, start: number, lines: IndicatorLine[], firstValueCol: number, basisCol: number, categoryCol: number, lastValueCol = firstValueCol): number {
  let row = start;
  let l1Start = start;
  let l2Start = start;
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    const newL1 = !prev || prev.levels[0] !== line.levels[0];
    const newL2 = newL1 || prev.levels[1] !== line.levels[1];
    if (newL1) {
      if (i > 0) b.merge(l1Start, 1, row - 1, 1);
      l1Start = row;
      b.put(row, 1, line.levels[0]);
    }
    if (newL2) {
      if (i > 0) b.merge(l2Start, 2, row - 1, 2);
      l2Start = row;
      b.put(row, 2, line.levels[1]);
    }
    b.put(row, 3, line.levels[2]);
    line.values.forEach((v, k) => b.typed(row, firstValueCol + k, v));
    if (line.values.length === 1) b.merge(row, firstValueCol, row, lastValueCol);
    b.put(row, basisCol, line.basis);
    b.put(row, categoryCol, line.category);
    row++;
  });
  if (lines.length > 0) {
    b.merge(l1Start, 1, row - 1, 1);
    b.merge(l2Start, 2, row - 1, 2);
    b.style(start, 1, row - 1, 2, { ...LABEL, fill: undefined, bold: false });
    b.style(start, 3, row - 1, LAST_COL, BOX);
  }
  return row;
}

function validationsFor(b: SheetBuilder, top: number, bottom: number, basisCol: number, categoryCol: number): void {
  if (bottom < top) return;
  b.doc.validations.push({ range: rangeToA1({ top, left: basisCol, bottom, right: basisCol }), list: [...INDICATOR_BASES] });
  b.doc.validations.push({ range: rangeToA1({ top, left: categoryCol, bottom, right: categoryCol }), list: [...INDICATOR_CATEGORIES] });
}

/** The budget year a template made today is for: next year from September on. */
export function defaultFormYear(today = new Date()): number {
  return today.getMonth() + 1 >= 9 ? today.getFullYear() + 1 : today.getFullYear();
}

export type { CellRef };
