/**
 * Batch review for the finance bureau: check every workbook given (folders searched for .xlsx), one at a
 * time so memory stays flat, and write a summary workbook sorted worst first plus a sheet of all issues.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import path from 'path';
import { checkWorkbook } from '../engine';
import { openDocument } from './documents';
import { countStatuses, statusOf, type ReviewCounts } from '../review/explanations';
import type { Issue, Locale } from '../rules/rule';
import { issueMessage, ruleTitle, SECTION_NAMES, SEVERITY_NAMES } from '../i18n/messages';
import { textHeight } from '../form/row-heights';
import { fileFailureText } from '../i18n/file-errors';

export type FileStatus = 'unreadable' | 'errors' | 'open-warnings' | 'passed';

export interface ReviewRow extends ReviewCounts {
  file: string;
  department: string;
  filler: string;
  status: FileStatus;
  reason?: string;
}

export interface ReviewIssueRow {
  file: string;
  severity: Issue['severity'];
  status: string;
  section: string;
  cells: string;
  message: string;
  expected: string;
  rule: string;
  explanation: string;
}

const STATUS_NAMES: Record<FileStatus, Record<Locale, string>> = {
  unreadable: { 'zh-CN': '无法读取', 'en-US': 'unreadable' },
  errors: { 'zh-CN': '不通过（有错误）', 'en-US': 'errors' },
  'open-warnings': { 'zh-CN': '待说明', 'en-US': 'warnings to explain' },
  passed: { 'zh-CN': '通过', 'en-US': 'passed' },
};

/** Files to review: each file given, and every .xlsx and .docx under each folder given (Excel's ~$ lock files skipped). */
export async function expandInputs(inputs: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => null);
    if (stat?.isDirectory()) {
      const entries = await fs.readdir(input, { withFileTypes: true });
      const nested = await expandInputs(
        entries
          .filter((e) => e.isDirectory() || (/\.(xlsx|xlsm|docx)$/i.test(e.name) && !e.name.startsWith('~$')))
          .map((e) => path.join(input, e.name))
          .sort(),
      );
      out.push(...nested);
    } else out.push(input);
  }
  return out;
}

function text(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

/**
 * Checks one file and returns its summary row and issue rows; nothing of the workbook is kept. A file
 * holding several forms (on several sheets, or one under another) gets one row per form, named
 * file [sheet!top-left].
 */
export async function reviewForms(file: string, locale: Locale): Promise<{ row: ReviewRow; issues: ReviewIssueRow[] }[]> {
  const base: ReviewRow = { file, department: '', filler: '', errors: 0, openWarnings: 0, explainedWarnings: 0, status: 'unreadable' };
  try {
    const doc = await openDocument(file);
    const results = checkWorkbook(doc.grids, { explanations: doc.explanations() });
    if (!results[0].found) return [{ row: { ...base, reason: locale === 'zh-CN' ? '未找到申报表' : 'no form found' }, issues: [] }];
    return results.map((result) => {
      const grid = doc.grids.find((g) => g.sheetName === result.sheetName)!;
      const at = (ref: { row: number; col: number }) => doc.address(result.sheetName, ref);
      const name = results.length > 1 ? `${file} [${doc.kind === 'docx' ? at(result.origin!) : `${result.sheetName}!${at(result.origin!)}`}]` : file;
      const h = result.form!.header;
      const valueAt = (f: typeof h.deptName) => (f ? text(grid.cells.get(`${f.value.row},${f.value.col}`)?.value) : '');
      const counts = countStatuses(result.issues);
      const status: FileStatus = counts.errors > 0 ? 'errors' : counts.openWarnings > 0 ? 'open-warnings' : 'passed';
      return {
        row: { ...base, file: name, ...counts, status, department: valueAt(h.deptName), filler: valueAt(h.filler) },
        issues: result.issues.map((i) => ({
          file: name,
          severity: i.severity,
          status: statusOf(i),
          section: SECTION_NAMES[i.section][locale],
          cells: i.cells.map(at).join(', '),
          message: issueMessage(i, locale),
          expected: i.expected ?? '',
          rule: i.rule,
          explanation: i.explanation ?? '',
        })),
      };
    });
  } catch (e) {
    return [{ row: { ...base, reason: fileFailureText(e, locale, file) }, issues: [] }];
  }
}

/** The first form's review (for callers that review one form per file). */
export async function reviewFile(file: string, locale: Locale): Promise<{ row: ReviewRow; issues: ReviewIssueRow[] }> {
  return (await reviewForms(file, locale))[0];
}

const RANK: Record<FileStatus, number> = { unreadable: 0, errors: 1, 'open-warnings': 2, passed: 3 };

export function worstFirst(rows: ReviewRow[]): ReviewRow[] {
  return [...rows].sort((a, b) => RANK[a.status] - RANK[b.status] || b.errors - a.errors || b.openWarnings - a.openWarnings || a.file.localeCompare(b.file));
}

export function summaryLines(rows: ReviewRow[], locale: Locale): string[] {
  const zh = locale === 'zh-CN';
  const head = zh ? ['文件', '部门', '填报人', '错误', '待说明提示', '已说明提示', '状态'] : ['File', 'Department', 'Filed by', 'Errors', 'Open warnings', 'Explained', 'Status'];
  return [
    head.join('\t'),
    ...worstFirst(rows).map((r) =>
      [r.file, r.department, r.filler, r.errors, r.openWarnings, r.explainedWarnings, STATUS_NAMES[r.status][locale] + (r.reason ? `: ${r.reason}` : '')].join('\t'),
    ),
  ];
}

/**
 * Both sheets print on A4 landscape, all columns on one page width, any number of pages down, with the
 * header row repeated on every page (Page Setup > Sheet > Rows to repeat at top).
 */
const PRINT_SETUP: Partial<ExcelJS.PageSetup> = {
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  printTitlesRow: '1:1',
  margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
};

const WRAP: Partial<ExcelJS.Style> = { alignment: { wrapText: true, vertical: 'top' } };

/** The header row the columns wrote: bold, shaded, wrapped, so it reads as a header on screen and on paper. */
function headerRow(sheet: ExcelJS.Worksheet): void {
  const row = sheet.getRow(1);
  row.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  row.commit();
}

export async function writeReviewWorkbook(out: string, rows: ReviewRow[], issues: AsyncIterable<ReviewIssueRow> | Iterable<ReviewIssueRow>, locale: Locale): Promise<void> {
  const zh = locale === 'zh-CN';
  // The streaming writer keeps only the current row in memory, however many forms were reviewed.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useStyles: true });
  const summary = wb.addWorksheet(zh ? '汇总' : 'Summary', { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: PRINT_SETUP });
  summary.columns = [
    { header: zh ? '文件' : 'File', width: 40 },
    { header: zh ? '部门' : 'Department', width: 28 },
    { header: zh ? '填报人' : 'Filed by', width: 10 },
    { header: zh ? '错误' : 'Errors', width: 8 },
    { header: zh ? '待说明提示' : 'Open warnings', width: 10 },
    { header: zh ? '已说明提示' : 'Explained', width: 10 },
    { header: zh ? '状态' : 'Status', width: 16 },
    { header: zh ? '原因' : 'Reason', width: 50 },
  ];
  headerRow(summary);
  // The filter covers the rows below its header, as Excel's own 筛选 writes it (the footer is written at commit).
  summary.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: summary.columns.length } };
  for (const r of worstFirst(rows)) {
    summary.addRow([r.file, r.department, r.filler, r.errors, r.openWarnings, r.explainedWarnings, STATUS_NAMES[r.status][locale], r.reason ?? '']).commit();
  }
  summary.commit();
  const detail = wb.addWorksheet(zh ? '问题明细' : 'Issues', { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: PRINT_SETUP });
  detail.columns = [
    { header: zh ? '文件' : 'File', width: 40, style: WRAP },
    { header: zh ? '类型' : 'Severity', width: 12 },
    { header: zh ? '状态' : 'Status', width: 10 },
    { header: zh ? '部分' : 'Section', width: 16 },
    { header: zh ? '单元格' : 'Cells', width: 16 },
    { header: zh ? '问题' : 'Message', width: 70, style: WRAP },
    { header: zh ? '应为' : 'Expected', width: 16, style: WRAP },
    { header: zh ? '检查项' : 'Check', width: 36, style: WRAP },
    { header: zh ? '审核说明' : 'Explanation', width: 30, style: WRAP },
  ];
  headerRow(detail);
  let issueRows = 0;
  const statusName = { error: zh ? '错误' : 'error', open: zh ? '待说明' : 'open', explained: zh ? '已说明' : 'explained' } as Record<string, string>;
  for await (const i of issues) {
    const check = ruleTitle(i.rule, locale);
    const row = detail.addRow([i.file, SEVERITY_NAMES[i.severity][locale], statusName[i.status], i.section, i.cells, i.message, i.expected, check, i.explanation]);
    // Long texts wrap; the row is made tall enough for them, as Excel does not grow rows it did not edit.
    row.height = Math.max(...[i.file, i.message, i.expected, check, i.explanation].map((t, k) => textHeight(t, [40, 70, 16, 36, 30][k])));
    row.commit();
    issueRows++;
  }
  detail.autoFilter = { from: { row: 1, column: 1 }, to: { row: issueRows + 1, column: detail.columns.length } };
  detail.commit();
  await wb.commit();
}
