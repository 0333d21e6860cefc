/**
 * The sample and the blank template printed through LibreOffice to PDF: no printed line of text lands on
 * another (row heights follow wrapped text). The same form with the computed heights taken out is printed
 * beside them, to show that the check sees overlapping text when there is some.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { main } from '../src/cli/main';
import { buildTemplate } from '../src/engine';
import { writeTemplate } from '../src/xlsx/write-template';
import { PAPER_XLSX } from './support/forms';
import { overlappingWords, printedWords, printToPdf, type PrintedWord } from './support/print';

jest.setTimeout(300_000);

const dir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-print-'));
const io = { out: () => {}, err: () => {}, isTTY: false };
let printed: Record<'sample' | 'blank' | 'unsized' | 'review', PrintedWord[]>;

beforeAll(async () => {
  const sample = path.join(dir, 'sample.xlsx');
  const blank = path.join(dir, 'blank.xlsx');
  const unsized = path.join(dir, 'unsized.xlsx');
  expect(await main(['template', '--sample', '--out', sample], io)).toBe(0);
  expect(await main(['template', '--year', '2027', '--out', blank], io)).toBe(0);
  const wb = new ExcelJS.Workbook();
  writeTemplate(wb, { ...buildTemplate({ sample: true }), rowHeights: {} });
  await wb.xlsx.writeFile(unsized);
  // A review of eight copies of the paper form: over a hundred issue rows, several printed pages.
  const forms = path.join(dir, 'forms');
  await fs.mkdir(forms);
  for (let i = 0; i < 8; i++) await fs.copyFile(PAPER_XLSX, path.join(forms, `paper-${i}.xlsx`));
  const review = path.join(dir, 'review.xlsx');
  expect(await main(['review', forms, '--out', review], io)).toBe(1);
  const [a, b, c, d] = printToPdf([sample, blank, unsized, review], dir);
  printed = { sample: printedWords(a), blank: printedWords(b), unsized: printedWords(c), review: printedWords(d) };
});

const texts = (pairs: [PrintedWord, PrintedWord][]) => pairs.map(([a, b]) => `p${a.page} “${a.text.slice(0, 16)}” over “${b.text.slice(0, 16)}”`);

describe('printing through LibreOffice', () => {
  it('prints the sample with no text over another row', () => {
    expect(printed.sample.some((w) => w.text.includes('公物仓日常运行维护'))).toBe(true);
    expect(printed.sample.some((w) => w.text.includes('长期目标（截止2025年）'))).toBe(true);
    expect(texts(overlappingWords(printed.sample))).toEqual([]);
  });

  it('prints the blank template with no text over another row, and the long-term horizon filled in', () => {
    expect(printed.blank.some((w) => w.text.includes('长期目标（截止2030年）'))).toBe(true);
    expect(printed.blank.some((w) => /截止\s*年/.test(w.text))).toBe(false);
    expect(texts(overlappingWords(printed.blank))).toEqual([]);
  });

  it('sees the overlap when the rows keep their default height', () => {
    const overlaps = texts(overlappingWords(printed.unsized));
    expect(overlaps.length).toBeGreaterThan(5);
    expect(overlaps.join('\n')).toMatch(/滨湖大厦|综合服务楼|市直/);
  });

  it('prints the review workbook on A4 landscape, every column on each page, the header row on every page', () => {
    const pages = [...new Set(printed.review.map((w) => w.page))];
    const on = (page: number) => printed.review.filter((w) => w.page === page).map((w) => w.text);
    const detailPages = pages.filter((p) => on(p).some((t) => t.includes('检查项')));
    expect(detailPages.length).toBeGreaterThan(1);
    for (const p of pages) {
      const w = printed.review.find((x) => x.page === p)!;
      expect({ p, size: [Math.round(w.pageWidth), Math.round(w.pageHeight)] }).toEqual({ p, size: [842, 595] });
      expect({ p, header: on(p).some((t) => t === '文件') }).toEqual({ p, header: true });
    }
    // 问题明细's columns are never split over pages: each of its pages carries all nine headers.
    for (const p of detailPages) expect({ p, headers: ['文件', '类型', '状态', '部分', '单元格', '问题', '应为', '检查项', '审核说明'].filter((h) => !on(p).includes(h)) }).toEqual({ p, headers: [] });
    expect(texts(overlappingWords(printed.review))).toEqual([]);
  });
});
