/**
 * The bad-input corpus: workbooks a reviewer really receives (empty, no form, typed entirely as text, error
 * values, absurd amounts, huge, protected, encrypted, corrupt, sections moved about), generated — never
 * hand-edited — by `npm run fixtures` into test/fixtures/bad/ and by the tests into a temporary folder.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import path from 'path';
import { buildTemplateDoc } from '../../src/form/template';
import { writeTemplate } from '../../src/xlsx/write-template';
import { cleanForm, copyForm } from './forms';
import type { AnnualRow, FormData, LongTermRow } from '../../src/form/form-data';
import { emptyGrid, setCell, getCell } from '../../src/grid/grid';
import { writeGridCells } from '../../src/xlsx/from-grid';
import { rangeToA1 } from '../../src/grid/address';
import type { Grid } from '../../src/grid/types';

async function save(wb: ExcelJS.Workbook, file: string): Promise<void> {
  await wb.xlsx.writeFile(file);
}

function formWorkbook(form: FormData): { wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet } {
  const wb = new ExcelJS.Workbook();
  const ws = writeTemplate(wb, buildTemplateDoc(form));
  return { wb, ws };
}

/** The clean form grown to `projects` projects and about `indicators` indicator rows in each table. */
export function largeForm(projects: number, indicators: number): FormData {
  const f = copyForm(cleanForm());
  f.projects = Array.from({ length: projects }, (_, i) => ({ name: `项目${i + 1}`, category: '运转类', total: '2', current: '1', purpose: '日常运转' }));
  const longTerm: LongTermRow[] = [];
  const annual: AnnualRow[] = [];
  // Spread the rows over the 43 indicators of the skeleton in runs, as a long real table has them:
  // each 一级/二级 keeps many 三级 rows together (and one merged label cell each).
  for (let i = 0; i < indicators; i++) {
    const base = f.longTerm[Math.floor((i * f.longTerm.length) / indicators)];
    const name = `${base[2]}-${i + 1}`;
    longTerm.push([base[0], base[1], name, base[3], base[4], base[5]]);
    annual.push([base[0], base[1], name, base[3], base[3], base[3], base[4], base[5]]);
  }
  f.longTerm = longTerm;
  f.annual = annual;
  return f;
}

/** Whole sections cut and pasted elsewhere: the indicator tables above the funding table, projects last. */
export function movedSections(source: Grid): Grid {
  const blocks = [
    { from: 36, to: 200, at: 0 }, // goals and both indicator tables first
    { from: 0, to: 16, at: 170 }, // then the header, funding and texts
    { from: 16, to: 36, at: 190 }, // projects last
  ];
  const out = emptyGrid(source.sheetName);
  for (const [key, cell] of source.cells) {
    const [r, c] = key.split(',').map(Number);
    const b = blocks.find((x) => r >= x.from && r < x.to)!;
    setCell(out, { row: r - b.from + b.at, col: c }, { ...cell });
  }
  out.merges = source.merges.map((m) => {
    const b = blocks.find((x) => m.top >= x.from && m.top < x.to)!;
    return { ...m, top: m.top - b.from + b.at, bottom: m.bottom - b.from + b.at };
  });
  return out;
}

function gridWorkbook(grid: Grid): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(grid.sheetName);
  writeGridCells(ws, grid);
  for (const m of grid.merges) ws.mergeCells(rangeToA1(m));
  return wb;
}

export const BAD_INPUTS = [
  'empty.xlsx',
  'no-form.xlsx',
  'all-text.xlsx',
  'error-values.xlsx',
  'extreme-amounts.xlsx',
  'large.xlsx',
  'protected.xlsx',
  'encrypted.xlsx',
  'corrupt.xlsx',
  'moved-sections.xlsx',
] as const;

export async function writeBadInputs(dir: string): Promise<Record<(typeof BAD_INPUTS)[number], string>> {
  await fs.mkdir(dir, { recursive: true });
  const at = (name: string) => path.join(dir, name);

  const empty = new ExcelJS.Workbook();
  empty.addWorksheet('Sheet1');
  await save(empty, at('empty.xlsx'));

  const noForm = new ExcelJS.Workbook();
  const nf = noForm.addWorksheet('工资表');
  nf.addRow(['姓名', '基本工资', '绩效工资']);
  nf.addRow(['张三', 5000, 1200]);
  await save(noForm, at('no-form.xlsx'));

  // Every number typed as text, some with full-width digits and trailing ideographic spaces.
  const text = formWorkbook(cleanForm());
  text.ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (typeof cell.value === 'number') {
        const s = cell.numFmt?.includes('%') ? `${+(cell.value * 100).toFixed(2)}%` : String(cell.value);
        cell.value = s.replace(/7/g, '７') + '　';
        cell.numFmt = '@';
      }
    }),
  );
  await save(text.wb, at('all-text.xlsx'));

  const errors = formWorkbook(cleanForm());
  errors.ws.getCell('D10').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
  errors.ws.getCell('E11').value = { formula: 'D11/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
  await save(errors.wb, at('error-values.xlsx'));

  const extreme = copyForm(cleanForm());
  extreme.funding.expense.items.personnel.current = '1000000000000000';
  extreme.funding.expense.items.operating.current = '-103.11';
  await save(formWorkbook(extreme).wb, at('extreme-amounts.xlsx'));

  await save(formWorkbook(largeForm(1000, 2500)).wb, at('large.xlsx'));

  const prot = formWorkbook(cleanForm());
  await prot.ws.protect('secret', { selectLockedCells: true });
  await save(prot.wb, at('protected.xlsx'));

  // An encrypted .xlsx is an OLE compound file, not a zip: its first eight bytes are D0 CF 11 E0 A1 B1 1A E1.
  const ole = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
  Buffer.from('EncryptionInfo', 'utf16le').copy(ole, 1024);
  await fs.writeFile(at('encrypted.xlsx'), ole);

  const good = await fs.readFile(at('empty.xlsx'));
  await fs.writeFile(at('corrupt.xlsx'), good.subarray(0, Math.floor(good.length / 2)));

  const moved = formWorkbook(cleanForm());
  const { worksheetToGrid } = await import('../../src/xlsx/to-grid');
  await save(gridWorkbook(movedSections(worksheetToGrid(moved.ws))), at('moved-sections.xlsx'));

  return Object.fromEntries(BAD_INPUTS.map((n) => [n, at(n)])) as Record<(typeof BAD_INPUTS)[number], string>;
}

export { getCell };
