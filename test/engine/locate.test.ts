/** The locator finds the form by its labels, wherever and however it is laid out. */
import { locate } from '../../src/locate/locate';
import { cloneGrid, emptyGrid, getCell, gridFromRows, setCell } from '../../src/grid/grid';
import type { Grid } from '../../src/grid/types';
import { check } from '../../src/engine';
import { cleanForm, gridOf, paperGrid, summarize } from '../support/forms';
import { insertRows } from '../support/grids';

/** The grid moved by (dr, dc): the form starting anywhere on the sheet. */
function shifted(grid: Grid, dr: number, dc: number): Grid {
  const out = emptyGrid(grid.sheetName);
  for (const [key, cell] of grid.cells) {
    const [r, c] = key.split(',').map(Number);
    setCell(out, { row: r + dr, col: c + dc }, { ...cell });
  }
  out.merges = grid.merges.map((m) => ({ top: m.top + dr, bottom: m.bottom + dr, left: m.left + dc, right: m.right + dc }));
  return out;
}

function withoutMerges(grid: Grid): Grid {
  const out = cloneGrid(grid);
  out.merges = [];
  return out;
}

const findingKeys = (grid: Grid) => check(grid).issues.map((i) => `${i.rule}:${i.messageId}`).sort();

describe('locate', () => {
  it('reads the paper workbook: 8 projects, 43 long-term and 38 annual indicator rows, years 2023/2022', async () => {
    const { form } = locate(await paperGrid());
    expect(form?.projects?.rows).toHaveLength(8);
    expect(form?.longTerm?.rows).toHaveLength(43);
    expect(form?.annual?.rows).toHaveLength(38);
    expect(form?.funding?.priorCols.map((p) => p.year)).toEqual([2023, 2022]);
    expect(form?.annual?.priorCols.map((p) => p.year)).toEqual([2022, 2023]);
    expect(form?.header.date?.inline).toBe('2024年1月12日');
    expect(form?.funding?.groups.map((g) => g.items.map((i) => i.key))).toEqual([
      ['fiscal', 'specialAccount', 'unitFunds'],
      ['personnel', 'operating', 'targeted'],
    ]);
  });

  it('finds the same findings wherever the form starts, with blank rows inserted, merged or not', async () => {
    const paper = await paperGrid();
    const expected = findingKeys(paper);
    expect(findingKeys(shifted(paper, 7, 3))).toEqual(expected);
    expect(findingKeys(insertRows(paper, [3, 10, 20, 40, 80, 100]))).toEqual(expected);
    expect(findingKeys(withoutMerges(paper))).toEqual(expected);
  });

  it('accepts labels with line breaks, doubled and full-width spaces, and year headers written 2022 年', () => {
    const grid = gridOf(cleanForm());
    const form = locate(grid).form!;
    const relabel = (row: number, col: number, text: string) => setCell(grid, { row, col }, { value: text });
    relabel(form.funding!.groups[1].total!.row, form.funding!.groups[1].total!.labelAt.col, '合　　计');
    relabel(form.funding!.currentHeader.row, form.funding!.currentHeader.col, '当年\n金额');
    const y = form.funding!.priorCols[0].header;
    relabel(y.row, y.col, '２０２３ 年');
    const again = locate(grid).form!;
    expect(again.funding!.groups[1].total).not.toBeNull();
    expect(again.funding!.priorCols[0].year).toBe(2023);
    expect(summarize(check(grid).issues)).toEqual([]);
  });

  it('reads any number of projects and indicator rows', () => {
    const f = cleanForm();
    for (let i = 0; i < 60; i++) f.projects.push({ name: `项目${i}`, category: '运转类', total: '1', current: '1', purpose: null });
    const form = locate(gridOf(f)).form!;
    expect(form.projects!.rows).toHaveLength(68);
  });

  it('says which labels it looked for when there is no form', () => {
    const result = locate(gridFromRows([['预算表'], ['收入', 100]]));
    expect(result.form).toBeNull();
    expect(result.lookedFor).toEqual(expect.arrayContaining(['当年金额', '占比', '一级指标', '三级指标']));
    expect(check(gridFromRows([])).found).toBe(false);
  });

  it('keeps label cells and values apart when the value sits in the label cell (填报日期：…)', async () => {
    const grid = await paperGrid();
    const form = locate(grid).form!;
    expect(getCell(grid, form.header.deptName!.value)?.value).toBe('鄂州市机关事务服务中心');
    expect(getCell(grid, form.header.phone!.value)?.value).toBe('027-60830624');
  });
});
