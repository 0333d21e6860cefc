/**
 * Syncs and bytes per command against the strict in-memory Excel under the Excel-on-the-web profile (5 MB
 * request and response limits; see test/support/strict-excel/profiles.ts): a 92-row and a 4,934-row form,
 * and the 92-row form on a sheet formatted down to row 1,048,576 (a "ghost" used range). Next to it, a
 * naive adapter that loads and writes cell by cell, for scale.
 */
import { applyFill, checkAndHighlight, clearMarks, undo } from '../src/excel';
import type { ExcelHost } from '../src/excel';
import { check } from '../src/engine';
import { columnName, toA1 } from '../src/grid/address';
import type { Grid } from '../src/grid/types';
import { StrictExcel, WEB } from '../test/support/strict-excel';
import { gridOf } from '../test/support/forms';
import { formOfRows } from './core';
import { largeForm } from '../test/support/bad-inputs';

interface Cost {
  syncs: number;
  ops: number;
  /** Bytes sent (written payloads) and received (loaded properties), as JSON characters. */
  sent: number;
  received: number;
  /** The largest single response: what must stay under the web's 5 MB. */
  maxResponse: number;
}

function costOf(xl: StrictExcel, from: number): Cost {
  const batches = xl.batches.slice(from);
  return {
    syncs: batches.length,
    ops: batches.reduce((n, b) => n + b.ops, 0),
    sent: batches.reduce((n, b) => n + b.bytes, 0),
    received: batches.reduce((n, b) => n + b.readBytes, 0),
    maxResponse: Math.max(0, ...batches.map((b) => b.readBytes)),
  };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function line(name: string, c: Cost): string {
  return `    ${name.padEnd(16)} ${String(c.syncs).padStart(2)} syncs ${String(c.ops).padStart(6)} ops  sent ${kb(c.sent).padStart(9)}  received ${kb(c.received).padStart(9)}  largest response ${kb(c.maxResponse).padStart(9)}`;
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

async function commands(grid: Grid, ghost: boolean): Promise<string[]> {
  const xl = new StrictExcel({ profile: WEB });
  xl.loadGrid(grid, { sheetName: grid.sheetName, activate: true });
  if (ghost) xl.formatToLastRow(grid.sheetName, 0, Math.max(grid.colCount - 1, 9));
  const host = xl.host as unknown as ExcelHost;
  const out: string[] = [];
  const step = async (name: string, f: () => Promise<unknown>) => {
    const mark = xl.batches.length;
    await f();
    out.push(line(name, costOf(xl, mark)));
  };
  await step('检查表单 check', () => checkAndHighlight(host, {}));
  await step('re-check', () => checkAndHighlight(host, {}));
  await step('填充计算列 fill', () => applyFill(host, {}));
  await step('撤销 undo', () => undo(host));
  await step('清除标记 clear', () => clearMarks(host));
  const failed = xl.batches.filter((b) => b.failed).map((b) => b.failed);
  if (failed.length) out.push(`    refused by the host: ${failed.join(', ')}`);
  return out;
}

export async function benchAdapter(): Promise<string[]> {
  const lines = ['## Syncs and bytes per command (strict in-memory Excel, Excel on the web profile: ExcelApi 1.20, 5 MB limits)'];
  for (const target of [150, 5000]) {
    const grid = gridOf(formOfRows(target));
    lines.push(`  ${grid.rowCount} rows × ${grid.colCount} columns`);
    lines.push(...(await commands(grid, false)));
  }
  const small = gridOf(formOfRows(150));
  lines.push(`  ${small.rowCount} rows on a sheet formatted to row 1,048,576 (used range with formatting: ${(1048576 * Math.max(small.colCount, 10)).toLocaleString('en-US')} cells)`);
  lines.push(...(await commands(small, true)));

  const naiveGrid = gridOf(formOfRows(150));
  const naiveXl = new StrictExcel({ profile: WEB });
  naiveXl.loadGrid(naiveGrid, { sheetName: naiveGrid.sheetName, activate: true });
  await naiveCheckAndHighlight(naiveXl, naiveGrid);
  lines.push(line(`naive check, ${naiveGrid.rowCount} rows`, costOf(naiveXl, 0)).replace(/^ {4}/, '  '));

  // A sheet past Excel's 512 merged areas (1,000 projects, each with a merged 用途 cell) takes the fallback path.
  const many = gridOf(largeForm(1000, 200));
  const xl = new StrictExcel({ profile: WEB });
  xl.loadGrid(many, { sheetName: many.sheetName, activate: true });
  await checkAndHighlight(xl.host as unknown as ExcelHost, {});
  lines.push(`  ${many.rowCount} rows with ${many.merges.length} merged areas (over 512): check ${costOf(xl, 0).syncs} syncs`);
  return lines;
}
