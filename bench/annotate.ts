/**
 * annotate on a 200,000-row form: time and peak memory of the whole command (read, check, patch, write) in a
 * process of its own, so the peak is the command's alone. The input is written straight as SpreadsheetML (inline
 * strings, numbers, merges, one style record shared by every cell, as openpyxl and Excel write a uniform form):
 * ExcelJS takes minutes and gigabytes to write a sheet this size.
 */
import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { buildTemplateDoc } from '../src/form/template';
import { columnName, rangeToA1 } from '../src/grid/address';
import { isCellError } from '../src/grid/types';
import { escapeXml } from '../src/ooxml/xml';
import { writeZip } from '../src/ooxml/zip';
import { formOfRows } from './core';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const PKG_RELS = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

async function writeLargeForm(file: string, rows: number): Promise<number> {
  const doc = buildTemplateDoc(formOfRows(rows));
  const byRow = new Map<number, string[]>();
  for (const [key, cell] of doc.grid.cells) {
    const [r, c] = key.split(',').map(Number);
    const ref = `${columnName(c)}${r + 1}`;
    const v = cell.value;
    const xml =
      typeof v === 'number'
        ? `<c r="${ref}" s="1"><v>${v}</v></c>`
        : v === null || isCellError(v) || typeof v === 'boolean'
          ? `<c r="${ref}" s="1"/>`
          : `<c r="${ref}" s="1" t="inlineStr"><is><t>${escapeXml(v)}</t></is></c>`;
    (byRow.get(r) ?? byRow.set(r, []).get(r)!).push(xml);
  }
  const sheetRows: string[] = [];
  for (let r = 0; r < doc.grid.rowCount; r++) if (byRow.has(r)) sheetRows.push(`<row r="${r + 1}">${byRow.get(r)!.join('')}</row>`);
  const merges = doc.grid.merges.map((m) => `<mergeCell ref="${rangeToA1(m)}"/>`).join('');
  const enc = (s: string) => Buffer.from(s, 'utf8');
  const parts: [string, string][] = [
    ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'],
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships ${PKG_RELS}><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><sheets><sheet name="${doc.grid.sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships ${PKG_RELS}><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`],
    ['xl/styles.xml', `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1"/></xf></cellXfs></styleSheet>`],
    ['xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${sheetRows.join('')}</sheetData>${merges ? `<mergeCells count="${doc.grid.merges.length}">${merges}</mergeCells>` : ''}</worksheet>`],
  ];
  await fs.writeFile(file, writeZip(parts.map(([name, text]) => ({ name, data: enc(text) }))));
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
