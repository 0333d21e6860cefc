/**
 * `fill` then `check` on the command line, on forms a user reported: an amount cleared, an amount typed as
 * words, a total the user typed, and the filed example with --overwrite. Whatever arithmetic finding
 * `check` still has blames a cell that `fill` listed in its output (and says why).
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { main } from '../src/cli/main';

const ARITHMETIC = ['funding-total', 'funding-share', 'funding-shares-sum', 'funding-share-missing', 'funding-balance'];

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s), isTTY: false });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

let dir: string;
let sample: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jixiao-fill-lists-'));
  sample = path.join(dir, 'sample.xlsx');
  expect((await run('template', '--sample', '--out', sample)).code).toBe(0);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The sample with some cells changed, as a user would leave it. */
async function variant(name: string, cells: Record<string, ExcelJS.CellValue>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(sample);
  const ws = wb.worksheets[0];
  for (const [a, v] of Object.entries(cells)) ws.getCell(a).value = v;
  const file = path.join(dir, `${name}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

/** The cells the fill output names as left alone or not computed (every address on those lines). */
function listedBy(stdout: string): Set<string> {
  const lines = stdout.split('\n').filter((l) => /^\s+(跳过|未计算|保留|请核对)/.test(l));
  return new Set(lines.flatMap((l) => l.match(/\b[A-Z]{1,2}\d{1,5}\b/g) ?? []));
}

async function fillThenCheck(file: string, ...flags: string[]) {
  const out = file.replace(/\.xlsx$/, '-filled.xlsx');
  const filled = await run('fill', file, '--out', out, ...flags);
  expect(filled.code).toBe(0);
  const checked = JSON.parse((await run('check', out, '--json')).stdout);
  const issues: { rule: string; cells: string[]; message: string }[] = checked.files[0].issues.filter((i: { rule: string }) => ARITHMETIC.includes(i.rule));
  const listed = listedBy(filled.stdout);
  const unlisted = issues.filter((i) => !i.cells.some((c) => listed.has(c))).map((i) => `${i.rule} ${i.cells.join(',')} ${i.message}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  return { stdout: filled.stdout, issues, unlisted, ws: wb.worksheets[0] };
}

describe('fill lists every cell that keeps a group from adding up', () => {
  it('an amount cleared: the share beside it is listed, not left silently (no 101.29%)', async () => {
    const r = await fillThenCheck(await variant('cleared', { D11: null }));
    expect(r.stdout).toContain('保留 E11：旁边的金额为空，占比 0.0129 未清除');
    expect(r.stdout).toContain('保留 D13：合计 7969.3 与 D9 一致');
    expect(r.issues.length).toBeGreaterThan(0);
    expect(r.unlisted).toEqual([]);
  });

  it('an amount typed as words: neither total nor shares computed over it, and it is named', async () => {
    const r = await fillThenCheck(await variant('words', { D10: '七百五十四万' }));
    expect(r.stdout).toContain('未计算 D10：金额“七百五十四万”不是数字');
    expect(r.stdout).toContain('未计算 E10：D10 不是数字');
    expect(r.issues.find((i) => i.rule === 'funding-total' && i.cells[0] === 'D10')?.message).toContain('不是数字');
    expect(r.unlisted).toEqual([]);
  });

  it('a total the user typed: no share computed against it (no 161.13%), each share listed', async () => {
    const r = await fillThenCheck(await variant('typed-total', { D13: 5000, E10: null, E11: null, E12: null }));
    expect(r.ws.getCell('E10').value).toBeNull();
    expect(r.ws.getCell('D13').value).toBe(5000);
    for (const a of ['E10', 'E11', 'E12']) expect(r.stdout).toContain(`未计算 ${a}：合计 D13 保留为输入值且与各项之和不符`);
    expect(r.stdout).toContain('跳过 D13：已有用户输入（5000，计算值 7969.25；用 --overwrite 覆盖）');
    expect(r.unlisted).toEqual([]);
  });

  it('--overwrite on the filed example: 支出合计 stays 7969.3 (收入合计 agrees), no 收支不相等 is created', async () => {
    const r = await fillThenCheck(sample, '--overwrite');
    expect(r.ws.getCell('D13').value).toBe(7969.3);
    expect(r.ws.getCell('G13').value).toBe(10037.9);
    expect(r.issues.filter((i) => i.rule === 'funding-balance')).toEqual([]);
    const total = r.issues.find((i) => i.rule === 'funding-total' && i.cells[0] === 'D13')!;
    expect(total.message).toContain('更可能是某一项金额有误');
    expect(r.stdout).toContain('保留 D13：合计 7969.3 与 D9 一致，各项之和 7969.25 更可能有误，请核对各项金额（--overwrite 也不改动）');
    expect(r.unlisted).toEqual([]);
  });

  it('--lang en says the same in English', async () => {
    const file = await variant('words-en', { D10: '七百五十四万' });
    const r = await run('fill', file, '--out', path.join(dir, 'words-en-filled.xlsx'), '--lang', 'en');
    expect(r.stdout).toContain('not computed D10: the amount “七百五十四万” is not a number');
  });
});
