/**
 * 从 Word 导入 and "what was checked" in the task pane, over the strict in-memory Excel: a .docx written by
 * LibreOffice Writer becomes our template filled with its content; the check shows which parts it read.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { StrictExcel } from '../support/strict-excel';
import type { ExcelHost } from '../../src/excel';
import { PaneController } from '../../taskpane/controller';
import { DEFAULT_SETTINGS } from '../../taskpane/settings';
import { check } from '../../src/engine';
import { paperGrid } from '../support/forms';
import { gridFromRows } from '../../src/grid/grid';
import { writeZip } from '../../src/ooxml/zip';

const RENDITIONS = path.join(__dirname, '..', 'fixtures', 'renditions');

function setup(grid: Parameters<StrictExcel['loadGrid']>[0]) {
  const xl = new StrictExcel({ apiVersion: '1.20' });
  xl.loadGrid(grid);
  const c = new PaneController({ host: xl.host as unknown as ExcelHost, displayLanguage: 'zh-CN', settings: { ...DEFAULT_SETTINGS }, storage: { setItem: () => {} }, autoCalcDelay: 0 });
  return { xl, c };
}

const fileOf = async (name: string) => {
  const bytes = await fs.readFile(path.join(RENDITIONS, name));
  return { name, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer };
};

describe('从 Word 导入', () => {
  it('turns the Word form into our template on a new sheet, filled with its content: the same errors as paper.xlsx', async () => {
    const paper = await paperGrid();
    const { xl, c } = setup(paper);
    await c.importWord(await fileOf('form-word.docx'));
    const state = c.getState();
    expect(state.message?.intent).toBe('success');
    const sheetName = /“(.+)”/.exec(state.message!.text['zh-CN'])![1];
    const imported = xl.exportSheet(sheetName).grid;
    const errors = (g: typeof paper) => check(g).issues.filter((i) => i.severity === 'error').map((i) => i.key).sort();
    expect(errors(imported)).toEqual(errors(paper));
    expect(check(imported).coverage.complete).toBe(true);
  });

  it('says so when the document holds no form, and writes nothing', async () => {
    const paper = await paperGrid();
    const { xl, c } = setup(paper);
    const before = xl.toJSON();
    const bytes = writeZip([{ name: 'word/document.xml', data: Buffer.from('<w:document xmlns:w="w"><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>封面</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>') }]);
    await c.importWord({ name: 'cover.docx', arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer });
    expect(c.getState().message?.intent).toBe('error');
    expect(c.getState().message?.text['zh-CN']).toContain('没有找到申报表');
    expect(xl.toJSON()).toEqual(before);
  });

  it.each([
    ['cut short', (b: Buffer) => b.subarray(0, Math.floor(b.length * 0.6)), '“cut.docx”已损坏或不完整，无法读取', 'or open it in Word (which tries to repair it) and save it as .docx'],
    ['a legacy .doc or a password', () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), '设置了打开密码，或是旧版 .doc 格式', 'save it as a Word Document (.docx)'],
  ])('a document %s is said in words of Word, in both languages, and nothing is written', async (_what, damage, zh, en) => {
    const { xl, c } = setup(await paperGrid());
    const before = xl.toJSON();
    const bytes = damage(await fs.readFile(path.join(RENDITIONS, 'form-word.docx')));
    await c.importWord({ name: 'cut.docx', arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer });
    const message = c.getState().message!;
    expect(message.intent).toBe('error');
    expect(message.text['zh-CN']).toContain(zh);
    expect(message.text['en-US']).toContain(en);
    expect(message.text['zh-CN']).not.toMatch(/[A-Za-z]{5,}/); // no library text (a file name, .docx, Word, WPS are shorter)
    expect(xl.toJSON()).toEqual(before);
  });
});

describe('what was checked', () => {
  it('a whole form: every part read', async () => {
    const { c } = setup(await paperGrid());
    await c.check();
    expect(c.getState().check?.coverage?.complete).toBe(true);
  });

  it('an indicator table alone: the missing parts are shown and found as errors, never “no issues”', async () => {
    const { c } = setup(
      gridFromRows([
        ['长期绩效指标', '一级指标', '二级指标', '三级指标', '指标值', '指标值确定依据', '指标分类'],
        [null, '运行成本', '公用经费控制', '公用经费控制率', '100%', '预算支出标准', '绩效基本型'],
      ]),
    );
    await c.check();
    const s = c.getState();
    expect(s.check?.coverage?.parts.filter((p) => !p.found).map((p) => p.part)).toEqual(['header', 'income', 'expense', 'projects', 'goals', 'annual']);
    expect(s.check?.issues.filter((i) => i.rule === 'form-part-missing')).toHaveLength(6);
    expect(s.message?.intent).not.toBe('success');
  });
});
