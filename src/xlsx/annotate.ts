/**
 * Annotated copies for reviewers: each issue's cells filled red (errors) or amber (warnings) with a note,
 * and a 检查结果 sheet listing every issue with links that jump to its cells. Print-ready on A4.
 */
import type ExcelJS from 'exceljs';
import { toA1 } from '../grid/address';
import { issueMessage, noteLine, ruleTitle, SECTION_NAMES, SEVERITY_NAMES } from '../i18n/messages';
import type { Issue, Locale } from '../rules/rule';
import { RESULT_SHEET, RESULT_SHEET_EN } from './workbook';

export const MARK_COLORS = { error: 'FFFFC7CE', warning: 'FFFFEB9C' } as const;

export function highlightIssues(ws: ExcelJS.Worksheet, issues: Issue[], locale: Locale = 'zh-CN'): void {
  const notes = new Map<string, { severity: Issue['severity']; lines: string[] }>();
  for (const issue of issues) {
    for (const ref of issue.cells) {
      const key = toA1(ref);
      const entry = notes.get(key) ?? { severity: issue.severity, lines: [] };
      if (issue.severity === 'error') entry.severity = 'error';
      entry.lines.push(noteLine(issue, locale));
      notes.set(key, entry);
    }
  }
  for (const [address, { severity, lines }] of notes) {
    const cell = ws.getCell(address);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: MARK_COLORS[severity] } };
    cell.note = lines.join('\n');
  }
}

export interface ResultRow {
  file?: string;
  /** The sheet the issue's cells are on, when a workbook holds forms on several sheets. */
  sheet?: string;
  issue: Issue;
  explanation?: string;
}

/** Writes (or rewrites) the 检查结果 sheet (Check results in English), in one language. */
export function writeResultSheet(wb: ExcelJS.Workbook, sheetName: string, rows: ResultRow[], locale: Locale = 'zh-CN'): ExcelJS.Worksheet {
  for (const name of [RESULT_SHEET, RESULT_SHEET_EN]) {
    const old = wb.getWorksheet(name);
    if (old) wb.removeWorksheet(old.id);
  }
  const ws = wb.addWorksheet(locale === 'zh-CN' ? RESULT_SHEET : RESULT_SHEET_EN, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  const zh = locale === 'zh-CN';
  const withFile = rows.some((r) => r.file);
  const headers = [
    ...(withFile ? [zh ? '文件' : 'File'] : []),
    zh ? '序号' : 'No.',
    zh ? '类型' : 'Severity',
    zh ? '部分' : 'Section',
    zh ? '单元格' : 'Cells',
    zh ? '问题' : 'Message',
    zh ? '应为' : 'Expected',
    zh ? '检查项' : 'Check',
    zh ? '审核说明' : 'Explanation',
  ];
  ws.addRow(headers);
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  const widths = [...(withFile ? [28] : []), 6, 12, 16, 18, 70, 16, 36, 30];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  rows.forEach(({ file, sheet, issue, explanation }, i) => {
    const cells = issue.cells.map((c) => (sheet ? `${sheet}!${toA1(c)}` : toA1(c)));
    const row = ws.addRow([
      ...(withFile ? [file ?? ''] : []),
      i + 1,
      SEVERITY_NAMES[issue.severity][locale],
      SECTION_NAMES[issue.section][locale],
      cells.join(', '),
      issueMessage(issue, locale),
      issue.expected ?? '',
      ruleTitle(issue.rule, locale),
      explanation ?? '',
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
    const cellsCol = withFile ? 5 : 4;
    if (cells.length > 0 && !withFile) {
      // An internal link jumps to the first blamed cell of the checked sheet.
      row.getCell(cellsCol).value = { text: cells.join(', '), hyperlink: `#'${(sheet ?? sheetName).replace(/'/g, "''")}'!${toA1(issue.cells[0])}` };
      row.getCell(cellsCol).font = { color: { argb: 'FF0563C1' }, underline: true };
    }
    row.getCell(withFile ? 3 : 2).font = { bold: true, color: { argb: issue.severity === 'error' ? 'FFC00000' : 'FF9C5700' } };
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  return ws;
}
