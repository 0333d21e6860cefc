/** Core check time by form size, and the command line's time per form against ExcelJS's bare read. */
import ExcelJS from 'exceljs';
import os from 'os';
import path from 'path';
import { promises as fs } from 'fs';
import { performance } from 'perf_hooks';
import { check } from '../src/engine';
import { buildTemplateDoc } from '../src/form/template';
import { writeTemplate } from '../src/xlsx/write-template';
import { loadSheet } from '../src/xlsx/load';
import { largeForm } from '../test/support/bad-inputs';
import { gridOf } from '../test/support/forms';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void, runs: number): number {
  fn(); // warm up
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return median(t);
}

/**
 * A form with about `rows` sheet rows. Projects stay at a real department's scale (at most 100: each has a
 * merged 用途 cell, and Excel lists at most 512 merged areas in one read — the adapter's 4-sync fallback
 * for sheets beyond that is measured separately); the indicator tables take the rest.
 */
export function formOfRows(rows: number) {
  const body = Math.max(0, rows - 90);
  const projects = Math.min(100, Math.floor(body / 5));
  return largeForm(projects, Math.floor((body - projects) / 2));
}

export async function benchCore(): Promise<string[]> {
  const lines: string[] = ['## Core check (engine only: locate + 26 rules), median of 5'];
  let prev: { rows: number; ms: number } | null = null;
  for (const target of [100, 1000, 10000]) {
    const grid = gridOf(formOfRows(target));
    const ms = time(() => check(grid), 5);
    const ratio = prev ? `  x${(ms / prev.ms).toFixed(1)} time for x${(grid.rowCount / prev.rows).toFixed(1)} rows` : '';
    lines.push(`  ${String(grid.rowCount).padStart(6)} rows  ${ms.toFixed(1).padStart(8)} ms${ratio}`);
    prev = { rows: grid.rowCount, ms };
  }
  return lines;
}

export async function benchCli(): Promise<string[]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jixiao-bench-'));
  const lines: string[] = ['## Command line per form vs bare ExcelJS read (median of 5): direct read alone, and read + check'];
  for (const target of [150, 2000]) {
    const file = path.join(dir, `form-${target}.xlsx`);
    const wb = new ExcelJS.Workbook();
    writeTemplate(wb, buildTemplateDoc(formOfRows(target)));
    await wb.xlsx.writeFile(file);
    const bare: number[] = [];
    const read: number[] = [];
    const full: number[] = [];
    for (let i = 0; i < 6; i++) {
      let t0 = performance.now();
      await new ExcelJS.Workbook().xlsx.readFile(file);
      if (i > 0) bare.push(performance.now() - t0);
      t0 = performance.now();
      await loadSheet(file);
      if (i > 0) read.push(performance.now() - t0);
      t0 = performance.now();
      const { grid } = await loadSheet(file);
      check(grid);
      if (i > 0) full.push(performance.now() - t0);
    }
    const b = median(bare);
    const r = median(read);
    const f = median(full);
    lines.push(`  ${target} rows: ExcelJS read ${b.toFixed(1)} ms | direct read ${r.toFixed(1)} ms, ratio ${(r / b).toFixed(2)} | direct read + check ${f.toFixed(1)} ms, ratio ${(f / b).toFixed(2)}`);
  }
  await fs.rm(dir, { recursive: true, force: true });
  return lines;
}
