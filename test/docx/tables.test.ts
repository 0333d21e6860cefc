/** Word tables into grids: spans, vertical merges, skipped grid columns, several paragraphs per cell. */
import { promises as fs } from 'fs';
import path from 'path';
import { readDocxTables, tablesOfDocumentXml, docxAddress, DocxReadError } from '../../src/docx/tables';
import { boundedParts, type OpenParts } from '../../src/docx/parts';
import { openZip, writeZip, ZLIB_INFLATER, ZipError } from '../../src/ooxml/zip';
import { PAPER_XLSX } from '../support/forms';
import { bombPackage, DOCX_SHELL } from '../support/zip-bomb';
import { getCell, getValue } from '../../src/grid/grid';
import { rangeToA1 } from '../../src/grid/address';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (...runs: string[]) => `<w:p>${runs.map((r) => `<w:r><w:t xml:space="preserve">${r}</w:t></w:r>`).join('')}</w:p>`;
const tc = (body: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${body}</w:tc>`;
const tr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
/** A document with a title paragraph and one table of the given rows. */
const doc = (...rows: string[]) => `<?xml version="1.0"?><w:document ${W}><w:body>${p('标题')}<w:tbl>${rows.join('')}</w:tbl></w:body></w:document>`;

describe('tablesOfDocumentXml', () => {
  it('places cells by w:gridSpan and w:gridBefore, and merges w:vMerge runs down a column', () => {
    const xml = doc(
      tr(tc(p('部门总体', '资金情况'), '<w:vMerge w:val="restart"/>'), tc(p('总体资金情况'), '<w:gridSpan w:val="2"/>'), tc(p('当年金额'))),
      tr(tc(p(''), '<w:vMerge/>'), tc(p('收入')), tc(p('财政拨款')), tc(p('7969.3'))),
      `<w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr>${tc(p('合  计'))}${tc(p('　100%'))}</w:tr>`,
    );
    const [grid] = tablesOfDocumentXml(xml);
    expect(grid.sheetName).toBe('表1');
    expect(getValue(grid, { row: 0, col: 0 })).toBe('部门总体资金情况');
    expect(getValue(grid, { row: 0, col: 1 })).toBe('总体资金情况');
    expect(getValue(grid, { row: 0, col: 3 })).toBe('当年金额');
    expect(getValue(grid, { row: 1, col: 3 })).toBe(7969.3);
    expect(getValue(grid, { row: 2, col: 2 })).toBe('合  计');
    // A percentage with a stray full-width space stays text, as typed.
    expect(getValue(grid, { row: 2, col: 3 })).toBe('　100%');
    expect(grid.merges.map(rangeToA1).sort()).toEqual(['A1:A2', 'B1:C1']);
  });

  it('joins a cell’s paragraphs and w:br with line breaks, w:tab with a tab; decodes entities', () => {
    const body = `${p('部门（单位）')}${p('名称')}<w:p><w:r><w:t>a&amp;b</w:t><w:br/><w:t>c</w:t><w:tab/><w:t>d</w:t></w:r></w:p>`;
    const [grid] = tablesOfDocumentXml(doc(tr(tc(body))));
    expect(getValue(grid, { row: 0, col: 0 })).toBe('部门（单位）\n名称\na&b\nc\td');
  });

  it('reads numbers and percentages as numbers (Word has only text), other text as text', () => {
    const [grid] = tablesOfDocumentXml(doc(tr(tc(p('9.46%')), tc(p('-37%')), tc(p('754.14')), tc(p('55种')), tc(p('2023年')))));
    expect(getCell(grid, { row: 0, col: 0 })).toEqual({ value: 0.0946, numberFormat: '0.00%' });
    expect(getCell(grid, { row: 0, col: 1 })).toEqual({ value: -0.37, numberFormat: '0%' });
    expect(getValue(grid, { row: 0, col: 2 })).toBe(754.14);
    expect(getValue(grid, { row: 0, col: 3 })).toBe('55种');
    expect(getValue(grid, { row: 0, col: 4 })).toBe('2023年');
  });

  it('a vertical merge ends at a cell that does not continue it', () => {
    const xml = doc(tr(tc(p('A'), '<w:vMerge w:val="restart"/>')), tr(tc(p(''), '<w:vMerge/>')), tr(tc(p('B'))), tr(tc(p(''), '<w:vMerge/>')));
    const [grid] = tablesOfDocumentXml(xml);
    expect(grid.merges.map(rangeToA1)).toEqual(['A1:A2']);
    expect(getValue(grid, { row: 2, col: 0 })).toBe('B');
  });

  it('each table is its own grid, nested tables too, in document order', () => {
    const nested = `<w:tbl>${tr(tc(p('内')))}</w:tbl>`;
    const second = `<w:tbl>${tr(tc(p('二')))}</w:tbl>`;
    const xml = doc(tr(tc(p('一'))), tr(tc(`${p('外')}${nested}`))).replace('</w:body>', `${p('间隔')}${second}</w:body>`);
    const grids = tablesOfDocumentXml(xml);
    expect(grids.map((g) => g.sheetName)).toEqual(['表1', '表2', '表3']);
    const texts = grids.map((g) => [...g.cells.values()].map((c) => c.value));
    // A nested table closes first; the outer one keeps its own cells.
    expect(texts).toEqual([['内'], ['一', '外'], ['二']]);
  });
});

describe('readDocxTables', () => {
  it('reads word/document.xml through the parts interface', async () => {
    const open: OpenParts = async () => async (path) => (path === 'word/document.xml' ? doc(tr(tc(p('x')))) : null);
    const [grid] = await readDocxTables(new Uint8Array(), open);
    expect(getValue(grid, { row: 0, col: 0 })).toBe('x');
  });

  it('reads a real zip through the bounded reader, with the portable inflater and with zlib', async () => {
    const bytes = writeZip([{ name: 'word/document.xml', data: Buffer.from(doc(tr(tc(p('填报人')), tc(p('罗莉'))))) }]);
    for (const open of [undefined, boundedParts(ZLIB_INFLATER)]) {
      const [grid] = await readDocxTables(bytes, open);
      expect(getValue(grid, { row: 0, col: 1 })).toBe('罗莉');
    }
  });

  it('says what is wrong with a file that is not a .docx', async () => {
    await expect(readDocxTables(new TextEncoder().encode('not a zip'))).rejects.toThrow(DocxReadError);
    await expect(readDocxTables(new TextEncoder().encode('not a zip'))).rejects.toThrow(/不是 zip 压缩包.*not a zip archive/);
    const other = writeZip([{ name: 'other.xml', data: Buffer.from('<x/>') }]);
    await expect(readDocxTables(other)).rejects.toThrow(/word\/document\.xml/);
  });

  it('names cells as 表1!R3C4', () => {
    expect(docxAddress('表1', { row: 2, col: 3 })).toBe('表1!R3C4');
  });
});

/** What the zip layer says about `bytes` read as a workbook would be (ZLIB_INFLATER, the command line's). */
function zipMessage(bytes: Uint8Array, part: string): string {
  try {
    openZip(bytes).read(part);
  } catch (e) {
    expect(e).toBeInstanceOf(ZipError);
    return (e as Error).message;
  }
  throw new Error('the zip layer read it');
}

describe('a hostile .docx gets the bounds and the words of a hostile workbook', () => {
  const FORM_DOCX = path.join(__dirname, '..', 'fixtures', 'renditions', 'form-word.docx');
  const opens = [
    ['in the browser (portable inflater)', undefined],
    ['on the command line (zlib)', boundedParts(ZLIB_INFLATER)],
  ] as const;

  it.each(opens)('a zip bomb is refused at the per-part limit, %s', async (_, open) => {
    const bomb = bombPackage(DOCX_SHELL, 'word/document.xml', 210);
    const err = await readDocxTables(bomb, open).catch((e: Error) => e);
    expect(err).toBeInstanceOf(DocxReadError);
    expect((err as Error).message).toMatch(/超过 200 MB.*zip bomb/);
    expect((err as Error).message).toBe(zipMessage(bomb, 'word/document.xml'));
  });

  it.each(opens)('a zip bomb whose header lies is stopped while inflating, %s', async (_, open) => {
    // Declared as 1 KB: only the bound enforced during inflation stops it.
    const bomb = bombPackage(DOCX_SHELL, 'word/document.xml', 210, 1024);
    const err = await readDocxTables(bomb, open).catch((e: Error) => e);
    expect((err as Error).message).toMatch(/超过 200 MB.*zip bomb/);
    expect((err as Error).message).toBe(zipMessage(bomb, 'word/document.xml'));
  });

  it.each(opens)('a truncated .docx says so as a truncated .xlsx does, %s', async (_, open) => {
    const docx = await fs.readFile(FORM_DOCX);
    const xlsx = await fs.readFile(PAPER_XLSX);
    const cut = (b: Buffer) => b.subarray(0, Math.floor(b.length * 0.6));
    const err = await readDocxTables(cut(docx), open).catch((e: Error) => e);
    expect(err).toBeInstanceOf(DocxReadError);
    expect((err as Error).message).toMatch(/文件已损坏或不完整.*truncated/);
    expect((err as Error).message).toBe(zipMessage(cut(xlsx), 'xl/workbook.xml'));
  });

  it('a damaged part fails its checksum, as in a workbook', async () => {
    const bytes = Buffer.from(writeZip([{ name: 'word/document.xml', data: Buffer.from(doc(tr(tc(p('x'))))) }]));
    bytes.writeUInt32LE(12345, bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 16);
    await expect(readDocxTables(bytes)).rejects.toThrow(/部件 word\/document\.xml 校验失败.*fails its checksum/);
  });
});

