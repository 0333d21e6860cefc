/**
 * Generated forms with known numbers of errors and warnings, for the batch review tests and benchmark.
 * Form i breaks i % 3 prior-year expense totals (one error each) and adds i % 4 projects whose purpose has
 * stray spaces (one warning each).
 */
import ExcelJS from 'exceljs';
import path from 'path';
import { buildTemplateDoc } from '../../src/form/template';
import { writeTemplate } from '../../src/xlsx/write-template';
import { cleanForm, copyForm } from './forms';
import type { FormData } from '../../src/form/form-data';

export interface GeneratedForm {
  file: string;
  department: string;
  errors: number;
  warnings: number;
}

export function variant(i: number): { form: FormData; errors: number; warnings: number } {
  const f = copyForm(cleanForm());
  f.deptName = `测试部门${String(i).padStart(3, '0')}`;
  f.filler = `填报人${i}`;
  const errors = i % 3;
  // Each broken total is one funding-total error (2024 column, then 2023); income stays balanced against it
  // only when the income total is broken the same way, so break both to keep funding-balance quiet.
  const cols: (0 | 1)[] = [0, 1];
  for (let k = 0; k < errors; k++) {
    const col = cols[k];
    f.funding.expense.total.prior[col] = String(Number(f.funding.expense.total.prior[col]) + 1);
    f.funding.income.total.prior[col] = f.funding.expense.total.prior[col];
    f.funding.income.items.fiscal.prior[col] = f.funding.expense.total.prior[col];
  }
  const warnings = i % 4;
  const projects = ['人员', '运转', '特定'];
  for (let k = 0; k < warnings; k++) f.projects.push({ name: `新增${projects[k]}项目${i}`, category: '运转类', total: '1', current: '1', purpose: ' 前后有空格 ' });
  return { form: f, errors, warnings };
}

export async function writeForms(dir: string, count: number): Promise<GeneratedForm[]> {
  const out: GeneratedForm[] = [];
  for (let i = 0; i < count; i++) {
    const { form, errors, warnings } = variant(i);
    const wb = new ExcelJS.Workbook();
    writeTemplate(wb, buildTemplateDoc(form));
    const file = path.join(dir, `form-${String(i).padStart(3, '0')}.xlsx`);
    await wb.xlsx.writeFile(file);
    out.push({ file, department: form.deptName!, errors, warnings });
  }
  return out;
}
