/**
 * Syncs and bytes per command against the strict in-memory Excel: the add-in's adapter next to a naive
 * one that loads and writes cell by cell, for a small form and a large one.
 */
import { applyFill, checkAndHighlight } from '../src/excel';
import type { ExcelHost } from '../src/excel';
import { check } from '../src/engine';
import { columnName, toA1 } from '../src/grid/address';
import type { Grid } from '../src/grid/types';
import { StrictExcel } from '../test/support/strict-excel';
import { gridOf } from '../test/support/forms';
import { formOfRows } from './core';
import { largeForm } from '../test/support/bad-inputs';

interface Cost {
  syncs: number;
  ops: number;
  bytes: number;
}

function costOf(xl: StrictExcel, from: number): Cost {
  const batches = xl.batches.slice(from);
  return { syncs: batches.length, ops: batches.reduce((n, b) => n + b.ops, 0), bytes: batches.reduce((n, b) => n + b.bytes + b.readBytes, 0) };
}

/** What an adapter written without care does: one load and one sync per cell, one sync per highlight. */
async function naiveCheckAndHighlight(xl: StrictExcel, grid: Grid): Promise<void> {
  await xl.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getActiveWorksheet();
    for (let r = 0; r < grid.rowCount; r++) {
      for (let c = 0; c < grid.colCount; c++) {
        const range = ws.getRange(`${columnName(c)}${r + 1}`);
        range.load('values');
        await ctx.sync();
      }
    }
    for (const issue of check(grid).issues) {
      for (const cell of issue.cells) {
        ws.getRange(toA1(cell)).format.fill.color = issue.severity === 'error' ? '#FFC7CE' : '#FFEB9C';
        await ctx.sync();
      }
    }
  });
}

export async function benchAdapter(): Promise<string[]> {
  const lines = ['## Syncs and bytes per command (strict in-memory Excel, ExcelApi 1.20)'];
  for (const target of [150, 5000]) {
    const grid = gridOf(formOfRows(target));
    // A few findings so there is something to highlight.
    const xl = new StrictExcel();
    xl.loadGrid(grid, { sheetName: grid.sheetName, activate: true });
    const host = xl.host as unknown as ExcelHost;
    let mark = xl.batches.length;
    await checkAndHighlight(host, {});
    const ours = costOf(xl, mark);
    mark = xl.batches.length;
    await applyFill(host, {});
    const fill = costOf(xl, mark);
    const naiveXl = new StrictExcel();
    naiveXl.loadGrid(grid, { sheetName: grid.sheetName, activate: true });
    await naiveCheckAndHighlight(naiveXl, grid);
    const naive = costOf(naiveXl, 0);
    lines.push(
      `  ${String(grid.rowCount).padStart(5)} rows  check+highlight: ${ours.syncs} syncs, ${ours.ops} ops, ${(ours.bytes / 1024).toFixed(0)} KB` +
        `  | naive: ${naive.syncs} syncs, ${naive.ops} ops, ${(naive.bytes / 1024).toFixed(0)} KB  (x${(naive.syncs / ours.syncs).toFixed(0)} syncs)` +
        `  | fill: ${fill.syncs} syncs`,
    );
  }
  // A sheet past Excel's 512 merged areas (1,000 projects, each with a merged 用途 cell) takes the fallback path.
  const many = gridOf(largeForm(1000, 200));
  const xl = new StrictExcel();
  xl.loadGrid(many, { sheetName: many.sheetName, activate: true });
  await checkAndHighlight(xl.host as unknown as ExcelHost, {});
  lines.push(`  ${String(many.rowCount).padStart(5)} rows with ${many.merges.length} merged areas (over 512): check+highlight ${costOf(xl, 0).syncs} syncs`);
  return lines;
}
