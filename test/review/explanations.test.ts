/** 审核说明: explained warnings survive save and reopen and re-checks; errors cannot be explained away. */
import ExcelJS from 'exceljs';
import os from 'os';
import path from 'path';
import { promises as fs } from 'fs';
import { check } from '../../src/engine';
import { countStatuses, explain } from '../../src/review/explanations';
import { readExplanations, writeExplanations, EXPLANATION_SHEET } from '../../src/xlsx/explanation-store';
import { buildTemplateDoc } from '../../src/form/template';
import { writeTemplate } from '../../src/xlsx/write-template';
import { worksheetToGrid } from '../../src/xlsx/to-grid';
import { toA1 } from '../../src/grid/address';
import { cleanForm, copyForm } from '../support/forms';

/** A clean form with exactly two warnings: a unit change across years, and a stray space in a project. */
function twoWarnings() {
  const f = copyForm(cleanForm());
  f.annual.find((r) => r[2] === '丰富多样的餐饮品种')![3] = '55家';
  f.projects[0].purpose = '保障政府大楼水电气、维保及正常运转　';
  return f;
}

async function saveAndReopen(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'jixiao-expl-')), 'form.xlsx');
  await wb.xlsx.writeFile(file);
  const again = new ExcelJS.Workbook();
  await again.xlsx.readFile(file);
  return again;
}

describe('explanations in the workbook', () => {
  it('keeps an explained warning explained after save and reopen, and the other one open', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = writeTemplate(wb, buildTemplateDoc(twoWarnings()));
    const first = check(worksheetToGrid(ws));
    expect(first.issues.map((i) => i.rule).sort()).toEqual(['hygiene-stray-space', 'indicator-unit']);
    const unit = first.issues.find((i) => i.rule === 'indicator-unit')!;
    writeExplanations(wb, explain([], unit, '供应商口径由“家”改为“种”，数量相同', unit.cells.map(toA1).join(',')));

    const reopened = await saveAndReopen(wb);
    expect(reopened.getWorksheet(EXPLANATION_SHEET)?.state).toBe('veryHidden');
    const again = check(worksheetToGrid(reopened.worksheets[0]), { explanations: readExplanations(reopened) });
    const unitAgain = again.issues.find((i) => i.rule === 'indicator-unit')!;
    expect(unitAgain.explanation).toBe('供应商口径由“家”改为“种”，数量相同');
    expect(countStatuses(again.issues)).toEqual({ errors: 0, openWarnings: 1, explainedWarnings: 1 });
  });

  it('still matches the explanation after rows were inserted above (by meaning, not position)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = writeTemplate(wb, buildTemplateDoc(twoWarnings()));
    const unit = check(worksheetToGrid(ws)).issues.find((i) => i.rule === 'indicator-unit')!;
    const stored = explain([], unit, '口径调整', 'E1');
    ws.spliceRows(20, 0, [], [], []);
    const moved = check(worksheetToGrid(ws), { explanations: stored }).issues.find((i) => i.rule === 'indicator-unit')!;
    expect(moved.cells[0].row).toBe(unit.cells[0].row + 3);
    expect(moved.explanation).toBe('口径调整');
  });

  it('refuses to explain an error', () => {
    const f = twoWarnings();
    f.funding.expense.total.current = '1';
    const wb = new ExcelJS.Workbook();
    const ws = writeTemplate(wb, buildTemplateDoc(f));
    const error = check(worksheetToGrid(ws)).issues.find((i) => i.severity === 'error')!;
    expect(() => explain([], error, '没问题', 'D13')).toThrow(/cannot be explained|不能/);
    // Even a stored explanation keyed to an error is not applied.
    const forged = [{ key: error.key!, rule: error.rule, cells: 'D13', text: '没问题', at: '' }];
    expect(check(worksheetToGrid(ws), { explanations: forged }).issues.find((i) => i.key === error.key)?.explanation).toBeUndefined();
  });
});
