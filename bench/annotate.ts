/**
 * annotate on a 200,000-row form: time and peak memory of the whole command (read, check, patch, write) in a
 * process of its own, so the peak is the command's alone. The form is written once with ExcelJS's streaming
 * writer (values only: the form's labels and figures, no styles).
 */
import { execFileSync } from 'child_process';
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { buildTemplateDoc } from '../src/form/template';
import { rangeToA1 } from '../src/grid/address';
import { formOfRows } from './core';

async function writeLargeForm(file: string, rows: number): Promise<number> {
  const doc = buildTemplateDoc(formOfRows(rows));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  const ws = wb.addWorksheet(doc.grid.sheetName);
  const byRow = new Map<number, [number, unknown][]>();
  for (const [key, cell] of doc.grid.cells) {
    const [r, c] = key.split(',').map(Number);
    (byRow.get(r) ?? byRow.set(r, []).get(r)!).push([c, cell.formula ? { formula: cell.formula.slice(1) } : cell.value]);
  }
  for (const m of doc.grid.merges) ws.mergeCells(rangeToA1(m));
  for (let r = 0; r < doc.grid.rowCount; r++) {
    const row = ws.getRow(r + 1);
    for (const [c, v] of byRow.get(r) ?? []) row.getCell(c + 1).value = v as ExcelJS.CellValue;
    row.commit();
  }
  ws.commit();
  await wb.commit();
  return doc.grid.rowCount;
}

export async function benchAnnotateLarge(rows = 200000): Promise<string[]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jixiao-bench-annotate-'));
  try {
    const file = path.join(dir, `form-${rows}.xlsx`);
    const sheetRows = await writeLargeForm(file, rows);
    const size = (await fs.stat(file)).size;
    const out = execFileSync(process.execPath, [require.resolve('tsx/cli'), path.join(__dirname, 'annotate-child.ts'), 'annotate', file, '--out', path.join(dir, 'annotated.xlsx')], { encoding: 'utf8', maxBuffer: 2 ** 24 });
    const r = JSON.parse(out.trim().split('\n').pop()!) as { code: number; ms: number; peakMB: number };
    const outSize = (await fs.stat(path.join(dir, 'annotated.xlsx'))).size;
    return [
      `## annotate at scale (one process; peak = max resident memory)`,
      `  ${sheetRows} rows (${(size / 2 ** 20).toFixed(1)} MB .xlsx): annotate ${(r.ms / 1000).toFixed(1)} s, peak ${r.peakMB.toFixed(0)} MB, exit ${r.code}, copy ${(outSize / 2 ** 20).toFixed(1)} MB`,
    ];
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const rows = Number(process.argv[2] ?? 200000);
  benchAnnotateLarge(rows).then((lines) => console.log(lines.join('\n')));
}
