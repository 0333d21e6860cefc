/**
 * A worksheet written by the patcher is held in parts (before, inside, after its sheet data) until the
 * package is written: what the copy reads must be what one whole text would have given.
 */
import { openPackage } from '../../src/ooxml/package';
import { PackagePatcher } from '../../src/ooxml/patcher';
import { patchSheetParts, patchSheetXml, joinSheetParts } from '../../src/ooxml/sheet-patch';
import { firstElement } from '../../src/ooxml/xml';
import { writeZip } from '../../src/ooxml/zip';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_RELS = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"';

const SHEET = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><dimension ref="A1:B2"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>指标</t></is></c><c r="B1"><v>1</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>年度</t></is></c><c r="B2" s="1"><v>2</v></c></row></sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;

function workbook(sheet = SHEET): Uint8Array {
  const enc = (s: string) => Buffer.from(s, 'utf8');
  return writeZip(
    [
      ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'],
      ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships ${PKG_RELS}><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
      ['xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><sheets><sheet name="申报表" sheetId="1" r:id="rId1"/></sheets></workbook>`],
      ['xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships ${PKG_RELS}><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`],
      ['xl/styles.xml', `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}><fonts count="1"><font><sz val="11"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1"/></xf></cellXfs></styleSheet>`],
      ['xl/worksheets/sheet1.xml', sheet],
    ].map(([name, text]) => ({ name, data: enc(text) })),
  );
}

const sheetOf = (bytes: Uint8Array) => openPackage(bytes).text('xl/worksheets/sheet1.xml');

describe('a worksheet held in parts', () => {
  it('joins to the text a whole-text patch gives, the dimension widened', () => {
    const edits = [{ row: 4, col: 3, kind: 'value' as const, value: '新值' }];
    const { parts } = patchSheetParts(SHEET, edits);
    expect(joinSheetParts(parts)).toBe(patchSheetXml(SHEET, edits).xml);
    expect(parts.head).toContain('<dimension ref="A1:D5"/>');
    expect(parts.foot.startsWith('</sheetData>')).toBe(true);
    // The rows before the written one are the text as read.
    expect(parts.body.join('')).toContain('<row r="1"><c r="A1" t="inlineStr"><is><t>指标</t></is></c><c r="B1"><v>1</v></c></row>');
  });

  it('writes a copy with the cell, its fill and its note, the drawing after the sheet data', () => {
    const patcher = new PackagePatcher(openPackage(workbook()));
    const pkg = patcher.pkg;
    patcher.writeCells(pkg.sheet('申报表')!, [{ address: 'B2', fill: 'FFFFC7CE', note: '应为数值' }, { address: 'D5', content: { value: 7969.3 } }]);
    const xml = sheetOf(patcher.toBytes());
    expect(xml).toContain('<dimension ref="A1:D5"/>');
    expect(xml).toContain('<c r="D5"><v>7969.3</v></c>');
    const data = firstElement(xml, 'sheetData')!;
    const drawing = firstElement(xml, 'legacyDrawing')!;
    expect(drawing.start).toBeGreaterThan(data.end);
    expect(xml.endsWith('</worksheet>')).toBe(true);
    expect(patcher.touchedParts()).toContain('xl/worksheets/sheet1.xml');
  });

  it('copies the sheet as stored when the writes leave its text as it was', () => {
    const bytes = workbook();
    const patcher = new PackagePatcher(openPackage(bytes));
    // A number format the cell already shows: no new style, the row rewritten to the same text.
    patcher.writeCells(patcher.pkg.sheet('申报表')!, [{ address: 'A1', numberFormat: 'General' }]);
    expect(patcher.touchedParts()).not.toContain('xl/worksheets/sheet1.xml');
    expect(sheetOf(patcher.toBytes())).toBe(SHEET);
  });
});
