#!/usr/bin/env python3
"""
The write-safety corpus: the filed form (test/fixtures/paper.xlsx) plus what real department workbooks hold,
written by openpyxl and LibreOffice (never by jixiao's own writer), one feature per file and all in one.

    /usr/bin/python3 scripts/gen-corpus.py        # needs python3-openpyxl, python3-pil and LibreOffice (python3-uno)

Writes test/fixtures/corpus/*.xlsx|.xlsm and MANIFEST.txt (what each file holds and which tool wrote it).
The files are committed, so tests need neither tool.

Two things no tool here can write are authored as XML by this script, and said so in the manifest:
threaded comments (openpyxl and LibreOffice write only notes) and the VBA project of the .xlsm (LibreOffice
cannot turn Basic into a vbaProject.bin; the part here is a small stand-in compound file, kept only to prove
that a write copies it byte for byte and the file stays .xlsm).
"""
import datetime
import io
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zipfile

import openpyxl
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from openpyxl.formatting.rule import CellIsRule, ColorScaleRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.table import Table, TableStyleInfo

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAPER = os.path.join(ROOT, 'test', 'fixtures', 'paper.xlsx')
OUT = os.path.join(ROOT, 'test', 'fixtures', 'corpus')
FORM = '申报表'
MANIFEST = []


def base():
    wb = openpyxl.load_workbook(PAPER)
    return wb, wb[FORM]


def cross_sheet(wb, ws):
    s = wb.create_sheet('汇总')
    s['A1'], s['B1'] = '收入合计', f"='{FORM}'!D9"
    s['A2'], s['B2'] = '支出合计', f"='{FORM}'!D13"
    s['A3'], s['B3'] = '差额', '=B1-B2'
    s['A4'], s['B4'] = '上年项目支出', f"=SUM('{FORM}'!F10:F12)"
    ws['K6'] = '=汇总!B3'


def sum_totals(wb, ws):
    for col in 'DFG':
        ws[f'{col}9'] = f'=SUM({col}6:{col}8)'
        ws[f'{col}13'] = f'=SUM({col}10:{col}12)'


def chart(wb, ws):
    c = BarChart()
    c.title = '支出构成'
    c.add_data(Reference(ws, min_col=4, min_row=10, max_row=12), titles_from_data=False)
    c.set_categories(Reference(ws, min_col=3, min_row=10, max_row=12))
    ws.add_chart(c, 'K8')


def image(wb, ws):
    from PIL import Image as PILImage
    buf = io.BytesIO()
    PILImage.new('RGB', (60, 30), (200, 30, 30)).save(buf, format='PNG')
    buf.seek(0)
    img = Image(buf)
    ws.add_image(img, 'K24')


def conditional(wb, ws):
    ws.conditional_formatting.add('D6:G13', CellIsRule(operator='greaterThan', formula=['10000'], fill=PatternFill('solid', fgColor='FFC7CE')))
    ws.conditional_formatting.add('E10:E12', ColorScaleRule(start_type='min', start_color='FFFFFF', end_type='max', end_color='63BE7B'))


def validation(wb, ws):
    dv = DataValidation(type='decimal', operator='greaterThanOrEqual', formula1='0', allow_blank=True, showErrorMessage=True, error='金额不能为负')
    dv.add('D6:D13')
    dv.add('F6:G13')
    ws.add_data_validation(dv)
    lst = DataValidation(type='list', formula1='"人员类,运转类,特定目标类"', allow_blank=True)
    lst.add('C17:C20')
    lst.add('C22:C24')
    ws.add_data_validation(lst)


def notes(wb, ws):
    ws['B3'].comment = Comment('部门全称以编制批复为准', '张三')
    ws['D13'].comment = Comment('与财政批复核对一致', '张三')  # a cell the checks blame: their note goes after this one
    ws['F5'].comment = Comment('上年决算数', '李四')


def hidden(wb, ws):
    h = wb.create_sheet('隐藏表')
    h['A1'] = '隐藏的工作表'
    h.sheet_state = 'hidden'
    v = wb.create_sheet('深度隐藏')
    v['A1'] = 42
    v.sheet_state = 'veryHidden'


def names(wb, ws):
    wb.defined_names.append(DefinedName('容差', attr_text='0.05'))
    wb.defined_names.append(DefinedName('本表支出合计', localSheetId=wb.sheetnames.index(FORM), attr_text=f"'{FORM}'!$D$13"))
    wb.defined_names.append(DefinedName('收入合计', attr_text=f"'{FORM}'!$D$9"))


def printing(wb, ws):
    ws.page_setup.paperSize = 9
    ws.page_setup.orientation = 'portrait'
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_area = 'A1:I113'
    ws.print_title_rows = '1:2'
    ws.row_breaks.append(Break(id=40))
    ws.row_breaks.append(Break(id=80))


def frozen(wb, ws):
    ws.freeze_panes = 'A6'


def shared_style(wb, ws):
    # One look for the whole form: Excel, LibreOffice and openpyxl then keep a single style record for all of it.
    thin = Side(style='thin')
    for row in ws.iter_rows(min_row=1, max_row=113, min_col=1, max_col=9):
        for cell in row:
            cell.font = Font(name='宋体', size=10)
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            cell.alignment = Alignment(wrap_text=True, vertical='center')
            cell.number_format = 'General'


def protection(wb, ws):
    ws.protection.sheet = True
    ws.protection.password = 'jixiao'
    wb.security = WorkbookProtection(workbookPassword='jixiao', lockStructure=True)


def dates(wb, ws):
    ws['K2'] = datetime.date(2024, 1, 12)
    ws['K2'].number_format = 'yyyy"年"m"月"d"日"'
    ws['L2'] = datetime.datetime(2024, 1, 12, 9, 30)
    ws['L2'].number_format = 'yyyy-mm-dd hh:mm'


def links(wb, ws):
    if '汇总' not in wb.sheetnames:
        wb.create_sheet('汇总')['A1'] = '汇总'
    ws['K3'] = '查看汇总'
    ws['K3'].hyperlink = Hyperlink(ref='K3', location="'汇总'!A1", display='查看汇总')
    ws['K4'] = '财政部'
    ws['K4'].hyperlink = 'https://www.mof.gov.cn/'


def autofilter(wb, ws):
    ws.auto_filter.ref = 'B16:F36'


def table(wb, ws):
    d = wb['明细'] if '明细' in wb.sheetnames else wb.create_sheet('明细')
    rows = [('科目', '类别', '金额'), ('工资', '人员类', 754.14), ('办公费', '运转类', 60), ('水电费', '运转类', 43.11), ('物业', '特定目标类', 3000), ('公车', '特定目标类', 2320)]
    for r in rows:
        d.append(r)
    t = Table(displayName='明细表', ref='A1:C6')
    t.tableStyleInfo = TableStyleInfo(name='TableStyleMedium9', showRowStripes=True)
    d.add_table(t)
    # A second table on the form's own sheet, beside the form.
    for i, r in enumerate([('项目', '金额'), ('甲', 1), ('乙', 2)]):
        ws.cell(30 + i, 11, r[0])
        ws.cell(30 + i, 12, r[1])
    ws.add_table(Table(displayName='旁注表', ref='K30:L32'))


FEATURES = [
    ('cross-sheet', cross_sheet, 'other sheets with cross-sheet formulas'),
    ('sum-totals', sum_totals, 'SUM formulas in 合计 (no cached values, as openpyxl writes them)'),
    ('chart', chart, 'a bar chart on the form sheet'),
    ('image', image, 'a PNG image on the form sheet'),
    ('conditional', conditional, 'conditional formatting (cell rule and colour scale)'),
    ('validation', validation, 'data validation over several areas each'),
    ('notes', notes, 'cell notes, one on a blamed cell (D13)'),
    ('hidden', hidden, 'a hidden and a very hidden sheet'),
    ('names', names, 'defined names: a constant (容差 = 0.05), a sheet-scoped one, a workbook one'),
    ('print', printing, 'print setup: A4, fit to width, print area and titles, manual page breaks'),
    ('frozen', frozen, 'frozen panes'),
    ('shared-style', shared_style, 'one style record shared by the whole form'),
    ('protection', protection, 'sheet and workbook protection with a password'),
    ('dates', dates, 'date and date-time cells'),
    ('links', links, 'internal and external hyperlinks'),
    ('autofilter', autofilter, 'an autofilter on the project table'),
    ('table', table, 'tables (ListObjects) on another sheet and on the form sheet'),
]


def save(wb, name, note, tool='openpyxl'):
    path = os.path.join(OUT, name)
    wb.save(path)
    MANIFEST.append((name, tool, note))
    return path


def rewrite_zip(path, change):
    """Rewrites a package's parts through change(parts: dict) -> dict (for what no tool writes)."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts = change(parts)
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(n, data)


def add_threaded_comment(parts):
    """A threaded comment on D10, with the legacy note Excel writes beside it (hand-authored XML)."""
    sheet = 'xl/worksheets/sheet1.xml'
    rels = 'xl/worksheets/_rels/sheet1.xml.rels'
    tc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<threadedComment ref="D10" dT="2024-01-10T09:00:00.00" personId="{6B1F0C1E-0000-4000-8000-000000000001}" id="{0A1B2C3D-0000-4000-8000-000000000001}"><text>人员经费请按编制核对</text></threadedComment>'
          '<threadedComment ref="D10" dT="2024-01-11T10:00:00.00" personId="{6B1F0C1E-0000-4000-8000-000000000001}" id="{0A1B2C3D-0000-4000-8000-000000000002}" parentId="{0A1B2C3D-0000-4000-8000-000000000001}"><text>已核对</text></threadedComment>'
          '</ThreadedComments>')
    persons = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
               '<person displayName="王五" id="{6B1F0C1E-0000-4000-8000-000000000001}" userId="wangwu" providerId="None"/></personList>')
    parts['xl/threadedComments/threadedComment1.xml'] = tc.encode()
    parts['xl/persons/person.xml'] = persons.encode()
    r = parts[rels].decode()
    r = r.replace('</Relationships>', '<Relationship Id="rIdTc1" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/></Relationships>')
    parts[rels] = r.encode()
    wr = parts['xl/_rels/workbook.xml.rels'].decode()
    wr = wr.replace('</Relationships>', '<Relationship Id="rIdP1" Type="http://schemas.microsoft.com/office/2017/10/relationships/person" Target="persons/person.xml"/></Relationships>')
    parts['xl/_rels/workbook.xml.rels'] = wr.encode()
    ct = parts['[Content_Types].xml'].decode()
    ct = ct.replace('</Types>', '<Override PartName="/xl/threadedComments/threadedComment1.xml" ContentType="application/vnd.ms-excel.threadedcomments+xml"/>'
                    '<Override PartName="/xl/persons/person.xml" ContentType="application/vnd.ms-excel.person+xml"/></Types>')
    parts['[Content_Types].xml'] = ct.encode()
    assert sheet in parts
    return parts


def threaded(wb, ws):
    ws['D10'].comment = Comment('[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment; however, any edits to it will get removed if the file is opened in a newer version of Excel. Learn more: https://go.microsoft.com/fwlink/?linkid=870924\n\nComment:\n    人员经费请按编制核对', 'tc={0A1B2C3D-0000-4000-8000-000000000001}')


def stand_in_vba_project():
    """A compound file (MS-CFB) with one empty directory: a stand-in vbaProject.bin (see the module comment)."""
    header = bytearray(512)
    header[0:8] = bytes.fromhex('D0CF11E0A1B11AE1')
    struct.pack_into('<HHHHH', header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into('<IIIIIIII', header, 0x2C, 1, 1, 0, 0x1000, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
    struct.pack_into('<I', header, 0x4C, 0)
    for i in range(1, 109):
        struct.pack_into('<I', header, 0x4C + 4 * i, 0xFFFFFFFF)
    fat = bytearray(b'\xff' * 512)
    struct.pack_into('<II', fat, 0, 0xFFFFFFFD, 0xFFFFFFFE)
    dirsec = bytearray(512)
    name = 'Root Entry'.encode('utf-16-le') + b'\0\0'
    dirsec[0:len(name)] = name
    struct.pack_into('<HBB', dirsec, 0x40, len(name), 5, 1)
    struct.pack_into('<III', dirsec, 0x44, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF)
    struct.pack_into('<I', dirsec, 0x74, 0xFFFFFFFE)
    for k in range(1, 4):
        struct.pack_into('<III', dirsec, 128 * k + 0x44, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF)
    return bytes(header + fat + dirsec)


def make_xlsm(parts):
    parts['xl/vbaProject.bin'] = stand_in_vba_project()
    wr = parts['xl/_rels/workbook.xml.rels'].decode()
    parts['xl/_rels/workbook.xml.rels'] = wr.replace('</Relationships>', '<Relationship Id="rIdVba1" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>').encode()
    ct = parts['[Content_Types].xml'].decode()
    ct = ct.replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml')
    ct = ct.replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>')
    parts['[Content_Types].xml'] = ct.encode()
    return parts


LO_SCRIPT = r'''
import os, subprocess, sys, time, uno
from com.sun.star.beans import PropertyValue
from com.sun.star.table import CellAddress, CellRangeAddress
from com.sun.star.sheet.DataPilotFieldOrientation import ROW, DATA

def pv(n, v):
    p = PropertyValue(); p.Name = n; p.Value = v; return p

profile, port, jobs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
proc = subprocess.Popen(['soffice', '--headless', '--invisible', '--norestore', '-env:UserInstallation=file://' + profile,
                         '--accept=socket,host=127.0.0.1,port=%d;urp;' % port])
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
ctx = None
for _ in range(600):
    try:
        ctx = resolver.resolve('uno:socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext' % port); break
    except Exception:
        time.sleep(0.5)
desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
try:
    for job in jobs:
        src, dst, what = job.split('|')
        doc = desktop.loadComponentFromURL('file://' + src, '_blank', 0, (pv('Hidden', True),))
        sheets = doc.Sheets
        if 'pivot' in what:
            d = sheets.getByName('明细')
            idx = [sheets.getByIndex(i).Name for i in range(sheets.Count)].index('明细')
            desc = d.getDataPilotTables().createDataPilotDescriptor()
            ra = CellRangeAddress(); ra.Sheet = idx; ra.StartColumn = 0; ra.StartRow = 0; ra.EndColumn = 2; ra.EndRow = 5
            desc.setSourceRange(ra)
            fields = desc.getDataPilotFields()
            fields.getByIndex(1).Orientation = ROW
            fields.getByIndex(2).Orientation = DATA
            sheets.insertNewByName('透视', sheets.Count)
            p = sheets.getByName('透视')
            ca = CellAddress(); ca.Sheet = sheets.Count - 1; ca.Column = 0; ca.Row = 0
            p.getDataPilotTables().insertNewByName('按类别', ca, desc)
        if 'rich' in what:
            cell = sheets.getByName('申报表').getCellRangeByName('B14')
            cur = cell.createTextCursor()
            cur.gotoStart(False); cur.goRight(6, True)
            cur.CharWeight = 150.0
            cur.CharColor = 0xC00000
        doc.storeToURL('file://' + dst, (pv('FilterName', 'Calc MS Excel 2007 XML'),))
        doc.close(True)
finally:
    try:
        desktop.terminate()
    except Exception:
        pass
    try:
        proc.wait(timeout=60)
    except Exception:
        proc.terminate()
'''


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    wb, ws = base()
    save(wb, 'base.xlsx', 'the filed form, re-saved (no additions)')
    for name, add, note in FEATURES:
        wb, ws = base()
        add(wb, ws)
        save(wb, f'{name}.xlsx', note)
    wb, ws = base()
    threaded(wb, ws)
    path = save(wb, 'threaded.xlsx', 'a threaded comment with a reply (threadedComments/persons parts authored as XML by this script)', 'openpyxl + script')
    rewrite_zip(path, add_threaded_comment)

    wb, ws = base()
    for _, add, _ in FEATURES:
        add(wb, ws)
    threaded(wb, ws)
    path = save(wb, 'all-in-one.xlsx', 'every feature above in one workbook', 'openpyxl + script')
    rewrite_zip(path, add_threaded_comment)

    wb, ws = base()
    cross_sheet(wb, ws)
    notes(wb, ws)
    path = os.path.join(OUT, 'macro.xlsm')
    wb.save(path)
    rewrite_zip(path, make_xlsm)
    MANIFEST.append(('macro.xlsm', 'openpyxl + script', 'an .xlsm: macro-enabled workbook with a vbaProject part (a stand-in compound file, see the script)'))

    # LibreOffice: a pivot table, rich text, and the whole all-in-one re-saved by LibreOffice.
    tmp = tempfile.mkdtemp(prefix='jixiao-corpus-')
    try:
        wb, ws = base()
        table(wb, ws)
        src_pivot = os.path.join(tmp, 'pivot-src.xlsx')
        wb.save(src_pivot)
        src_all = os.path.join(OUT, 'all-in-one.xlsx')
        jobs = [
            f"{src_pivot}|{os.path.join(OUT, 'pivot.xlsx')}|pivot",
            f"{os.path.join(OUT, 'base.xlsx')}|{os.path.join(OUT, 'rich-text.xlsx')}|rich",
            f"{src_all}|{os.path.join(OUT, 'all-in-one-libreoffice.xlsx')}|pivot rich",
        ]
        script = os.path.join(tmp, 'lo.py')
        with open(script, 'w') as f:
            f.write(LO_SCRIPT)
        subprocess.run(['/usr/bin/python3', script, os.path.join(tmp, 'profile'), str(20000 + os.getpid() % 20000), *jobs], check=True, timeout=600)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    MANIFEST.append(('pivot.xlsx', 'openpyxl + LibreOffice', 'a pivot table (DataPilot) over a table, saved by LibreOffice'))
    MANIFEST.append(('rich-text.xlsx', 'openpyxl + LibreOffice', 'rich text (a bold red run) in 部门职能概述, saved by LibreOffice'))
    MANIFEST.append(('all-in-one-libreoffice.xlsx', 'openpyxl + LibreOffice', 'all-in-one with a pivot table and rich text, re-saved by LibreOffice'))
    for name, _, _ in MANIFEST:
        assert os.path.getsize(os.path.join(OUT, name)) > 0, name
    with open(os.path.join(OUT, 'MANIFEST.txt'), 'w') as f:
        f.write(f'# generated by scripts/gen-corpus.py (openpyxl {openpyxl.__version__}); file | written by | holds\n')
        for name, tool, note in MANIFEST:
            f.write(f'{name} | {tool} | {note}\n')
    print(f'{len(MANIFEST)} files in {os.path.relpath(OUT, ROOT)}')


if __name__ == '__main__':
    sys.exit(main())
