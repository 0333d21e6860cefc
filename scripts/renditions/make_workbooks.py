#!/usr/bin/python3
"""Workbooks in shapes seen in real filings, written by openpyxl (not by us):

  nocache.xlsx        the filed form with SUM formulas for 收入合计, 特定目标类项目支出 (= the projects) and a
                      + formula; openpyxl writes formulas without cached values, as scripts do.
  older.xlsx          the older template version: title 部门整体支出绩效目标申报表, 收入 财政拨款/其他资金,
                      支出 基本支出/项目支出, year headers printed blank (年), 目标值, one amount typed in 元
                      among 万元 figures, 占比 left empty.
  parts-only.xlsx     only the long-term indicator table of the filed form.
  cover-and-two.xlsx  a cover sheet, the filed form on the second sheet, and on the third two forms one
                      under the other (the second one pasted at C125 with another department's header).

Usage: /usr/bin/python3 scripts/renditions/make_workbooks.py OUT_DIR   (needs python3-openpyxl)
"""
import copy
import os
import sys

import openpyxl
from openpyxl.utils import get_column_letter

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PAPER = os.path.join(ROOT, 'test', 'fixtures', 'paper.xlsx')


def paper_sheet():
    return openpyxl.load_workbook(PAPER).worksheets[0]


def copy_block(src, dst, rows=None, at_row=1, at_col=1):
    """Copies src's rows (1-based, inclusive range) with values, number formats and merges to dst at (at_row, at_col)."""
    first, last = rows or (1, src.max_row)
    dr, dc = at_row - first, at_col - 1
    for row in src.iter_rows(min_row=first, max_row=last):
        for cell in row:
            if cell.value is None:
                continue
            out = dst.cell(cell.row + dr, cell.column + dc, cell.value)
            out.number_format = cell.number_format
            out.alignment = copy.copy(cell.alignment)
    for m in src.merged_cells.ranges:
        if m.min_row >= first and m.max_row <= last:
            dst.merge_cells(start_row=m.min_row + dr, start_column=m.min_col + dc, end_row=m.max_row + dr, end_column=m.max_col + dc)


def nocache(out):
    wb = openpyxl.load_workbook(PAPER)
    ws = wb.worksheets[0]
    for col in 'DFG':
        ws[f'{col}9'] = f'=SUM({col}6:{col}8)'  # 收入合计: matches the typed figures
    ws['D12'] = '=SUM(E17:E24)'  # 特定目标类项目支出 = the projects' 本年度预算
    ws['F12'] = '=F13-F10-F11'  # 7865.5 as the remainder, a + / - formula
    wb.save(os.path.join(out, 'nocache.xlsx'))


def older(out):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '部门整体支出绩效目标'
    rows = [
        ['部门整体支出绩效目标申报表'],
        ['填报日期：2021年3月5日', None, None, None, None, None, '单位：万元'],
        ['部门（单位）名称', '某县农业农村局', None, '填报人', '张三', '联系电话', '6296906'],
        ['部门总体资金情况', '总体资金情况', None, '当年金额', '占比', '近两年收支金额'],
        [None, None, None, None, None, '年', '年'],
        [None, '收入构成', '财政拨款', 1630.52, None, 1520.3, 1490.1],
        [None, None, '其他资金', 7242318, None, 50.0, 40.0],  # 724.2318 typed in 元
        [None, None, '合计', 2354.7518, None, 1570.3, 1530.1],
        [None, '支出构成', '基本支出', 1200.5, None, 1100.3, 1050.1],
        [None, None, '项目支出', 1154.2518, None, 470.0, 480.0],
        [None, None, '合计', 2354.7518, None, 1570.3, 1530.1],
        ['部门职能概述', '负责全县农业农村工作。'],
        ['年度工作任务', '推进高标准农田建设。'],
        ['整体绩效总目标', '长期目标（截止2023年）', None, None, '年度目标'],
        [None, '农业稳产增收。', None, None, '完成高标准农田建设任务。'],
        ['长期绩效指标', '一级指标', '二级指标', '三级指标', '目标值', '指标值确定依据', '指标分类'],
        [None, '履职效能', '核心业务产出', '高标准农田建设面积', '2万亩', '计划标准', '绩效基本型'],
        [None, '满意度', '服务对象满意度', '农户满意度', '90%', '历史标准', '绩效基本型'],
        ['年度绩效指标', '一级指标', '二级指标', '三级指标', '目标值', '指标值确定依据', '指标分类'],
        [None, '履职效能', '核心业务产出', '高标准农田建设面积', '1万亩', '计划标准', '绩效基本型'],
        [None, '满意度', '服务对象满意度', '农户满意度', '90%', '历史标准', '绩效基本型'],
    ]
    for r, values in enumerate(rows, start=1):
        for c, v in enumerate(values, start=1):
            if v is not None:
                ws.cell(r, c, v)
    for rng in ['A1:G1', 'A4:A11', 'B4:C5', 'D4:D5', 'E4:E5', 'F4:G4', 'B6:B8', 'B9:B11', 'B12:G12', 'B13:G13', 'A14:A15',
                'B14:D14', 'E14:G14', 'B15:D15', 'E15:G15', 'A16:A18', 'A19:A21']:
        ws.merge_cells(rng)
    wb.save(os.path.join(out, 'older.xlsx'))


def parts_only(out):
    src = paper_sheet()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '长期绩效指标'
    copy_block(src, ws, rows=(28, 71))
    wb.save(os.path.join(out, 'parts-only.xlsx'))


def cover_and_two(out):
    src = paper_sheet()
    wb = openpyxl.Workbook()
    cover = wb.active
    cover.title = '封面'
    cover['B3'] = '2024年部门预算绩效目标申报材料'
    cover['B5'] = '报送单位：鄂州市机关事务服务中心'
    cover['B6'] = '目录：一、部门整体绩效目标申报表'
    first = wb.create_sheet('申报表')
    copy_block(src, first)
    two = wb.create_sheet('两份')
    copy_block(src, two)
    copy_block(src, two, at_row=125, at_col=3)
    two.cell(127, 4).value = '鄂州市机关事务服务中心（二）'  # the second form's department
    wb.save(os.path.join(out, 'cover-and-two.xlsx'))
    for ws in (first, two):
        for col in range(1, 12):
            ws.column_dimensions[get_column_letter(col)].width = 14


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, 'test', 'fixtures', 'renditions')
    nocache(out)
    older(out)
    parts_only(out)
    cover_and_two(out)


if __name__ == '__main__':
    main()
