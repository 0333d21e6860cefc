/** The bad-input corpus: each file gets a clear message, and nothing the user had is lost. */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { main } from '../src/cli/main';
import { loadSheet } from '../src/xlsx/load';
import { check, fill } from '../src/engine';
import { BAD_INPUTS, writeBadInputs } from './support/bad-inputs';

let files: Record<(typeof BAD_INPUTS)[number], string>;
let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jixiao-bad-'));
  files = await writeBadInputs(dir);
}, 120000);

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s), isTTY: false });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

async function checkJson(file: string) {
  const r = await run('check', file, '--json');
  return { code: r.code, report: JSON.parse(r.stdout).files[0] };
}

it.each([
  ['empty.xlsx', /未找到申报表.*当年金额/],
  ['no-form.xlsx', /未找到申报表.*一级指标/],
  ['encrypted.xlsx', /设置了打开密码.*另存为/],
  ['corrupt.xlsx', /已损坏或不完整/],
])('%s: exit 2 with a one-line reason', async (name, reason) => {
  const { code, report } = await checkJson(files[name as keyof typeof files]);
  expect(code).toBe(2);
  expect(report.error).toMatch(reason);
  expect(report.error).not.toContain('\n');
});

it('a form typed entirely as text: found and checked, every number stored as text flagged with its clean value', async () => {
  const { code, report } = await checkJson(files['all-text.xlsx']);
  expect(code).toBe(1); // the filing date typed as a bare serial cannot be read as a date
  const asText = report.issues.filter((i: { rule: string }) => i.rule === 'hygiene-number-as-text' || i.rule === 'hygiene-full-width');
  expect(asText.length).toBeGreaterThan(30);
  const d12 = report.issues.find((i: { cells: string[]; rule: string }) => i.cells[0] === 'D12' && i.rule === 'hygiene-full-width');
  expect(d12.expected).toBe('7112');
  // The arithmetic still reads through the text: no total is reported wrong.
  expect(report.issues.filter((i: { rule: string }) => i.rule === 'funding-total')).toEqual([]);
});

it('#REF! and #DIV/0! are reported as errors, never crashed on', async () => {
  const { report } = await checkJson(files['error-values.xlsx']);
  const errs = report.issues.filter((i: { rule: string }) => i.rule === 'cell-error-value');
  expect(errs.map((i: { cells: string[]; message: string }) => [i.cells[0], i.message])).toEqual([
    ['D10', '单元格为错误值 #REF!'],
    ['E11', '单元格为错误值 #DIV/0!'],
  ]);
});

it('amounts of 1e15 and negative amounts are computed exactly, with decimal arithmetic', async () => {
  const { report } = await checkJson(files['extreme-amounts.xlsx']);
  const total = report.issues.find((i: { rule: string }) => i.rule === 'funding-total');
  // 收入合计 still agrees with the written 支出合计, so the finding blames the items; their exact sum is in it.
  expect(total.message).toContain('各项之和为 1000000000007008.89');
});

it('a form with 1,000 projects and 5,000 indicator rows is read whole', async () => {
  const { grid } = await loadSheet(files['large.xlsx']);
  const result = check(grid);
  expect(result.form?.projects?.rows).toHaveLength(1000);
  expect((result.form?.longTerm?.rows.length ?? 0) + (result.form?.annual?.rows.length ?? 0)).toBe(5000);
  expect(result.issues.filter((i) => i.severity === 'error').map((i) => i.rule)).toEqual(['project-targeted-sum']);
});

it('a protected sheet: the command line still checks it and writes only copies', async () => {
  const before = await fs.readFile(files['protected.xlsx']);
  expect((await checkJson(files['protected.xlsx'])).code).toBe(0);
  const out = path.join(dir, 'protected-annotated.xlsx');
  await run('annotate', files['protected.xlsx'], '--out', out);
  expect(await fs.readFile(files['protected.xlsx'])).toEqual(before);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  expect(wb.getWorksheet('检查结果')).toBeDefined();
});

it('a sheet whose sections were moved about is read part by part, with no finding', async () => {
  const { code, report } = await checkJson(files['moved-sections.xlsx']);
  expect(report.issues).toEqual([]);
  expect(code).toBe(0);
  const { grid } = await loadSheet(files['moved-sections.xlsx']);
  // Totals and shares are already right; only the empty change-rate cells get filled.
  const writes = fill(grid).patch.writes;
  expect(writes.length).toBeGreaterThan(0);
  expect(writes.every((w) => w.reason === 'change')).toBe(true);
});

it('fill and annotate never modify their input, whatever it is', async () => {
  for (const name of BAD_INPUTS) {
    const before = await fs.readFile(files[name]);
    await run('fill', files[name], '--out', path.join(dir, `filled-${name}`));
    await run('annotate', files[name], '--out', path.join(dir, `annotated-${name}`));
    expect(await fs.readFile(files[name])).toEqual(before);
  }
});
