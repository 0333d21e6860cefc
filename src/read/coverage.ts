/**
 * What a check read: each part of the form, found (and where) or not (and which labels were looked for).
 * A check that read only part of a form must say so; the form-part-missing rule turns every missing part
 * into a finding, so a partly read form never passes.
 */
import type { CellRef } from '../grid/address';
import type { FormMap } from '../locate/form-map';
import { FUNDING, GOALS, HEADER_FIELDS, INDICATORS, PROJECTS } from '../form/spec';

export type PartKey = 'header' | 'income' | 'expense' | 'projects' | 'goals' | 'longTerm' | 'annual';

export const PART_KEYS: readonly PartKey[] = ['header', 'income', 'expense', 'projects', 'goals', 'longTerm', 'annual'];

export const PART_NAMES: Record<PartKey, { 'zh-CN': string; 'en-US': string }> = {
  header: { 'zh-CN': '表头（部门名称、填报人、联系电话）', 'en-US': 'header (department, person filing, phone)' },
  income: { 'zh-CN': '收入构成', 'en-US': 'income (收入构成)' },
  expense: { 'zh-CN': '支出构成', 'en-US': 'expenditure (支出构成)' },
  projects: { 'zh-CN': '项目支出情况', 'en-US': 'projects (项目支出情况)' },
  goals: { 'zh-CN': '整体绩效总目标', 'en-US': 'overall goals (整体绩效总目标)' },
  longTerm: { 'zh-CN': '长期绩效指标表', 'en-US': 'long-term indicator table' },
  annual: { 'zh-CN': '年度绩效指标表', 'en-US': 'annual indicator table' },
};

/** The labels the locator looks for, per part: what a message says was searched for. */
export const PART_LABELS: Record<PartKey, readonly string[]> = {
  header: [HEADER_FIELDS.deptName.labels[0], HEADER_FIELDS.filler.labels[0], HEADER_FIELDS.phone.labels[0], HEADER_FIELDS.date.labels[0]],
  income: [FUNDING.columns.current.labels[0], FUNDING.groups[0].labels[0], ...FUNDING.groups[0].items.map((i) => i.label), '合计'],
  expense: [FUNDING.columns.current.labels[0], FUNDING.groups[1].labels[0], ...FUNDING.groups[1].items.map((i) => i.label), '合计'],
  projects: [PROJECTS.columns.name.labels[0], PROJECTS.columns.current.labels[0]],
  goals: [GOALS.sectionLabels[0], GOALS.longTermPrefix, GOALS.annualPrefix],
  longTerm: [INDICATORS.longTermSectionLabels[0], INDICATORS.columns.level1.labels[0], INDICATORS.columns.level3.labels[0], INDICATORS.columns.value.labels[0]],
  annual: [INDICATORS.annualSectionLabels[0], INDICATORS.columns.level1.labels[0], INDICATORS.columns.level3.labels[0], INDICATORS.columns.current.labels[0]],
};

export interface PartCoverage {
  part: PartKey;
  found: boolean;
  /** Where the part starts (its first label), when found. */
  at: CellRef | null;
  /** Rows read: funding items and total, projects, indicator rows; header fields found. */
  rows: number;
  lookedFor: readonly string[];
}

export interface Coverage {
  parts: PartCoverage[];
  /** True when every part was found and read. */
  complete: boolean;
  /** Formula cells without a stored result that the check computed itself (SUM, + and −). */
  computedFormulas: number;
}

export function partCoverage(form: FormMap | null): PartCoverage[] {
  const part = (key: PartKey, at: CellRef | null | undefined, rows: number): PartCoverage => ({ part: key, found: !!at && rows > 0, at: at ?? null, rows, lookedFor: PART_LABELS[key] });
  if (!form) return PART_KEYS.map((k) => part(k, null, 0));
  const header = Object.values(form.header).filter((f) => !!f);
  const group = (key: 'income' | 'expense') => {
    const g = form.funding?.groups.find((x) => x.key === key);
    const rows = g ? g.items.length + (g.total ? 1 : 0) : 0;
    return part(key, g?.items[0]?.labelAt ?? g?.total?.labelAt, rows);
  };
  const goals = [form.texts.longTermGoal, form.texts.annualGoal].filter((t) => !!t);
  const table = (key: 'longTerm' | 'annual') => {
    const t = form[key];
    return part(key, t ? { row: t.headerRow, col: t.cols.level1 } : null, t?.rows.length ?? 0);
  };
  const projects = part('projects', form.projects ? { row: form.projects.headerRow, col: form.projects.cols.name } : null, form.projects?.rows.length ?? 0);
  // A project table whose rows are all empty (a blank template) was found and read; form-part-blank says it is to fill.
  if (form.projects && form.projects.slotRows.length > 0) projects.found = true;
  return [
    part('header', (form.header.deptName ?? header[0])?.label, header.length),
    group('income'),
    group('expense'),
    projects,
    part('goals', goals[0]?.label, goals.length),
    table('longTerm'),
    table('annual'),
  ];
}

export function coverageOf(form: FormMap | null, computedFormulas = 0): Coverage {
  const parts = partCoverage(form);
  return { parts, complete: parts.every((p) => p.found), computedFormulas };
}
