/** `template --out`: a truly blank template — the indicator framework, no entry of the example department. */
import ExcelJS from 'exceljs';
import { mkdtempSync } from 'fs';
import os from 'os';
import path from 'path';
import { main } from '../src/cli/main';
import { check } from '../src/engine';
import { normalizeLabel } from '../src/form/labels';
import { SAMPLE_FORM } from '../src/form/sample';
import { INDICATOR_FRAMEWORK } from '../src/form/framework';
import { loadSheet } from '../src/xlsx/load';

const dir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-template-'));
const file = path.join(dir, 'blank.xlsx');
const io = { out: () => {}, err: () => {}, isTTY: false };

beforeAll(async () => {
  expect(await main(['template', '--year', '2027', '--out', file], io)).toBe(0);
});

/** Everything the example department typed: names, texts, projects, its 三级 indicators and their values. */
function exampleEntries(): Set<string> {
  const f = SAMPLE_FORM;
  const typed = [
    f.deptName,
    f.filler,
    f.phone,
    f.functions,
    f.tasks,
    f.longTermGoal,
    f.annualGoal,
    f.longTermGoalRestated,
    f.annualGoalRestated,
    ...f.projects.flatMap((p) => [p.name, p.purpose]),
    ...f.longTerm.flatMap((r) => [r[2], r[3]]),
    ...f.annual.flatMap((r) => [r[2], r[3], r[4], r[5]]),
  ];
  return new Set(typed.filter((t): t is string => !!t).map(normalizeLabel));
}

describe('template --out', () => {
  it('holds the 一级/二级 framework and no entry of the example department', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const values: string[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((cell) => {
      if (cell.value !== null && cell.value !== undefined) values.push(normalizeLabel(String(cell.value)));
    }));
    const example = exampleEntries();
    expect(example.size).toBeGreaterThan(100);
    expect(example.has('丰富多样的餐饮品种')).toBe(true);
    expect(values.filter((v) => example.has(v))).toEqual([]);
    expect(values.filter((v) => /鄂州|餐饮|维修|公物仓|机关事务/.test(v))).toEqual([]);
    for (const f of INDICATOR_FRAMEWORK) expect(values).toEqual(expect.arrayContaining([f.level1, f.level2]));
    // Empty rows for the department's own 三级 indicators under each 二级.
    const { grid } = await loadSheet(file);
    const form = check(grid).form!;
    expect(form.longTerm!.rows.map((r) => `${r.level1}/${r.level2}/${r.level3}`)).toEqual(INDICATOR_FRAMEWORK.map((f) => `${f.level1}/${f.level2}/`));
    expect(form.annual!.rows).toHaveLength(INDICATOR_FRAMEWORK.length);
  });

  it('checks as at most one finding per part of the form, each saying what is still to fill', async () => {
    const { grid } = await loadSheet(file);
    const { issues } = check(grid);
    const parts = issues.map((i) => String(i.data.part));
    expect(issues.every((i) => i.rule === 'form-part-blank')).toBe(true);
    expect(new Set(parts).size).toBe(parts.length);
    expect(parts).toEqual(['表头', '部门总体资金情况', '部门职能概述', '年度工作任务', '项目支出情况', '整体绩效总目标', '长期绩效指标', '年度绩效指标']);
    const out: string[] = [];
    const r = await main(['check', file], { ...io, out: (s: string) => out.push(s) });
    expect(r).toBe(1);
    expect(out.join('\n')).toContain('项目支出情况尚未填写');
    expect(out.join('\n')).not.toContain('未填三级指标');
  });
});
