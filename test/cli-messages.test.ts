/**
 * What the command line says when something is wrong: no raw library text (EISDIR, "Corrupted zip", "End of
 * data reached", "Can't find end of central directory", "Bug"), a sentence that says what to do in zh-CN or
 * en-US (by --lang or the environment's locale), per-command --help, --version, short usage errors with a
 * pointer to --help, and folders without forms exiting 2.
 */
import ExcelJS from 'exceljs';
import { promises as fs, readFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { main } from '../src/cli/main';
import { PAPER_XLSX } from './support/forms';

async function run(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s), isTTY: false, env });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const RAW = /EISDIR|ENOENT|Corrupted zip|End of data reached|central directory|\bBug\b|signature|close tag/i;
const paper = readFileSync(PAPER_XLSX);
let dir: string;

/** Damaged copies of the paper form, each chosen because ExcelJS fails on it with one of the raw texts. */
const DAMAGED: Array<[string, () => Buffer, RegExp]> = [
  ['cut after 100 bytes', () => paper.subarray(0, 100), /can't find end of central directory/],
  ['cut 10 bytes short', () => paper.subarray(0, paper.length - 10), /End of data reached/],
  ['one byte changed in the packed sheet', () => {
    const b = Buffer.from(paper);
    // Offset 2000 lies in xl/worksheets/sheet1.xml's compressed data: a part the form is read from.
    b[2000] ^= 0xff;
    return b;
  }, /^Bug/],
];

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jixiao-messages-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('files that cannot be read are named with what to do', () => {
  it.each(DAMAGED)('%s: ExcelJS says it raw, we say it is damaged and what to do', async (name, bytes, raw) => {
    const file = path.join(dir, `${name.replace(/\W+/g, '-')}.xlsx`);
    await fs.writeFile(file, bytes());
    // The input really is one that makes the library speak its own language…
    await expect(new ExcelJS.Workbook().xlsx.load(bytes() as unknown as ArrayBuffer)).rejects.toThrow(raw);
    // …and none of that reaches the user.
    const zh = await run(['check', file]);
    expect(zh.code).toBe(2);
    expect(zh.stdout).toContain('已损坏或不完整，无法读取：请重新下载或从备份中取回；也可以在 Excel 中打开（Excel 会尝试修复）后另存为 .xlsx。');
    expect(zh.stdout).not.toMatch(RAW);
    const en = await run(['check', file, '--lang', 'en']);
    expect(en.stdout).toContain('is damaged or incomplete and cannot be read: download it again or take it from a backup');
    expect(en.stdout).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('a file that is not a zip at all is "not an Excel workbook", with how to convert it', async () => {
    const file = path.join(dir, 'notes.xlsx');
    await fs.writeFile(file, '这是一个文本文件，不是工作簿');
    const r = await run(['check', file, '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).files[0].error).toBe(`“${file}”不是 Excel 工作簿 (.xlsx)：请在 Excel 或 WPS 中打开它，“另存为” Excel 工作簿 (.xlsx) 后重试。`);
  });

  it('an empty file says it was probably not saved completely', async () => {
    const file = path.join(dir, 'empty.xlsx');
    await fs.writeFile(file, '');
    const r = await run(['check', file]);
    expect(r.stdout).toContain(`“${file}”是空文件（0 字节），可能没有保存完整：请重新保存或重新下载后重试。`);
  });

  it('a folder given where a file is expected (EISDIR) is named as a folder', async () => {
    const r = await run(['fill', dir, '--out', path.join(os.tmpdir(), 'never-written.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`“${dir}”是一个文件夹，不是工作簿：请给出其中的 .xlsx 文件。`);
    const en = await run(['annotate', dir, '--out', path.join(os.tmpdir(), 'never-written.xlsx'), '--lang', 'en']);
    expect(en.stderr).toBe(`"${dir}" is a folder, not a workbook: name an .xlsx file in it.`);
  });

  it('a missing file and a missing sheet say what to check', async () => {
    const missing = path.join(dir, '没有这个文件.xlsx');
    expect((await run(['fill', missing, '--out', path.join(dir, 'o.xlsx')])).stderr).toBe(`找不到文件“${missing}”：请检查路径和文件名是否正确。`);
    const r = await run(['check', PAPER_XLSX, '--sheet', '汇总']);
    expect(r.stdout).toContain(`“${PAPER_XLSX}”中没有名为“汇总”的工作表：现有工作表为 “申报表”，请用 --sheet 指定其中之一。`);
  });

  it('an --out in a folder that does not exist, or that is a folder, is refused in words', async () => {
    const out = path.join(dir, 'no-such-folder', 'out.xlsx');
    const r = await run(['fill', PAPER_XLSX, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`jixiao fill: 无法写入“${out}”：文件夹“${path.dirname(out)}”不存在，请先创建它或换一个路径。`);
    const asFolder = await run(['template', '--out', dir, '--lang', 'en']);
    expect(asFolder.stderr).toBe(`jixiao template: Cannot write "${dir}": it is a folder; give --out a file name, e.g. ${dir}/result.xlsx.`);
  });
});

describe('folders without forms', () => {
  it('check of a folder with no .xlsx exits 2 and says so', async () => {
    const empty = await fs.mkdtemp(path.join(dir, 'empty-'));
    await fs.writeFile(path.join(empty, '说明.txt'), 'not a form');
    const r = await run(['check', empty]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`文件夹“${empty}”（含子文件夹）中没有 .xlsx 或 .docx 文件：请确认文件夹，或直接给出文件。`);
    const json = await run(['check', empty, '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout).files[0]).toMatchObject({ file: empty, sheet: null, issues: [] });
    const summary = await run(['check', empty, '--summary', '--lang', 'en']);
    expect(summary.code).toBe(2);
    expect(summary.stdout).toContain('holds no .xlsx or .docx file');
  });

  it('review of a folder with no .xlsx exits 2 and writes nothing', async () => {
    const empty = await fs.mkdtemp(path.join(dir, 'empty-'));
    const out = path.join(dir, 'review.xlsx');
    const r = await run(['review', empty, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('中没有 .xlsx 或 .docx 文件');
    await expect(fs.stat(out)).rejects.toThrow();
  });

  it('check of a folder checks every .xlsx in it', async () => {
    const folder = await fs.mkdtemp(path.join(dir, 'forms-'));
    await fs.copyFile(PAPER_XLSX, path.join(folder, 'a.xlsx'));
    const r = await run(['check', folder, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).files.map((f: { file: string }) => path.basename(f.file))).toEqual(['a.xlsx']);
  });
});

describe('help, version and usage errors', () => {
  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
    for (const flag of ['--version', '-v']) {
      const r = await run([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`jixiao ${version}`);
    }
  });

  it('check --help lists its own options and exit codes, in the locale of the environment', async () => {
    const zh = await run(['check', '--help']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('jixiao check FILE_OR_FOLDER… [--json | --summary]');
    expect(zh.stdout).toContain('--summary     每份一行的汇总表（与 --json 二选一）');
    expect(zh.stdout).toContain('退出码：0 无错误；1 有错误；2');
    expect(zh.stdout).not.toContain('template');
    const en = await run(['check', '--help'], { LANG: 'en_US.UTF-8' });
    expect(en.stdout).toContain('--json        print machine-readable JSON');
    expect(en.stdout).not.toMatch(/[\u4e00-\u9fff]{3}/);
    expect((await run(['help', 'fill'])).stdout).toContain('--only totals,shares,changes');
  });

  it('every command has --help', async () => {
    for (const command of ['check', 'fill', 'annotate', 'template', 'roll', 'review']) {
      const r = await run([command, '-h', '--lang', 'en']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage:\\n  jixiao ${command} `));
    }
  });

  it('a slip gets one targeted line and a pointer to --help, not the whole usage', async () => {
    const r = await run(['check', PAPER_XLSX, '--jsno']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('jixiao check: 没有 --jsno 这个选项。是不是要用 --json？\n用 jixiao check --help 查看用法。');
    const en = await run(['chekc', PAPER_XLSX], { LC_ALL: 'en_US.UTF-8' });
    expect(en.stderr).toBe('jixiao: There is no command "chekc". Did you mean check?\nSee jixiao --help for usage.');
    expect((await run(['fill', PAPER_XLSX])).stderr).toBe('jixiao fill: 请用 --out 给出输出文件，例如 --out 输出.xlsx（输入文件不会被修改）。\n用 jixiao fill --help 查看用法。');
    expect((await run(['fill', PAPER_XLSX, PAPER_XLSX, '--out', 'x.xlsx', '--lang', 'en'])).stderr).toBe(
      `jixiao fill: fill takes one input file; extra arguments: ${PAPER_XLSX}\nSee jixiao fill --help for usage.`,
    );
    expect((await run(['check', PAPER_XLSX, '--lang', 'fr'])).stderr).toBe('jixiao check: --lang 只能是 zh 或 en，不能是“fr”。\n用 jixiao check --help 查看用法。');
    expect((await run(['template', '--out'])).stderr.split('\n')).toHaveLength(2);
  });

  it('--json with --summary is refused instead of silently giving the summary', async () => {
    const r = await run(['check', PAPER_XLSX, '--json', '--summary']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--json 和 --summary 不能同时用');
  });

  it('template --sample --year refuses another year, names the way to get it, and honours the sample year', async () => {
    const out = path.join(dir, 'sample-2026.xlsx');
    const r = await run(['template', '--sample', '--year', '2026', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--sample 是 2024 年原样申报的示例，年份不能改为 2026。要 2026 年的空白模板，请去掉 --sample');
    await expect(fs.stat(out)).rejects.toThrow();
    const same = await run(['template', '--sample', '--year', '2024', '--out', out]);
    expect(same.code).toBe(0);
    expect(same.stdout).toBe(`已写入 ${out}：2024 年示例申报表`);
    const blank = await run(['template', '--year', '2027', '--out', path.join(dir, 'blank.xlsx'), '--lang', 'en']);
    expect(blank.stdout).toBe(`Wrote ${path.join(dir, 'blank.xlsx')}: a blank form for 2027`);
    expect((await run(['template', '--year', '27', '--out', out])).stderr).toContain('--year 要四位数的年份（1991–2099），不能是“27”');
  });
});

describe('annotate speaks one language, with checks named in words', () => {
  async function annotated(lang: string) {
    const out = path.join(dir, `annotated-${lang}.xlsx`);
    expect((await run(['annotate', PAPER_XLSX, '--out', out, '--lang', lang])).code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    return wb;
  }
  const RULE_ID = /\b(?:funding|project|indicator|header|hygiene|cell)-[a-z0-9-]+\b/;

  it('zh-CN: notes and the 检查结果 sheet in Chinese, the check column in words', async () => {
    const wb = await annotated('zh');
    expect(String(wb.getWorksheet('申报表')!.getCell('D13').note)).toBe('【错误（强制）】支出当年金额各项之和为 7969.25，与合计 7969.3 不符（差 0.05）；收入合计同为 7969.3，更可能是某一项金额有误，请核对各项金额');
    const sheet = wb.getWorksheet('检查结果')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '序号', '类型', '部分', '单元格', '问题', '应为', '检查项', '审核说明']);
    expect(sheet.getCell('G2').value).toBe('合计等于各项之和（收入、支出，每个年度列）');
    sheet.eachRow((row) => row.eachCell((c) => expect(String(c.text)).not.toMatch(RULE_ID)));
  });

  it('en-US: notes and a "Check results" sheet in English, no Chinese words of ours', async () => {
    const wb = await annotated('en');
    expect(wb.getWorksheet('检查结果')).toBeUndefined();
    const sheet = wb.getWorksheet('Check results')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'No.', 'Severity', 'Section', 'Cells', 'Message', 'Expected', 'Check', 'Explanation']);
    expect(sheet.getCell('G2').value).toBe('Each total equals the sum of its items, in every year column');
    expect(String(wb.getWorksheet('申报表')!.getCell('D13').note)).toBe('[Error] Expenditure items for the current year add up to 7969.25, not the total 7969.3 (off by 0.05); the income total is 7969.3 too, so an item is the likelier mistake: check the items');
    sheet.eachRow((row) => {
      // Columns of our own words (severity, section): messages and checks may quote the form's terms (…率).
      for (const col of [2, 3]) expect(String(row.getCell(col).text)).not.toMatch(/[\u4e00-\u9fff]/);
      row.eachCell((c) => expect(String(c.text)).not.toMatch(RULE_ID));
    });
  });
});

describe('fill speaks one language', () => {
  it.each([
    ['en', /[\u4e00-\u9fff]/, 'changes: the sheet has no change-rate columns (the template has them)'],
    ['zh', /\(the |[A-Za-z]{6,} [a-z]{3,} [a-z]{3,}/, 'changes: 表中没有增减变动率列（插入模板可获得这些列）'],
  ])('--lang %s: every line of the report in that language, the fills that cannot run included', async (lang, foreign, line) => {
    const out = path.join(dir, `fill-${lang}.xlsx`);
    const r = await run(['fill', PAPER_XLSX, '--out', out, '--lang', lang]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(line);
    // The paper form's own words (its item names) are not ours to translate; its report cites none of them.
    expect(r.stdout.split('\n').filter((l) => foreign.test(l))).toEqual([]);
  });
});
