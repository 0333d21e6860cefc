#!/usr/bin/python3
"""The filed form as an HTML table, the way Word hands a table to other programs.

Layout (row and column spans) comes from test/fixtures/paper.xlsx, the form typed into a workbook; every
cell's text comes from the filed form itself (test/fixtures/renditions/seed.txt, a text dump of the
filed Word document) wherever the two agree, so the seed's full-width spaces (　100%, 8674.7　), its
non-breaking spaces (合 \xa0计) and its line breaks (部门（单位）<br>名称) reach the HTML unchanged.

Two tables are written:
  form.html       one column per logical column, spans as on paper.
  form-word.html  Word's way: each row keeps its own cell boundaries. Every logical column becomes two
                  grid columns; the funding table's header rows start one grid column to the right, so
                  当年金额 sits over the right half of the amounts and the left half of the shares, and
                  the annual indicator table puts its columns at other boundaries than the long-term one.

Usage: /usr/bin/python3 scripts/renditions/make_html.py OUT_DIR   (needs python3-openpyxl)
"""
import html
import os
import re
import sys

import openpyxl

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PAPER = os.path.join(ROOT, 'test', 'fixtures', 'paper.xlsx')
SEED = os.path.join(ROOT, 'test', 'fixtures', 'renditions', 'seed.txt')


def seed_cells():
    """The seed's cells in reading order: rows are separated by blank lines, cells start with a tab."""
    text = open(SEED, encoding='utf-8').read()
    out = []
    for block in text.split('\n\n'):
        for cell in block.lstrip('\t').split('\n\t'):
            cell = re.sub(r'\[bookmark: [^\]]*\]', '', cell)
            if cell.strip('\t\n \u3000\xa0'):
                out.append(cell.strip('\t\n'))
    return out


def fold(text):
    """Text compared without any kind of space, full-width ASCII folded; numbers compared by value."""
    s = ''.join(chr(ord(c) - 0xfee0) if 0xff01 <= ord(c) <= 0xff5e else c for c in str(text))
    s = re.sub(r'[\s\u3000\xa0]+', '', s)
    m = re.fullmatch(r'(-?\d+(?:\.\d+)?)(%?)', s)
    if m:
        value = float(m.group(1)) / (100 if m.group(2) else 1)
        return ('n', round(value, 9))
    return ('t', s)


def paper_key(cell):
    v = cell.value
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return ('n', round(float(v), 9))
    return fold(v)


def cell_texts(ws):
    """Each paper cell's text: the seed's own rendering where it matches, in reading order."""
    seed = seed_cells()
    keys = [fold(s) for s in seed]
    pos = 0
    texts = {}
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            want = paper_key(cell)
            hit = next((i for i in range(pos, min(pos + 60, len(seed))) if keys[i] == want), None)
            if hit is not None:
                texts[cell.coordinate] = seed[hit]
                pos = hit + 1
            else:
                texts[cell.coordinate] = display(cell)
    return texts


def display(cell):
    v = cell.value
    if isinstance(v, float) and '%' in (cell.number_format or ''):
        return f'{v * 100:g}%'
    if isinstance(v, (int, float)) and '%' in (cell.number_format or ''):
        return f'{v * 100:g}%'
    return str(v)


def merges_by_origin(ws):
    spans, covered = {}, set()
    for m in ws.merged_cells.ranges:
        spans[(m.min_row, m.min_col)] = (m.max_row - m.min_row + 1, m.max_col - m.min_col + 1)
        for r in range(m.min_row, m.max_row + 1):
            for c in range(m.min_col, m.max_col + 1):
                if (r, c) != (m.min_row, m.min_col):
                    covered.add((r, c))
    return spans, covered


def td(text, rowspan, colspan):
    attrs = (f' rowspan="{rowspan}"' if rowspan > 1 else '') + (f' colspan="{colspan}"' if colspan > 1 else '')
    body = '<br>'.join(html.escape(line, quote=False) for line in text.split('\n')) if text else ''
    return f'<td{attrs}>{body}</td>'


def page(rows):
    return ('<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>部门整体绩效目标申报表</title></head>\n'
            '<body>\n<table border="1" cellspacing="0">\n' + '\n'.join(rows) + '\n</table>\n</body></html>\n')


def plain_table(ws, texts):
    spans, covered = merges_by_origin(ws)
    rows = []
    for r in range(1, ws.max_row + 1):
        cells = []
        for c in range(1, ws.max_column + 1):
            if (r, c) in covered:
                continue
            rs, cs = spans.get((r, c), (1, 1))
            cells.append(td(texts.get(ws.cell(r, c).coordinate, ''), rs, cs))
        rows.append('<tr>' + ''.join(cells) + '</tr>')
    return page(rows)


def row_offsets(ws):
    """Per row, the grid-column offset of each logical column boundary (Word's own boundaries per row)."""
    funding_header = set()
    annual = set()
    for row in ws.iter_rows():
        for cell in row:
            if cell.value in ('当年金额', '近两年收支金额'):
                funding_header.update({cell.row, cell.row + 1})
            if cell.value == '年度绩效指标':
                annual.update(range(cell.row, ws.max_row + 1))
    width = ws.max_column

    def offset(r, boundary):
        if boundary in (0, width):
            return 0
        if r in funding_header and boundary >= 3:
            return 1  # header cells from 当年金额 on start one grid column right of their data
        if r in annual and boundary >= 4:
            return -1  # the annual table's value columns sit at other boundaries than the long-term table's
        return 0

    return offset


def word_table(ws, texts):
    spans, covered = merges_by_origin(ws)
    offset = row_offsets(ws)
    rows = []
    for r in range(1, ws.max_row + 1):
        cells = []
        for c in range(1, ws.max_column + 1):
            if (r, c) in covered:
                continue
            rs, cs = spans.get((r, c), (1, 1))
            left = 2 * (c - 1) + offset(r, c - 1)
            right = 2 * (c - 1 + cs) + offset(r, c - 1 + cs)
            # A cell spanning rows keeps the boundaries of its first row (Word merges vertically only
            # cells of equal width; the rows below then follow the first row's boundaries for it).
            cells.append(td(texts.get(ws.cell(r, c).coordinate, ''), rs, right - left))
        rows.append('<tr>' + ''.join(cells) + '</tr>')
    return page(rows)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, 'test', 'fixtures', 'renditions')
    wb = openpyxl.load_workbook(PAPER)
    ws = wb.worksheets[0]
    texts = cell_texts(ws)
    with open(os.path.join(out, 'form.html'), 'w', encoding='utf-8') as f:
        f.write(plain_table(ws, texts))
    with open(os.path.join(out, 'form-word.html'), 'w', encoding='utf-8') as f:
        f.write(word_table(ws, texts))


if __name__ == '__main__':
    main()
