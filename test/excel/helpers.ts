/** Shared set-up for the adapter tests: hosts over the strict Excel, synthetic sheets, fake engine results. */
import { coverageOf } from '../../src/read/coverage';
import { StrictExcel, type StrictExcelOptions } from '../support/strict-excel';
import type { ExcelHost } from '../../src/excel';
import type { EnginePort } from '../../src/excel/engine-port';
import { emptyGrid, setCell } from '../../src/grid/grid';
import type { CellRef } from '../../src/grid/address';
import type { Grid } from '../../src/grid/types';
import type { Issue, Severity } from '../../src/rules/rule';
import type { Patch } from '../../src/patch';

export function strict(options: StrictExcelOptions = {}): { xl: StrictExcel; host: ExcelHost } {
  const xl = new StrictExcel(options);
  return { xl, host: xl.host as unknown as ExcelHost };
}

export function hostOf(xl: StrictExcel): ExcelHost {
  return xl.host as unknown as ExcelHost;
}

/**
 * A sheet of `rows` rows shaped like a budget table: a text label, two amounts, a formula total, a
 * percentage, a text code that looks like a number, and an error now and then.
 */
export function tableGrid(rows: number, sheetName = '申报表'): Grid {
  const g = emptyGrid(sheetName);
  setCell(g, { row: 0, col: 0 }, { value: '项目' });
  setCell(g, { row: 0, col: 1 }, { value: '本年' });
  setCell(g, { row: 0, col: 2 }, { value: '上年' });
  setCell(g, { row: 0, col: 3 }, { value: '合计' });
  setCell(g, { row: 0, col: 4 }, { value: '占比' });
  setCell(g, { row: 0, col: 5 }, { value: '编码' });
  for (let r = 1; r < rows; r++) {
    const a = r * 10;
    const b = r * 7.5;
    setCell(g, { row: r, col: 0 }, { value: `项目${r}` });
    setCell(g, { row: r, col: 1 }, { value: a, numberFormat: '#,##0.00' });
    setCell(g, { row: r, col: 2 }, { value: b, numberFormat: '#,##0.00' });
    setCell(g, { row: r, col: 3 }, { value: a + b, formula: `=B${r + 1}+C${r + 1}`, numberFormat: '#,##0.00' });
    setCell(g, { row: r, col: 4 }, r % 97 === 0 ? { value: { error: '#DIV/0!' }, formula: `=B${r + 1}/0` } : { value: 0.1, numberFormat: '0.00%' });
    setCell(g, { row: r, col: 5 }, { value: String(r).padStart(3, '0') });
  }
  return g;
}

export function issue(cells: CellRef[], severity: Severity = 'error', messageId = 'bad'): Issue {
  return { rule: 'test-rule', severity, section: 'funding', messageId, cells, data: {} };
}

/** A fake engine whose check reports the given issues (or a function of the grid). */
export function fakeCheck(issues: Issue[] | ((g: Grid) => Issue[])): Partial<EnginePort> {
  return {
    check: (grid) => ({
      sheetName: grid.sheetName,
      found: true,
      lookedFor: [],
      issues: typeof issues === 'function' ? issues(grid) : issues,
      coverage: coverageOf(null),
      origin: null,
    }),
    issueMessage: (i, locale) => `${locale}:${i.messageId}@${i.cells.map((c) => `${c.row},${c.col}`).join(';')}`,
  };
}

export function fakeFill(patch: Patch | ((g: Grid) => Patch)): Partial<EnginePort> {
  return {
    fill: (grid) => ({ found: true, lookedFor: [], patch: typeof patch === 'function' ? patch(grid) : patch, unavailable: [] }),
  };
}

/** Issues spread over the whole sheet: every `step`-th row, errors and warnings, some sharing cells. */
export function spreadIssues(rows: number, step: number): Issue[] {
  const out: Issue[] = [];
  for (let r = 1; r < rows; r += step) {
    out.push(issue([{ row: r, col: 3 }, { row: r, col: 1 }], 'error', 'total'));
    out.push(issue([{ row: r, col: 4 }], 'warning', 'share'));
  }
  return out;
}

/** The sync counts of the runs made since the last reset, one number per batch, for messages. */
export function batchLabels(xl: StrictExcel): string[][] {
  return xl.batches.map((b) => b.labels);
}
