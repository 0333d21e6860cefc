/** Batch review of a folder of generated forms with known numbers of errors and warnings, and one unreadable file. */
import ExcelJS from 'exceljs';
import os from 'os';
import path from 'path';
import { promises as fs } from 'fs';
import { main } from '../../src/cli/main';
import { writeForms, type GeneratedForm } from '../support/generate';
import { ruleTitle } from '../../src/i18n/messages';

let dir: string;
let forms: GeneratedForm[];
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jixiao-review-'));
  forms = await writeForms(dir, 20);
  await fs.writeFile(path.join(dir, 'broken.xlsx'), 'not a workbook');
});

async function run(...argv: string[]) {
  const out: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: () => undefined, isTTY: false });
  return { code, stdout: out.join('\n') };
}

it('writes a summary whose counts match the generated forms, worst first, with the unreadable file and its reason', async () => {
  const out = path.join(dir, '..', `review-${path.basename(dir)}.xlsx`);
  const r = await run('review', dir, '--out', out);
  expect(r.code).toBe(2);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const summary = wb.getWorksheet('汇总')!;
  const rows: (string | number)[][] = [];
  summary.eachRow((row, n) => {
    if (n > 1) rows.push((row.values as (string | number)[]).slice(1));
  });
  expect(rows).toHaveLength(21);
  expect(path.basename(String(rows[0][0]))).toBe('broken.xlsx');
  expect(rows[0][6]).toBe('无法读取');
  expect(String(rows[0][7])).toMatch(/xlsx/);
  for (const f of forms) {
    const row = rows.find((x) => x[0] === f.file)!;
    expect([row[1], row[3], row[4], row[5]]).toEqual([f.department, f.errors, f.warnings, 0]);
  }
  // Worst first: errors descending among readable files, passed forms last.
  const errors = rows.slice(1).map((x) => Number(x[3]));
  expect(errors).toEqual([...errors].sort((a, b) => b - a));
  expect(rows[rows.length - 1][6]).toBe('通过');
  const detail = wb.getWorksheet('问题明细')!;
  const total = forms.reduce((n, f) => n + f.errors + f.warnings, 0);
  expect(detail.rowCount - 1).toBe(total);
  // Reviewers read checks in words: the 检查项 column names each check as the rules describe it, no rule id.
  expect(detail.getCell('H1').value).toBe('检查项');
  const checks = new Set<string>();
  detail.eachRow((row, n) => n > 1 && checks.add(String(row.getCell(8).value)));
  expect([...checks].filter((c) => /^[a-z]+(-[a-z0-9]+)+$/.test(c))).toEqual([]);
  expect(checks).toContain(ruleTitle('funding-total', 'zh-CN'));
});

it('prints the same table with check --summary', async () => {
  const r = await run('check', '--summary', dir);
  const lines = r.stdout.split('\n');
  expect(lines).toHaveLength(22);
  expect(lines[1]).toContain('broken.xlsx');
  const f = forms[5];
  expect(lines.find((l) => l.startsWith(f.file))).toBe(`${f.file}\t${f.department}\t填报人5\t${f.errors}\t${f.warnings}\t0\t不通过（有错误）`);
});

it('prints both sheets on A4 landscape, fit to width, header row repeated; 汇总 has a bold, filtered, frozen header', async () => {
  const out = path.join(dir, '..', `review-print-${path.basename(dir)}.xlsx`);
  await run('review', dir, '--out', out);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  for (const name of ['汇总', '问题明细']) {
    const ws = wb.getWorksheet(name)!;
    expect({ name, ...ws.pageSetup }).toMatchObject({ name, paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
  }
  const summary = wb.getWorksheet('汇总')!;
  expect(summary.autoFilter).toBe(`A1:H${summary.rowCount}`);
  // Long messages wrap in rows tall enough for them.
  const detail = wb.getWorksheet('问题明细')!;
  expect(detail.getColumn(6).alignment?.wrapText ?? detail.getCell('F2').alignment?.wrapText).toBe(true);
  expect(detail.getRow(2).height).toBeGreaterThanOrEqual(15);
});
