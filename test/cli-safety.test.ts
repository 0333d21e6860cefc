/**
 * Unsafe paths and hostile files, each with the message it gets: OUT as a symlink or hard link to IN,
 * review onto one of its forms, a missing output folder, a failed write over an existing OUT, a zip bomb,
 * a FIFO, and formats we do not read.
 */
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { main } from '../src/cli/main';
import { writeOutput } from '../src/cli/output';
import { fileProblemText } from '../src/i18n/file-errors';
import { writeZip } from '../src/ooxml/zip';
import { PAPER_XLSX } from './support/forms';
import { bombPackage, DOCX_SHELL, XLSX_SHELL } from './support/zip-bomb';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s), isTTY: false });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const sha = async (file: string) => createHash('sha256').update(await fs.readFile(file)).digest('hex');

let dir: string;
let input: string;
let inputHash: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jixiao-safety-'));
  input = path.join(dir, 'form.xlsx');
  await fs.copyFile(PAPER_XLSX, input);
  inputHash = await sha(input);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('OUT is never an input', () => {
  it.each(['fill', 'annotate', 'roll'])('%s refuses a symlink to IN and leaves IN as it was', async (command) => {
    const link = path.join(dir, `link-${command}.xlsx`);
    await fs.symlink(input, link);
    const r = await run(command, input, '--out', link);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--out 不能是输入文件“${input}”本身（同一文件、链接或硬链接）：输入文件从不修改`);
    const en = await run(command, input, '--out', link, '--lang', 'en');
    expect(en.stderr).toContain('(the same file, a link or a hard link): inputs are never modified');
    expect(await sha(input)).toBe(inputHash);
  });

  it.each(['fill', 'annotate', 'roll'])('%s refuses a hard link to IN', async (command) => {
    const hard = path.join(dir, `hard-${command}.xlsx`);
    await fs.link(input, hard);
    const r = await run(command, input, '--out', hard);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('链接或硬链接');
    expect(await sha(input)).toBe(inputHash);
  });

  it('roll --into refuses OUT as a link to THIS', async () => {
    const link = path.join(dir, 'link-into.xlsx');
    await fs.symlink(input, link);
    const r = await run('roll', PAPER_XLSX, '--into', input, '--out', link);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--out 不能是输入文件“${input}”本身`);
    expect(await sha(input)).toBe(inputHash);
  });

  it('review refuses an OUT that is one of the forms it reviews, before reading any', async () => {
    const folder = path.join(dir, 'forms');
    await fs.mkdir(folder);
    await fs.copyFile(PAPER_XLSX, path.join(folder, 'a.xlsx'));
    const before = await sha(path.join(folder, 'a.xlsx'));
    const r = await run('review', folder, '--out', path.join(folder, 'a.xlsx'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--out 不能是输入文件“${path.join(folder, 'a.xlsx')}”本身`);
    expect(await sha(path.join(folder, 'a.xlsx'))).toBe(before);
  });
});

describe('output folders and failed writes', () => {
  it.each([
    ['fill', []],
    ['annotate', []],
    ['roll', []],
    ['template', []],
    ['review', []],
  ])('%s into a missing folder: a clear error, exit 2, nothing left in the temp folder', async (command) => {
    const tmpBefore = (await fs.readdir(os.tmpdir())).filter((n) => n.startsWith('jixiao-review-'));
    const out = path.join(dir, 'no-such-folder', 'out.xlsx');
    const args = command === 'template' ? ['template', '--out', out] : [command, input, '--out', out];
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`无法写入“${out}”：文件夹“${path.dirname(out)}”不存在，请先创建它或换一个路径。`);
    const en = await run(...args, '--lang', 'en');
    expect(en.stderr).toContain(`the folder "${path.dirname(out)}" does not exist; create it or choose another path.`);
    const tmpAfter = (await fs.readdir(os.tmpdir())).filter((n) => n.startsWith('jixiao-review-'));
    expect(tmpAfter.filter((n) => !tmpBefore.includes(n))).toEqual([]);
  });

  it('an OUT that is a folder is a clear error', async () => {
    const r = await run('fill', input, '--out', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`无法写入“${dir}”：这是一个文件夹，请在 --out 中给出文件名`);
  });

  it('a write that fails leaves an existing OUT untouched and no temporary file behind', async () => {
    const out = path.join(dir, 'existing.xlsx');
    await fs.writeFile(out, 'the previous copy');
    await expect(
      writeOutput(out, async (tmp) => {
        await fs.writeFile(tmp, 'half a workbook');
        throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
      }),
    ).rejects.toMatchObject({ problem: { code: 'disk-full', operation: 'write', file: out } });
    expect(fileProblemText({ code: 'disk-full', operation: 'write', file: out })).toBe(`无法写入“${out}”：磁盘空间不足。原有文件未改动；请腾出空间或换一个磁盘后重试。`);
    expect(await fs.readFile(out, 'utf8')).toBe('the previous copy');
    expect((await fs.readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('a copy that cannot be built (unreadable IN) leaves an existing OUT untouched', async () => {
    const out = path.join(dir, 'kept.xlsx');
    await fs.writeFile(out, 'the previous copy');
    const bad = path.join(dir, 'bad.xlsx');
    await fs.writeFile(bad, 'not a zip');
    for (const command of ['fill', 'annotate', 'roll']) {
      const r = await run(command, bad, '--out', out);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`“${bad}”不是 Excel 工作簿 (.xlsx)：请在 Excel 或 WPS 中打开它，“另存为” Excel 工作簿 (.xlsx) 后重试。`);
    }
    expect(await fs.readFile(out, 'utf8')).toBe('the previous copy');
  });

  it('review writes its workbook through a temporary file and cleans its scratch folder', async () => {
    const tmpBefore = (await fs.readdir(os.tmpdir())).filter((n) => n.startsWith('jixiao-review-'));
    const out = path.join(dir, 'review.xlsx');
    const r = await run('review', input, '--out', out);
    expect(r.code).toBe(1);
    expect((await fs.stat(out)).size).toBeGreaterThan(1000);
    expect((await fs.readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect((await fs.readdir(os.tmpdir())).filter((n) => n.startsWith('jixiao-review-') && !tmpBefore.includes(n))).toEqual([]);
  });
});

it('an .xlsm stays .xlsm: an .xlsx name for its copy is refused', async () => {
  const xlsm = path.join(__dirname, 'fixtures', 'corpus', 'macro.xlsm');
  const r = await run('fill', xlsm, '--out', path.join(dir, 'macro-copy.xlsx'));
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(`输入是启用宏的工作簿 (.xlsm)，副本也要以 .xlsm 结尾，才能保留宏：例如 --out ${path.join(dir, 'macro-copy.xlsm')}`);
  expect((await run('fill', xlsm, '--out', path.join(dir, 'macro-copy.xlsm'))).code).toBe(0);
});

describe('hostile inputs', () => {
  it('a zip bomb is refused at the per-part limit without inflating it whole', async () => {
    // 210 MB of zeros in a few hundred KB: one part past the 200 MB limit.
    const bomb = bombPackage(XLSX_SHELL, 'xl/worksheets/sheet1.xml', 210);
    const file = path.join(dir, 'bomb.xlsx');
    await fs.writeFile(file, bomb);
    const before = process.memoryUsage().rss;
    const r = await run('check', file);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`“${file}”解压后过大（单个部件超过 200 MB 或合计超过 300 MB），可能已损坏或是恶意文件，未读取`);
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * 2 ** 20);
  });

  it('a FIFO named .xlsx is refused at once instead of hanging', async () => {
    const fifo = path.join(dir, 'pipe.xlsx');
    execFileSync('mkfifo', [fifo]);
    const r = await run('check', fifo);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`“${fifo}”不是普通文件（可能是管道、设备或套接字），未读取`);
    expect((await run('check', fifo, '--lang', 'en')).stdout).toContain(`"${fifo}" is not a regular file (perhaps a pipe, device or socket) and was not read`);
    const f = await run('fill', fifo, '--out', path.join(dir, 'from-fifo.xlsx'));
    expect(f.code).toBe(2);
    expect(f.stderr).toContain('不是普通文件');
  });

  it.each([
    ['old.xls', '是旧版 .xls 工作簿，不能直接读取：请在 Excel 或 WPS 中“另存为” Excel 工作簿 (.xlsx)', 'soffice --headless --convert-to xlsx'],
    ['calc.ods', '是 .ods 工作簿，不能直接读取：请在 LibreOffice 或 WPS 中“另存为” .xlsx', 'soffice --headless --convert-to xlsx'],
    ['data.csv', '没有申报表的合并单元格和格式', 'save it as .xlsx'],
  ])('%s gets a message on how to convert it', async (name, zh, en) => {
    const file = path.join(dir, name);
    await fs.writeFile(file, 'a,b\n1,2\n');
    const r = await run('check', file);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(zh);
    const english = await run('check', file, '--lang', 'en');
    expect(english.stdout).toContain(en);
    expect(english.stdout).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('a .docx zip bomb is refused as a workbook zip bomb is, in the same words', async () => {
    const file = path.join(dir, 'bomb.docx');
    await fs.writeFile(file, bombPackage(DOCX_SHELL, 'word/document.xml', 210));
    const r = await run('check', file);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`“${file}”解压后过大（单个部件超过 200 MB 或合计超过 300 MB），可能已损坏或是恶意文件，未读取`);
  });

  it('a truncated .docx and a truncated .xlsx are both damaged, each said with its own program', async () => {
    const cut = async (from: string, name: string) => {
      const bytes = await fs.readFile(from);
      const file = path.join(dir, name);
      await fs.writeFile(file, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      const r = await run('check', file);
      expect(r.code).toBe(2);
      return r.stdout.split(file).join('FILE');
    };
    const docx = await cut(path.join(__dirname, 'fixtures', 'renditions', 'form-word.docx'), 'cut.docx');
    expect(docx).toContain('“FILE”已损坏或不完整，无法读取：请重新下载或从备份中取回；也可以在 Word 中打开（Word 会尝试修复）后另存为 .docx。');
    expect(await cut(PAPER_XLSX, 'cut.xlsx')).toContain('“FILE”已损坏或不完整，无法读取：请重新下载或从备份中取回；也可以在 Excel 中打开（Excel 会尝试修复）后另存为 .xlsx。');
  });

  it('a FIFO named .docx is refused at once instead of hanging', async () => {
    const fifo = path.join(dir, 'pipe.docx');
    execFileSync('mkfifo', [fifo]);
    const r = await run('check', fifo);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('不是普通文件');
  });

  it('a Word document is not taken for a workbook', async () => {
    const docx = writeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
      { name: '_rels/.rels', data: Buffer.from('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>') },
      { name: 'word/document.xml', data: Buffer.from('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>') },
    ]);
    const file = path.join(dir, 'letter.xlsx');
    await fs.writeFile(file, docx);
    const r = await run('check', file);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`“${file}”是 Word 或 PowerPoint 文件，不是 Excel 工作簿`);
  });
});

