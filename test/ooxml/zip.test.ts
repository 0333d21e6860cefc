/** The bounded zip reader and the faithful writer, on archives made by Python's zipfile and by ourselves. */
import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import zlib from 'zlib';
import { openZip, readParts, writeZip, ZipError } from '../../src/ooxml/zip';
import { PAPER_XLSX } from '../support/forms';

const limits = (part: number, total: number) => ({ maxPartBytes: part, maxTotalBytes: total, maxEntries: 100 });

describe('readParts', () => {
  it('gives every part of a real workbook by name', async () => {
    const parts = readParts(await fs.readFile(PAPER_XLSX));
    expect([...parts.keys()]).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml']));
    expect(new TextDecoder().decode(parts.get('xl/workbook.xml'))).toContain('申报表');
  });

  it('reads an archive written by another zip implementation (Python zipfile, stored and deflated)', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jixiao-zip-'));
    const file = path.join(dir, 'py.zip');
    execFileSync('/usr/bin/python3', ['-c', `import zipfile\nz=zipfile.ZipFile(${JSON.stringify(file)},'w')\nz.writestr('a.txt','stored '*10, compress_type=zipfile.ZIP_STORED)\nz.writestr('b/c.xml','<x>'+'y'*5000+'</x>', compress_type=zipfile.ZIP_DEFLATED)\nz.close()`]);
    const parts = readParts(await fs.readFile(file));
    expect(new TextDecoder().decode(parts.get('a.txt'))).toBe('stored '.repeat(10));
    expect(parts.get('b/c.xml')!.length).toBe(5007);
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('stops inflating at the per-part limit even when the declared size lies', () => {
    const data = Buffer.alloc(4 * 2 ** 20, 0x41);
    const zip = Buffer.from(writeZip([{ name: 'big.xml', data }]));
    // Declare 100 bytes in the central directory: the bound must hold while inflating.
    const cd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(100, cd + 24);
    const archive = openZip(zip, limits(2 ** 20, 8 * 2 ** 20));
    expect(() => archive.read('big.xml')).toThrow(/超过 1 MB.*zip bomb/);
  });

  it('bounds the total over all parts read', () => {
    const part = Buffer.alloc(600 * 1024, 0x42);
    const zip = writeZip([{ name: 'a', data: part }, { name: 'b', data: part }]);
    const archive = openZip(zip, limits(2 ** 20, 2 ** 20));
    archive.read('a');
    expect(() => archive.read('b')).toThrow(/总量过大.*in total/);
  });

  it('names what is wrong with a file that is not a zip, truncated or encrypted', () => {
    expect(() => openZip(Buffer.from('plain text, not an archive at all'))).toThrow(/不是 zip 压缩包/);
    const zip = Buffer.from(writeZip([{ name: 'a.xml', data: Buffer.from('<a/>') }]));
    expect(() => openZip(zip.subarray(0, zip.length - 30))).toThrow(ZipError);
    const enc = Buffer.from(zip);
    enc.writeUInt16LE(1, enc.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 8);
    expect(() => openZip(enc)).toThrow(/已加密/);
  });

  it('a damaged part fails its checksum with a clear message', () => {
    const zip = Buffer.from(writeZip([{ name: 'a.xml', data: Buffer.from('<a>hello hello hello hello</a>') }]));
    const cd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(12345, cd + 16);
    expect(() => openZip(zip).read('a.xml')).toThrow(/校验失败/);
  });
});

describe('writeZip', () => {
  it('copies parts as stored, byte for byte, and round-trips new ones', async () => {
    const bytes = await fs.readFile(PAPER_XLSX);
    const src = openZip(bytes);
    const out = openZip(writeZip([...src.names().map((name) => ({ name, from: src })), { name: 'new.txt', data: Buffer.from('新的') }]));
    for (const name of src.names()) expect(Buffer.from(out.raw(name)).equals(Buffer.from(src.raw(name)))).toBe(true);
    expect(out.text('new.txt')).toBe('新的');
    expect(zlib.crc32(out.read('xl/workbook.xml'))).toBe(zlib.crc32(src.read('xl/workbook.xml')));
  });
});
