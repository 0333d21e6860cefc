/**
 * The 检查结果 sheet as plain data: its name, headers, column widths and one row per issue, with the link that
 * jumps to the issue's first cell. Every writer lays its sheet out from this, so the sheet reads the same
 * wherever it was written: the command line's patched copy (xlsx/annotate resultSheetXml), a Word document's
 * new workbook (ExcelJS) and 写入检查结果 in the task pane (excel/result-sheet). One language per sheet: an
 * English run writes "Check results" with checks named in words, never by rule id.
 */
import { toA1 } from '../grid/address';
import { issueMessage, ruleTitle, SECTION_NAMES, SEVERITY_NAMES } from '../i18n/messages';
import type { Issue, Locale, Severity } from '../rules/rule';

export const RESULT_SHEET = '检查结果';
/** The results sheet of an English run: the workbook then speaks one language. */
export const RESULT_SHEET_EN = 'Check results';

export function resultSheetName(locale: Locale): string {
  return locale === 'zh-CN' ? RESULT_SHEET : RESULT_SHEET_EN;
}

export interface ResultRow {
  file?: string;
  /** The sheet the issue's cells are on, when a workbook holds forms on several sheets. */
  sheet?: string;
  issue: Issue;
  explanation?: string;
}

export interface ResultLink {
  /** Column (0-based) of the cell that carries the link. */
  col: number;
  text: string;
  /** An in-workbook target such as `'申报表'!D13`. */
  target: string;
}

export interface ResultTableRow {
  values: (string | number)[];
  severity: Severity;
  link?: ResultLink;
}

export interface ResultTable {
  headers: string[];
  /** Column widths in characters. */
  widths: number[];
  /** Column (0-based) of the severity, which writers colour. */
  severityCol: number;
  rows: ResultTableRow[];
}

/** A sheet name as Excel writes it inside a reference: always quoted, inner quotes doubled. */
export function quotedSheet(sheetName: string): string {
  return `'${sheetName.replace(/'/g, "''")}'`;
}

export function resultTable(sheetName: string, rows: ResultRow[], locale: Locale = 'zh-CN'): ResultTable {
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
  const widths = [...(withFile ? [28] : []), 6, 12, 16, 18, 70, 16, 36, 30];
  const cellsCol = withFile ? 4 : 3;
  return {
    headers,
    widths,
    severityCol: withFile ? 2 : 1,
    rows: rows.map(({ file, sheet, issue, explanation }, i) => {
      const cells = issue.cells.filter((c) => c.row >= 0 && c.col >= 0).map(toA1);
      const text = cells.map((c) => (sheet ? `${sheet}!${c}` : c)).join(', ');
      return {
        values: [
          ...(withFile ? [file ?? ''] : []),
          i + 1,
          SEVERITY_NAMES[issue.severity][locale],
          SECTION_NAMES[issue.section][locale],
          text,
          issueMessage(issue, locale),
          issue.expected ?? '',
          ruleTitle(issue.rule, locale),
          explanation ?? '',
        ],
        severity: issue.severity,
        // Links only when every row is about the one checked sheet (a batch of files has no such sheet).
        link: cells.length > 0 && !withFile ? { col: cellsCol, text, target: `${quotedSheet(sheet ?? sheetName)}!${cells[0]}` } : undefined,
      };
    }),
  };
}
