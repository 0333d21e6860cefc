/**
 * Annotated copies for reviewers: each issue's cells filled red (errors) or amber (warnings) with a note
 * added after the cell's own, and a 检查结果 sheet listing every issue with links that jump to its cells.
 * Written into the user's own package (see ooxml/patcher): only the blamed cells get new style records.
 * A Word document's copy is a new workbook, annotated through ExcelJS (highlightIssues, writeResultSheet).
 */
import { columnName, toA1 } from '../grid/address';
import { noteLine } from '../i18n/messages';
import type { CellWriteSpec } from '../ooxml/patcher';
import type { StyleBook } from '../ooxml/styles';
import { escapeXml } from '../ooxml/xml';
import { RESULT_SHEET, RESULT_SHEET_EN, resultSheetName, resultTable, type ResultRow } from '../review/result-table';
import type ExcelJS from 'exceljs';
import type { Issue, Locale } from '../rules/rule';

export type { ResultRow };

export const MARK_COLORS = { error: 'FFFFC7CE', warning: 'FFFFEB9C' } as const;

/** One write per blamed cell: its fill by the worst severity, and a note with every message that blames it. */
export function highlightWrites(issues: readonly Issue[], locale: Locale = 'zh-CN'): (CellWriteSpec & { fill: string; note: string })[] {
  const notes = new Map<string, { severity: Issue['severity']; lines: string[] }>();
  for (const issue of issues) {
    for (const ref of issue.cells) {
      const key = toA1(ref);
      let entry = notes.get(key);
      if (!entry) {
        entry = { severity: issue.severity, lines: [] };
        notes.set(key, entry);
      }
      if (issue.severity === 'error') entry.severity = 'error';
      entry.lines.push(noteLine(issue, locale));
    }
  }
  return [...notes].map(([address, { severity, lines }]) => ({ address, fill: MARK_COLORS[severity], note: lines.join('\n') }));
}

function cell(ref: string, value: string | number, style?: number): string {
  const s = style ? ` s="${style}"` : '';
  if (typeof value === 'number') return `<c r="${ref}"${s}><v>${value}</v></c>`;
  if (value === '') return style ? `<c r="${ref}"${s}/>` : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
}

/** The 检查结果 worksheet's XML: header row, one row per issue, internal links, frozen header, filter, A4 landscape. */
export function resultSheetXml(styles: StyleBook, sheetName: string, rows: readonly ResultRow[], locale: Locale = 'zh-CN'): string {
  const table = resultTable(sheetName, [...rows], locale);
  const head = styles.derive(0, { fill: 'FFD9E1F2', bold: true });
  const lastCol = columnName(table.headers.length - 1);
  const widths = table.widths;
  const out: string[] = [`<row r="1">${table.headers.map((h, i) => cell(`${columnName(i)}1`, h, head)).join('')}</row>`];
  const links: string[] = [];
  table.rows.forEach(({ values, link }, i) => {
    const r = i + 2;
    out.push(`<row r="${r}">${values.map((v, c) => cell(`${columnName(c)}${r}`, v)).join('')}</row>`);
    // An internal link (a location, no relationship) jumps to the first blamed cell of the checked sheet.
    if (link) links.push(`<hyperlink ref="${columnName(link.col)}${r}" location="${escapeXml(link.target)}" display="${escapeXml(link.text)}"/>`);
  });
  const last = rows.length + 1;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${lastCol}${last}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` +
    `<sheetData>${out.join('')}</sheetData>` +
    `<autoFilter ref="A1:${lastCol}${last}"/>` +
    (links.length > 0 ? `<hyperlinks>${links.join('')}</hyperlinks>` : '') +
    '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
    '</worksheet>'
  );
}

/** ExcelJS: fills and notes on a new workbook's sheet (a Word document's copy). */
export function highlightIssues(ws: ExcelJS.Worksheet, issues: Issue[], locale: Locale = 'zh-CN'): void {
  // The same fills and notes as the patched copy's, set through ExcelJS.
  for (const { address, fill, note } of highlightWrites(issues, locale)) {
    const cell = ws.getCell(address);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
    cell.note = note;
  }
}

/** Writes (or rewrites) the 检查结果 sheet (Check results in English), in one language. */
export function writeResultSheet(wb: ExcelJS.Workbook, sheetName: string, rows: ResultRow[], locale: Locale = 'zh-CN'): ExcelJS.Worksheet {
  for (const name of [RESULT_SHEET, RESULT_SHEET_EN]) {
    const old = wb.getWorksheet(name);
    if (old) wb.removeWorksheet(old.id);
  }
  const table = resultTable(sheetName, rows, locale);
  const ws = wb.addWorksheet(resultSheetName(locale), {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  ws.addRow(table.headers);
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  table.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const { values, severity, link } of table.rows) {
    const row = ws.addRow(values);
    row.alignment = { wrapText: true, vertical: 'top' };
    if (link) {
      // An internal link jumps to the first blamed cell of the checked sheet.
      row.getCell(link.col + 1).value = { text: link.text, hyperlink: `#${link.target}` };
      row.getCell(link.col + 1).font = { color: { argb: 'FF0563C1' }, underline: true };
    }
    row.getCell(table.severityCol + 1).font = { bold: true, color: { argb: severity === 'error' ? 'FFC00000' : 'FF9C5700' } };
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.headers.length } };
  return ws;
}
