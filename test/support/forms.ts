/**
 * Forms for tests: the filed example as typed on paper (test/fixtures/paper.xlsx, a copy of the shared
 * workbook), the same data laid out by our template, and a clean variant with every reviewer finding fixed.
 */
import path from 'path';
import { buildTemplateDoc } from '../../src/form/template';
import { SAMPLE_FORM } from '../../src/form/sample';
import type { AnnualRow, FormData, LongTermRow } from '../../src/form/form-data';
import type { Grid } from '../../src/grid/types';
import { check } from '../../src/engine';
import type { Issue } from '../../src/rules/rule';
import { loadSheet } from '../../src/xlsx/load';
import { toA1 } from '../../src/grid/address';

export const PAPER_XLSX = path.join(__dirname, '..', 'fixtures', 'paper.xlsx');

export async function paperGrid(): Promise<Grid> {
  return (await loadSheet(PAPER_XLSX)).grid;
}

export function gridOf(form: FormData): Grid {
  return buildTemplateDoc(form).grid;
}

export function sampleGrid(): Grid {
  return gridOf(SAMPLE_FORM);
}

/** A deep copy to mutate in a test. */
export function copyForm(form: FormData = SAMPLE_FORM): FormData {
  return JSON.parse(JSON.stringify(form)) as FormData;
}

/** The filed example with every finding of docs/form.md fixed: no rule reports anything on it. */
export function cleanForm(): FormData {
  const f = copyForm();
  // 支出 items add up to 合计 in 2024 and 2022.
  f.funding.expense.items.personnel.current = '754.19';
  f.funding.expense.items.targeted.prior[1] = '9290';
  const fixLong = (l3: string, patch: (r: LongTermRow) => void) => patch(f.longTerm.find((r) => r[2] === l3)!);
  fixLong('中长期规划相符性', (r) => (r[4] = '计划标准'));
  fixLong('事前绩效评估完成率', (r) => (r[3] = '100%'));
  fixLong('会议服务次数', (r) => (r[3] = '200场次'));
  // The second 服务体制改革成效 is named after its own 二级 in both tables.
  for (const rows of [f.longTerm, f.annual] as (LongTermRow | AnnualRow)[][]) {
    const dup = rows.find((r) => r[1] === '行政管理体制改革成效')!;
    dup[2] = '行政管理体制改革成效';
  }
  const annual = (l3: string) => f.annual.find((r) => r[2] === l3)!;
  annual('丰富多样的餐饮品种')[3] = '55种';
  annual('丰富多样的餐饮品种')[4] = '55种';
  annual('政府办公大楼、综合楼日常巡检')[2] = '政府办公大楼、综合楼日常维修维护';
  annual('标准化建设推进项目')[2] = '标准化建设项目';
  // The annual table carries every long-term indicator it lacked.
  const have = new Set(f.annual.map((r) => `${r[0]}|${r[1]}|${r[2]}`));
  for (const r of f.longTerm) {
    if (have.has(`${r[0]}|${r[1]}|${r[2]}`)) continue;
    f.annual.push([r[0], r[1], r[2], r[3], r[3], r[3], r[4], r[5]]);
  }
  return f;
}

export function issuesOf(grid: Grid, rule?: string): Issue[] {
  const result = check(grid);
  if (!result.found) throw new Error(`no form found: ${result.lookedFor.join(', ')}`);
  return rule ? result.issues.filter((i) => i.rule === rule) : result.issues;
}

/** Issues as compact strings for table-like assertions: "rule messageId A1,B2". */
export function summarize(issues: Issue[]): string[] {
  return issues.map((i) => `${i.rule} ${i.messageId} ${i.cells.map(toA1).join(',')}`);
}
