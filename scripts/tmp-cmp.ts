import ExcelJS from 'exceljs';
import { worksheetToGrid } from '../src/xlsx/to-grid';
import { loadSheet } from '../src/xlsx/load';
async function main() {
  const file = process.argv[2];
  const wb = new ExcelJS.Workbook(); await wb.xlsx.readFile(file);
  const { grid, sheet } = await loadSheet(file);
  const g0 = worksheetToGrid(wb.getWorksheet(sheet.name)!);
  let diff = 0;
  const keys = new Set([...g0.cells.keys(), ...grid.cells.keys()]);
  for (const k of keys) { const a = JSON.stringify(g0.cells.get(k)); const b = JSON.stringify(grid.cells.get(k)); if (a !== b) { if (diff++ < 10) console.log(k, a, b); } }
  console.log('cells', g0.cells.size, grid.cells.size, 'diff', diff, 'merges', g0.merges.length, grid.merges.length);
}
main();
