/** The command line, run in-process on real files in a temporary folder. */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { main } from '../src/cli/main';
import { PAPER_XLSX } from './support/forms';
import { loadSheet } from '../src/xlsx/load';
import { check } from '../src/engine';
import { openPackage } from '../src/ooxml/package';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s), isTTY: false });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jixiao-cli-'));
});

describe('check', () => {
  it('prints a readable table and exits 1 on a form with errors', async () => {
    const r = await run('check', PAPER_XLSX);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('支出当年金额各项之和为 7969.25，与合计 7969.3 不符');
    expect(r.stdout).toContain('共 4 个错误');
  });

  it('writes exactly the documented JSON shape', async () => {
    const r = await run('check', PAPER_XLSX, '--json');
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['files']);
    const [file] = json.files;
    expect(Object.keys(file)).toEqual(['file', 'sheet', 'at', 'issues', 'summary', 'coverage']);
    expect(file.sheet).toBe('申报表');
    expect(file.at).toBe('A1');
    expect(file.coverage.complete).toBe(true);
    expect(file.coverage.missing).toEqual([]);
    expect(file.coverage.read).toEqual(['header', 'income', 'expense', 'projects', 'goals', 'longTerm', 'annual']);
    expect(file.coverage.parts.income).toEqual({ found: true, at: 'C6', rows: 4 });
    expect(file.coverage.parts.annual).toEqual({ found: true, at: 'B73', rows: 38 });
    expect(file.summary).toEqual({ errors: 4, warnings: 10 });
    for (const issue of file.issues) {
      expect(Object.keys(issue)).toEqual(['rule', 'severity', 'cells', 'message', 'expected']);
      expect(['error', 'warning']).toContain(issue.severity);
      for (const c of issue.cells) expect(c).toMatch(/^[A-Z]+\d+$/);
    }
    expect(file.issues[0]).toEqual({
      rule: 'funding-total',
      severity: 'error',
      cells: ['D13', 'D10', 'D11', 'D12', 'D9'],
      message: '支出当年金额各项之和为 7969.25，与合计 7969.3 不符（差 0.05）；收入合计同为 7969.3，更可能是某一项金额有误，请核对各项金额',
      expected: null,
    });
  });

  it('speaks English with --lang en', async () => {
    const r = await run('check', PAPER_XLSX, '--json', '--lang', 'en');
    expect(JSON.parse(r.stdout).files[0].issues[0].message).toBe(
      'Expenditure items for the current year add up to 7969.25, not the total 7969.3 (off by 0.05); the income total is 7969.3 too, so an item is the likelier mistake: check the items',
    );
  });

  it('exits 2 with a one-line reason for an unreadable file, and still checks the others', async () => {
    const bad = path.join(dir, 'corrupt.xlsx');
    await fs.writeFile(bad, 'this is not a zip file');
    const r = await run('check', bad, PAPER_XLSX, path.join(dir, 'missing.xlsx'), '--json');
    expect(r.code).toBe(2);
    const files = JSON.parse(r.stdout).files;
    expect(files.map((f: { file: string }) => path.basename(f.file))).toEqual(['corrupt.xlsx', 'paper.xlsx', 'missing.xlsx']);
    expect(files[0].error).toMatch(/xlsx/);
    expect(files[0].error.split('\n')).toHaveLength(1);
    expect(files[1].summary.errors).toBe(4);
    expect(files[2].error).toMatch(/找不到文件/);
  });

  it('exits 2 and names the labels it looked for on a sheet with no form', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['月度报表', 1, 2]);
    const file = path.join(dir, 'noform.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await run('check', file);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('未找到申报表');
    expect(r.stdout).toContain('当年金额');
  });

  it('rejects unknown options with usage', async () => {
    const r = await run('check', PAPER_XLSX, '--bogus');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('没有 --bogus 这个选项');
  });
});

describe('template', () => {
  it('writes a print-ready blank template: merges, formats, lists, names, A4 fit to width, 20 project rows', async () => {
    const file = path.join(dir, 'template.xlsx');
    expect((await run('template', '--out', file, '--year', '2025')).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe('部门整体绩效目标申报表');
    expect(ws.getCell('H2').value).toBe('单位：万元');
    expect((ws.model as unknown as { merges: string[] }).merges).toEqual(expect.arrayContaining(['A1:I1', 'F4:G4', 'B6:B9']));
    expect(ws.getCell('F5').value).toBe('2024年');
    expect(ws.getCell('G5').value).toBe('2023年');
    expect(ws.getCell('E6').numFmt).toBe('0.00%');
    expect(ws.getCell('D6').numFmt).toBe('0.00');
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.getCell('C17').dataValidation).toMatchObject({ type: 'list', formulae: ['"人员类,运转类,特定目标类"'] });
    expect(ws.getCell('C17').alignment?.wrapText).toBe(true);
    expect(wb.definedNames.getRanges('JX_ExpenseTotal').ranges[0]).toMatch(/\$D\$13:\$G\$13/);
    const { grid } = await loadSheet(file);
    const form = check(grid).form!;
    expect(form.projects!.slotRows.length).toBeGreaterThanOrEqual(20);
    // One located row per 二级 of the framework (its empty 三级 rows are merged under it).
    expect(form.longTerm!.rows.every((r) => r.level2 !== '' && r.level3 === '')).toBe(true);
    const listAt = (row: number, col: number) => ws.getCell(row + 1, col + 1).dataValidation?.formulae?.[0];
    expect(listAt(form.longTerm!.rows[0].row, form.longTerm!.cols.basis!)).toContain('历史标准');
    expect(listAt(form.annual!.rows[0].row, form.annual!.cols.basis!)).toContain('预算支出标准');
    expect(listAt(form.annual!.rows[0].row, form.annual!.cols.category!)).toBe('"绩效基本型,绩效创新型"');
  });

  it('--sample writes the filed example, whose check matches the paper workbook', async () => {
    const file = path.join(dir, 'sample.xlsx');
    await run('template', '--sample', '--out', file);
    const a = JSON.parse((await run('check', file, '--json')).stdout).files[0].summary;
    const b = JSON.parse((await run('check', PAPER_XLSX, '--json')).stdout).files[0].summary;
    expect(a).toEqual(b);
  });
});

describe('fill', () => {
  it('fills a copy, never modifies IN, and check on the result has no arithmetic issue', async () => {
    const sample = path.join(dir, 'blank-computed.xlsx');
    await run('template', '--sample', '--out', sample);
    // Blank the computed cells (合计 and 占比) as a user starting out would have them.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sample);
    const ws = wb.worksheets[0];
    for (const a of ['D9', 'E9', 'F9', 'G9', 'D13', 'E13', 'F13', 'G13', 'E6', 'E10', 'E11', 'E12']) ws.getCell(a).value = null;
    await wb.xlsx.writeFile(sample);
    const before = await fs.readFile(sample);
    const out = path.join(dir, 'filled.xlsx');
    const r = await run('fill', sample, '--out', out);
    expect(r.code).toBe(0);
    expect(await fs.readFile(sample)).toEqual(before);
    const json = JSON.parse((await run('check', out, '--json')).stdout);
    const arithmetic = json.files[0].issues.filter((i: { rule: string }) => /^funding-/.test(i.rule)).map((i: { rule: string }) => i.rule);
    // The filed items really add to 7969.25 against an income of 7969.3: only that imbalance is left.
    expect(arithmetic).toEqual(['funding-balance', 'funding-balance']);
    const filled = new ExcelJS.Workbook();
    await filled.xlsx.readFile(out);
    expect(filled.worksheets[0].getCell('D13').value).toBe(7969.25);
    expect(filled.worksheets[0].getCell('E12').value).toBe(0.8925);
    const again = await run('fill', out, '--out', path.join(dir, 'again.xlsx'));
    expect(again.stdout).toContain('填充 0 个单元格');
  });

  it('refuses to write over its input', async () => {
    const r = await run('fill', PAPER_XLSX, '--out', PAPER_XLSX);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('输入文件从不修改');
  });

  it('--only limits the fills; --overwrite keeps a total that 收入合计 corroborates and says why', async () => {
    const out = path.join(dir, 'only.xlsx');
    const r = await run('fill', PAPER_XLSX, '--out', out, '--only', 'totals', '--overwrite');
    expect(r.stdout).not.toContain('D13  7969.25');
    expect(r.stdout).toContain('保留 D13：合计 7969.3 与 D9 一致，各项之和 7969.25 更可能有误');
    expect(r.stdout).toContain('保留 G13：合计 10037.9 与 G9 一致');
    expect(r.stdout).not.toContain('changes:');
  });
});

describe('annotate', () => {
  it('highlights errors red and warnings amber with notes, and adds a 检查结果 sheet with links', async () => {
    const out = path.join(dir, 'annotated.xlsx');
    const r = await run('annotate', PAPER_XLSX, '--out', out);
    expect(r.code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('申报表')!;
    const fillOf = (a: string) => (ws.getCell(a).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect(fillOf('D13')).toBe('FFFFC7CE');
    expect(fillOf('E43')).toBe('FFFFEB9C');
    expect(String(ws.getCell('D13').note)).toContain('7969.25');
    const results = wb.getWorksheet('检查结果')!;
    expect(results.rowCount).toBe(15);
    // An internal link is a location on the <hyperlink> element, with no relationship.
    const pkg = openPackage(await fs.readFile(out));
    const resultXml = pkg.text(pkg.sheet('检查结果')!.part!);
    expect(resultXml).toContain(`<hyperlink ref="D2" location="'申报表'!D13"`);
  });

  it('annotates a Word form (written by LibreOffice Writer) the same way: its copy is a workbook with the same marks and 检查结果', async () => {
    const docx = path.join(__dirname, 'fixtures', 'renditions', 'form-word.docx');
    const out = path.join(dir, 'annotated-word.xlsx');
    const r = await run('annotate', docx, '--out', out);
    expect(r.code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const reports = JSON.parse((await run('check', docx, '--json')).stdout).files as { sheet: string; issues: { severity: string; cells: string[] }[] }[];
    const form = reports.find((f) => f.issues.length > 0)!;
    const ws = wb.getWorksheet(form.sheet)!;
    // Cells of a Word table are named 表1!R3C4; in the copy they are the same row and column of the sheet.
    const a1 = (cell: string) => {
      const [, row, col] = /R(\d+)C(\d+)$/.exec(cell)!.map(Number);
      return ws.getCell(row, col);
    };
    const error = form.issues.find((i) => i.severity === 'error')!;
    const cell = a1(error.cells[0]);
    expect((cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBe('FFFFC7CE');
    expect(String(cell.note)).toMatch(/^【错误（强制）】/);
    const results = wb.getWorksheet('检查结果')!;
    expect(results.getRow(1).values).toEqual([undefined, '序号', '类型', '部分', '单元格', '问题', '应为', '检查项', '审核说明']);
    expect(results.rowCount - 1).toBe(reports.reduce((n, f) => n + f.issues.length, 0));
  });
});
