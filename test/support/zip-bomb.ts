/**
 * Zip bombs for tests, made cheaply: `size` zeros deflate as the same 1 MB full-flush chunk repeated (each
 * chunk ends byte-aligned with no back-reference into the one before, so the copies concatenate into one valid
 * DEFLATE stream), then a final empty block. A 210 MB part costs about 1 KB per MB and no big deflate.
 */
import zlib from 'zlib';
import { writeZip } from '../../src/ooxml/zip';

const MB = 2 ** 20;

/** `mb` megabytes of zeros as raw DEFLATE, with their CRC-32. */
export function deflatedZeros(mb: number): { deflated: Buffer; crc: number; size: number } {
  const zeros = Buffer.alloc(MB);
  const chunk = zlib.deflateRawSync(zeros, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const last = zlib.deflateRawSync(Buffer.alloc(0));
  let crc = 0;
  for (let i = 0; i < mb; i++) crc = zlib.crc32(zeros, crc);
  return { deflated: Buffer.concat([...Array.from({ length: mb }, () => chunk), last]), crc: crc >>> 0, size: mb * MB };
}

/**
 * A package of the given small parts plus `bombName` holding `mb` MB of zeros, deflated. `declare` is the size
 * written in its headers: the real one by default, or a lie to get past a reader's declared-size check.
 */
export function bombPackage(parts: Record<string, string>, bombName: string, mb: number, declare?: number): Buffer {
  const { deflated, crc, size } = deflatedZeros(mb);
  const head = Buffer.from(writeZip(Object.entries(parts).map(([name, text]) => ({ name, data: Buffer.from(text) }))));
  const endAt = head.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = head.readUInt16LE(endAt + 10);
  const cdSize = head.readUInt32LE(endAt + 12);
  const cdOffset = head.readUInt32LE(endAt + 16);
  const name = Buffer.from(bombName, 'utf8');
  const declared = declare ?? size;
  // Local header (APPNOTE 4.3.7) and central record (4.3.12) of the bomb, appended after the small parts.
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(deflated.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(deflated.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(cdOffset, 42);
  const cd = Buffer.concat([head.subarray(cdOffset, cdOffset + cdSize), central, name]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count + 1, 8);
  end.writeUInt16LE(count + 1, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(cdOffset + local.length + name.length + deflated.length, 16);
  return Buffer.concat([head.subarray(0, cdOffset), local, name, deflated, cd, end]);
}

/** The parts of a minimal .docx around its word/document.xml. */
/** The parts of a workbook around its one worksheet (the bomb goes in as xl/worksheets/sheet1.xml). */
export const XLSX_SHELL: Record<string, string> = {
  '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
  '_rels/.rels':
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  'xl/workbook.xml':
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels':
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
};

export const DOCX_SHELL: Record<string, string> = {
  '[Content_Types].xml':
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  '_rels/.rels':
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
};
