/** TemplateDoc -> ExcelJS worksheet: values, formats, merges, styles, lists, names and A4 page setup. */
import type ExcelJS from 'exceljs';
import { columnName, parseRange, rangeToA1 } from '../grid/address';
import type { CellStyle, TemplateDoc } from '../form/template-doc';
import { writeGridCells } from './from-grid';

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };

function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  if (style.bold || style.fontSize) cell.font = { ...cell.font, bold: style.bold ?? cell.font?.bold, size: style.fontSize ?? cell.font?.size ?? 11, name: '宋体' };
  if (style.wrap || style.horizontal || style.vertical) {
    cell.alignment = {
      ...cell.alignment,
      wrapText: style.wrap ?? cell.alignment?.wrapText,
      horizontal: style.horizontal ?? cell.alignment?.horizontal,
      vertical: style.vertical ?? cell.alignment?.vertical,
    };
  }
  if (style.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (style.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
}

export function writeTemplate(wb: ExcelJS.Workbook, doc: TemplateDoc, sheetName = doc.grid.sheetName): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheetName, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: doc.page.orientation,
      fitToPage: true,
      fitToWidth: doc.page.fitToWidth,
      fitToHeight: 0,
      printArea: doc.page.printArea,
      printTitlesRow: doc.page.printTitleRows,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      horizontalCentered: true,
    },
    views: [{ state: 'normal', zoomScale: 100 }],
  });
  doc.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const [row, h] of Object.entries(doc.rowHeights)) ws.getRow(Number(row) + 1).height = h;
  writeGridCells(ws, doc.grid);
  for (const m of doc.grid.merges) ws.mergeCells(rangeToA1(m));
  for (const { range, style } of doc.styles) {
    const r = parseRange(range);
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) applyStyle(ws.getCell(row + 1, col + 1), style);
  }
  for (const v of doc.validations) {
    const r = parseRange(v.range);
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        ws.getCell(row + 1, col + 1).dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`"${v.list.join(',')}"`],
          showErrorMessage: true,
          errorStyle: 'warning',
          errorTitle: '请从列表中选择',
          error: `可选：${v.list.join('、')}`,
        };
      }
    }
  }
  for (const n of doc.names) {
    const r = parseRange(n.address);
    const abs = `'${ws.name}'!$${columnName(r.left)}$${r.top + 1}${r.top !== r.bottom || r.left !== r.right ? `:$${columnName(r.right)}$${r.bottom + 1}` : ''}`;
    wb.definedNames.add(abs, n.name);
  }
  return ws;
}
