/**
 * Nothing lost in a written copy: fill, annotate and roll over every workbook of the corpus
 * (test/fixtures/corpus, written by openpyxl and LibreOffice; see scripts/gen-corpus.py).
 * For each file and command: IN byte-identical; every part outside the written cells' own parts byte-identical;
 * no formula lost; every note kept (ours after the user's text); protection, validations, names, breaks and
 * links unchanged; no style change on a cell the command did not write; annotate's new looks only on blamed cells.
 */
import { createHash } from 'crypto';
import { promises as fs, readdirSync } from 'fs';
import os from 'os';
import path from 'path';
import { check, fill, roll } from '../../src/engine';
import { toA1 } from '../../src/grid/address';
import { openPackage, relsPartOf, type SpreadsheetPackage } from '../../src/ooxml/package';
import { sheetToGrid } from '../../src/ooxml/sheet-grid';
import { attrs, elements, firstElement } from '../../src/ooxml/xml';
import { CORPUS, FILES, FORM, run } from './support';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jixiao-corpus-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Each cell's s attribute and whether it holds a formula, straight from the XML. */
function cellStyles(xml: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of xml.matchAll(/<c\s([^>]*?)\/?>/g)) {
    const a = attrs(m[0]);
    if (a.r) out.set(a.r, Number(a.s ?? 0));
  }
  return out;
}

function cellXfs(pkg: SpreadsheetPackage, xml?: string): string[] {
  const text = xml ?? pkg.text(pkg.stylesPart()!);
  const el = firstElement(text, 'cellXfs')!;
  return [...elements(text, 'xf', el.innerStart, el.end)].map((x) => text.slice(x.start, x.end));
}

function fillIdOf(xf: string): string {
  return attrs(xf).fillId ?? '0';
}

/** The elements that must come through unchanged, as text. */
function keptText(xml: string, names: string[]): string {
  return names.map((n) => [...elements(xml, n)].map((e) => xml.slice(e.start, e.end)).join('')).join('\n');
}

const SHEET_KEPT = ['sheetProtection', 'dataValidations', 'rowBreaks', 'colBreaks', 'hyperlinks', 'conditionalFormatting', 'mergeCells', 'pageSetup', 'printOptions', 'sheetViews', 'autoFilter', 'tableParts', 'drawing'];
const WORKBOOK_KEPT = ['definedNames', 'workbookProtection', 'bookViews', 'calcPr'];

type Command = 'fill' | 'annotate' | 'roll';
/**
 * Each command as run. The corpus forms are filed forms: their 合计 and 占比 are already there and right, so a
 * plain fill (or one overwriting values) writes nothing; `--formulas --overwrite` makes fill really write, live
 * formulas over the constants, into cells that share one style record with the whole form.
 */
const RUNS: [string, Command, string[]][] = [
  ['fill', 'fill', []],
  ['fill --formulas --overwrite', 'fill', ['--formulas', '--overwrite']],
  ['annotate', 'annotate', []],
  ['roll', 'roll', []],
];

describe.each(FILES)('%s', (file) => {
  const input = path.join(CORPUS, file);

  it.each(RUNS)('%s keeps everything it does not write', async (label, command, flags) => {
    const before = await fs.readFile(input);
    const out = path.join(dir, `${label.replace(/\W+/g, '-')}-${file}`);
    const r = await run(command, input, ...flags, '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBeLessThan(2);
    // IN byte-identical.
    expect(sha(await fs.readFile(input))).toBe(sha(before));

    const a = openPackage(before);
    const b = openPackage(await fs.readFile(out));
    const sheet = a.sheet(FORM)!;
    const grid = sheetToGrid(a, sheet.part!, FORM);
    // What the command was meant to write, from the engine itself.
    const written = new Set<string>();
    if (command === 'fill') {
      const overwrite = flags.includes('--overwrite');
      fill(grid, { mode: flags.includes('--formulas') ? 'formulas' : 'values', overwrite }).patch?.writes.forEach((w) => written.add(w.address));
      // An overwriting fill must really write here, or this case would prove nothing.
      if (overwrite) expect(written.size).toBeGreaterThan(0);
    }
    if (command === 'roll') roll(grid).patch?.writes.forEach((w) => written.add(w.address));
    const blamed = new Set<string>();
    if (command === 'annotate') check(grid).issues.forEach((i) => i.cells.forEach((c) => blamed.add(toA1(c))));

    // Every part outside the form sheet's own parts byte-identical; nothing dropped.
    const own = new Set([sheet.part!, relsPartOf(sheet.part!), a.stylesPart()!, '[Content_Types].xml']);
    for (const rel of a.rels(sheet.part!)) if (/\/(comments|vmlDrawing)$/.test(rel.type)) own.add(rel.target);
    if (command === 'annotate') {
      own.add(a.workbookPart);
      own.add(relsPartOf(a.workbookPart));
    }
    for (const name of a.zip.names()) {
      expect(b.zip.has(name)).toBe(true);
      if (!own.has(name)) expect([name, sha(b.zip.read(name))]).toEqual([name, sha(a.zip.read(name))]);
    }
    expect(path.extname(out)).toBe(path.extname(input));
    if (a.zip.has('xl/vbaProject.bin')) expect(b.text('[Content_Types].xml')).toContain('macroEnabled');

    // No formula lost, on any sheet; every note still there, the user's text first.
    for (const s of a.sheets.filter((x) => x.part)) {
      const ga = sheetToGrid(a, s.part!, s.name);
      const gb = sheetToGrid(b, s.part!, s.name);
      for (const [key, cell] of ga.cells) {
        if (cell.formula) expect([s.name, key, gb.cells.get(key)?.formula]).toEqual([s.name, key, cell.formula]);
        if (cell.note) expect(gb.cells.get(key)?.note?.startsWith(cell.note)).toBe(true);
      }
    }

    // Protection, validations, names, breaks, links and the rest unchanged.
    const sa = a.text(sheet.part!);
    const sb = b.text(sheet.part!);
    expect(keptText(sb, SHEET_KEPT)).toBe(keptText(sa, SHEET_KEPT));
    expect(keptText(b.text(b.workbookPart), WORKBOOK_KEPT)).toBe(keptText(a.text(a.workbookPart), WORKBOOK_KEPT));

    // Style records: the old ones untouched (new ones only appended); a cell gets another record only if written or blamed.
    const xfa = cellXfs(a);
    const xfb = cellXfs(b);
    expect(xfb.slice(0, xfa.length)).toEqual(xfa);
    const stA = cellStyles(sa);
    const stB = cellStyles(sb);
    for (const [ref, s] of stB) {
      const was = stA.get(ref) ?? 0;
      if (s === was) continue;
      if (command === 'annotate') {
        expect([ref, blamed.has(ref)]).toEqual([ref, true]);
        expect(fillIdOf(xfb[s])).not.toBe(fillIdOf(xfa[was] ?? xfa[0]));
      } else expect([ref, written.has(ref)]).toEqual([ref, true]);
    }
    if (command === 'annotate') {
      for (const ref of blamed) expect(stB.get(ref) ?? 0).not.toBe(stA.get(ref) ?? 0);
      // Only blamed cells changed look: the number of restyled cells is the number of blamed cells.
      const restyled = [...stB].filter(([ref, s]) => s !== (stA.get(ref) ?? 0)).length;
      expect(restyled).toBe(blamed.size);
    }
  });
});

it('the corpus holds what the issue lists', () => {
  const manifest = readdirSync(CORPUS);
  for (const name of ['cross-sheet', 'sum-totals', 'chart', 'image', 'conditional', 'validation', 'notes', 'threaded', 'hidden', 'names', 'print', 'frozen', 'shared-style', 'protection', 'rich-text', 'dates', 'links', 'autofilter', 'table', 'pivot', 'all-in-one', 'all-in-one-libreoffice']) {
    expect(manifest).toContain(`${name}.xlsx`);
  }
  expect(manifest).toContain('macro.xlsm');
});
