/** `roll` on the command line: years matched, never guessed; the filing date cleared and said so. */
import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync } from 'fs';
import os from 'os';
import path from 'path';
import { main } from '../src/cli/main';
import { loadSheet } from '../src/xlsx/load';
import { check } from '../src/engine';

const dir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-roll-'));
const at = (name: string) => path.join(dir, name);

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s), isTTY: false });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

beforeAll(async () => {
  await run('template', '--sample', '--out', at('2024.xlsx'));
  await run('template', '--year', '2027', '--out', at('2027.xlsx'));
  await run('template', '--year', '2025', '--out', at('2025.xlsx'));
});

describe('roll LAST --into THIS', () => {
  it('refuses a 2024 form into a 2027 template: exit 2, a message naming the years and the form to use, no file written', async () => {
    const r = await run('roll', at('2024.xlsx'), '--into', at('2027.xlsx'), '--out', at('gap.xlsx'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('是 2024 年的申报表');
    expect(r.stderr).toContain('是 2027 年的');
    expect(r.stderr).toContain('2026年、2025年');
    expect(r.stderr).toContain('未写入任何文件；请用 2026 年的申报表');
    expect(existsSync(at('gap.xlsx'))).toBe(false);
    const en = await run('roll', at('2024.xlsx'), '--into', at('2027.xlsx'), '--out', at('gap.xlsx'), '--lang', 'en');
    expect(en.stderr).toContain('Nothing was written; use the 2026 form');
  });

  it('fills a 2025 template from the 2024 form, each year under its own header', async () => {
    const r = await run('roll', at('2024.xlsx'), '--into', at('2025.xlsx'), '--out', at('2025-filled.xlsx'));
    expect(r.code).toBe(0);
    const { grid } = await loadSheet(at('2025-filled.xlsx'));
    const f = check(grid).form!.funding!;
    const total = f.groups[1].total!.row;
    const value = (year: number) => grid.cells.get(`${total},${f.priorCols.find((c) => c.year === year)!.col}`)?.value;
    expect([value(2024), value(2023)]).toEqual([7969.3, 8674.7]);
  });
});

describe('roll IN', () => {
  it('clears 填报日期 and says what it was', async () => {
    const r = await run('roll', at('2024.xlsx'), '--out', at('2025-rolled.xlsx'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2024 年 → 2025 年');
    expect(r.stdout).toContain('填报日期已清空（原为 2024年1月12日），请填写新表的填报日期');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(at('2025-rolled.xlsx'));
    expect(wb.worksheets[0].getCell('B2').value ?? null).toBeNull();
  });

  it('names the years of a blank template from its headers, never "? 年"', async () => {
    const r = await run('roll', at('2027.xlsx'), '--out', at('2028.xlsx'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2027 年 → 2028 年');
    expect(r.stdout).not.toContain('?');
    expect(r.stdout).not.toContain('填报日期已清空');
  });

  it('says the form carries no year when it has neither date nor year headers', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(at('2027.xlsx'));
    const ws = wb.worksheets[0];
    ws.eachRow((row) => row.eachCell((cell) => {
      if (typeof cell.value === 'string' && /^\d{4}年$/.test(cell.value)) cell.value = '年';
    }));
    await wb.xlsx.writeFile(at('no-years.xlsx'));
    const r = await run('roll', at('no-years.xlsx'), '--out', at('no-years-rolled.xlsx'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('表中没有年份');
    expect(r.stdout).not.toContain('?');
  });
});
