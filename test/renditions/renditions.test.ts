/**
 * The filed form as other programs hand it over: an HTML table (row and column spans, <br> line breaks,
 * the seed's full-width spaces) opened by LibreOffice Calc (lines kept in a cell), imported by Calc as a
 * web query (each line on its own row, as a pasted Word table), and saved as .docx by LibreOffice Writer;
 * once with aligned columns and once with Word's per-row cell boundaries (headers a column off their
 * data, the two indicator tables on different boundaries). Each must give the findings paper.xlsx gives.
 */
import { promises as fs } from 'fs';
import { checkFixture, fixture, meaning, REVIEWER_FINDINGS } from './support';
import { PAPER_XLSX } from '../support/forms';
import type { CheckResult } from '../../src/engine';
import { openDocument } from '../../src/cli/documents';
import { getValue } from '../../src/grid/grid';
import { openZip } from '../../src/ooxml/zip';

const RENDITIONS = ['form-calc.xlsx', 'form-pasted.xlsx', 'form-word-calc.xlsx', 'form-word-pasted.xlsx', 'form.docx', 'form-word.docx'];

let paper: CheckResult;
beforeAll(async () => {
  [paper] = await checkFixture(PAPER_XLSX);
});

describe.each(RENDITIONS)('%s', (name) => {
  let result: CheckResult;
  let all: CheckResult[];
  beforeAll(async () => {
    all = await checkFixture(fixture(name));
    result = all[0];
  });

  it('was written by LibreOffice, not by us', async () => {
    const zip = openZip(await fs.readFile(fixture(name)));
    const app = zip.has('docProps/app.xml') ? zip.text('docProps/app.xml') : '';
    expect(app).toMatch(/LibreOffice/);
  });

  it('holds one form, read whole: every part found', () => {
    expect(all).toHaveLength(1);
    expect(result.found).toBe(true);
    expect(result.coverage.parts.filter((p) => !p.found).map((p) => p.part)).toEqual([]);
    expect(result.coverage.complete).toBe(true);
  });

  it('finds the seven findings a reviewer makes', () => {
    for (const want of REVIEWER_FINDINGS) {
      expect({ want: `${want.rule} ${want.about}`, hit: result.issues.some((i) => i.rule === want.rule && want.about.test(meaning(i))) }).toEqual({ want: `${want.rule} ${want.about}`, hit: true });
    }
  });

  it('reports the errors paper.xlsx has, by meaning, and no other', () => {
    const errors = (r: CheckResult) => r.issues.filter((i) => i.severity === 'error').map(meaning).sort();
    expect(errors(result)).toEqual(errors(paper));
  });

  it('keeps every warning paper.xlsx has (the extra ones are the seed’s stray and full-width spaces)', () => {
    const warnings = new Set(result.issues.filter((i) => i.severity === 'warning').map(meaning));
    expect(paper.issues.filter((i) => i.severity === 'warning').map(meaning).filter((k) => !warnings.has(k))).toEqual([]);
    const extra = result.issues.filter((i) => i.severity === 'warning' && !paper.issues.some((p) => p.key === i.key));
    expect([...new Set(extra.map((i) => i.rule))].filter((r) => !r.startsWith('hygiene-'))).toEqual([]);
  });

  it('finds the department name, though the label is split or spans rows', () => {
    expect(result.issues.filter((i) => i.rule === 'header-required')).toEqual([]);
    expect(result.form!.header.deptName).toBeDefined();
  });
});

describe('the renditions differ from paper.xlsx where they should', () => {
  it('the pasted rendition splits multi-line labels over two rows; the Word one puts 当年金额 a column right of its amounts', async () => {
    const [pasted] = await checkFixture(fixture('form-pasted.xlsx'));
    const grid = (await openDocument(fixture('form-pasted.xlsx'))).grids[0];
    const dept = pasted.form!.header.deptName!.label;
    expect(getValue(grid, dept)).toBe('部门（单位）');
    expect(getValue(grid, { row: dept.row + 1, col: dept.col })).toBe('名称');
    const [word] = await checkFixture(fixture('form-word-calc.xlsx'));
    expect(word.form!.funding!.currentHeader.col).toBe(word.form!.funding!.currentCol + 1);
    expect(word.form!.longTerm!.cols.value).not.toBe(word.form!.annual!.cols.value);
  });
});
