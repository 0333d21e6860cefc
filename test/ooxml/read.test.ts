/** The direct reader against ExcelJS's reading of the same files, and on what ExcelJS could not read. */
import ExcelJS from 'exceljs';
import { promises as fs, readdirSync } from 'fs';
import path from 'path';
import { openPackage } from '../../src/ooxml/package';
import { sheetToGrid } from '../../src/ooxml/sheet-grid';
import { translateFormula } from '../../src/ooxml/formula';
import { worksheetToGrid } from '../../src/xlsx/to-grid';
import { check } from '../../src/engine';
import { PAPER_XLSX } from '../support/forms';

const CORPUS = path.join(__dirname, '..', 'fixtures', 'corpus');

async function both(file: string, sheet = '申报表') {
  const bytes = await fs.readFile(file);
  const pkg = openPackage(bytes);
  const direct = sheetToGrid(pkg, pkg.sheet(sheet)!.part!, sheet);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return { direct, exceljs: worksheetToGrid(wb.getWorksheet(sheet)!) };
}

describe('the direct reader', () => {
  it.each(['paper', 'base.xlsx', 'sum-totals.xlsx', 'dates.xlsx', 'rich-text.xlsx', 'shared-style.xlsx', 'names.xlsx'])('reads %s cell for cell as ExcelJS does', async (name) => {
    const { direct, exceljs } = await both(name === 'paper' ? PAPER_XLSX : path.join(CORPUS, name));
    // ExcelJS turns date cells into Date objects and back, which moves the last bit of a time of day.
    const norm = (g: typeof direct) => [...g.cells.entries()].sort().map(([k, c]) => [k, typeof c.value === 'number' ? { ...c, value: Number(c.value.toPrecision(12)) } : c]);
    expect(norm(direct)).toEqual(norm(exceljs));
    expect(direct.merges).toEqual(expect.arrayContaining(exceljs.merges));
    expect(direct.merges).toHaveLength(exceljs.merges.length);
  });

  it.each(readdirSync(CORPUS).filter((f) => /\.xls[xm]$/.test(f)))('finds the form in %s with the paper form\'s findings', async (name) => {
    const pkg = openPackage(await fs.readFile(path.join(CORPUS, name)));
    const grid = sheetToGrid(pkg, pkg.sheet('申报表')!.part!, '申报表');
    const result = check(grid);
    expect(result.found).toBe(true);
    expect(result.issues.length).toBeGreaterThan(5);
  });

  it('flattens rich text and keeps notes', async () => {
    const pkg = openPackage(await fs.readFile(path.join(CORPUS, 'rich-text.xlsx')));
    const grid = sheetToGrid(pkg, pkg.sheet('申报表')!.part!, '申报表');
    expect(String(grid.cells.get('13,1')?.value)).toMatch(/^1\.负责市直党政机关/);
    const notes = openPackage(await fs.readFile(path.join(CORPUS, 'notes.xlsx')));
    expect(sheetToGrid(notes, notes.sheet('申报表')!.part!, '申报表').cells.get('12,3')?.note).toBe('与财政批复核对一致');
  });

  it('expands shared formulas cell by cell, leaving $-anchored parts and string literals', () => {
    expect(translateFormula('SUM(D6:D8)', 0, 2)).toBe('SUM(F6:F8)');
    expect(translateFormula('$A$1+A1+"A1"+\'B 2\'!B2+LOG10(C3)', 1, 1)).toBe('$A$1+B2+"A1"+\'B 2\'!C3+LOG10(D4)');
  });
});
