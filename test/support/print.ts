/**
 * Printing a workbook the way a user would, through LibreOffice Calc to PDF, and reading back where each
 * line of text landed on the page (poppler's pdftotext -bbox: one box per printed line of a cell).
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';

export interface PrintedWord {
  page: number;
  /** The page's size in points (A4 portrait is 595 × 842). */
  pageWidth: number;
  pageHeight: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Converts each workbook to PDF in `outDir` (one LibreOffice run for all) and returns the PDF paths. */
export function printToPdf(files: string[], outDir: string): string[] {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
  try {
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', outDir, ...files], { stdio: 'pipe', timeout: 240_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return files.map((f) => path.join(outDir, `${path.basename(f, path.extname(f))}.pdf`));
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Every printed word (a line of a cell, as LibreOffice lays it out) with its box in points, by page. */
export function printedWords(pdf: string): PrintedWord[] {
  const html = path.join(path.dirname(pdf), `${path.basename(pdf, '.pdf')}.bbox.html`);
  execFileSync('pdftotext', ['-bbox', pdf, html], { stdio: 'pipe' });
  const words: PrintedWord[] = [];
  let page = 0;
  let pageWidth = 0;
  let pageHeight = 0;
  for (const line of readFileSync(html, 'utf8').split('\n')) {
    const p = /<page width="([\d.]+)" height="([\d.]+)"/.exec(line);
    if (p) [page, pageWidth, pageHeight] = [page + 1, Number(p[1]), Number(p[2])];
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) words.push({ page, pageWidth, pageHeight, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: unescape(m[5]) });
  }
  return words;
}

/**
 * Pairs of words printed over each other: boxes that share more than a sliver in both directions. Lines of
 * one wrapped cell touch by under a point (their boxes include the font's ascent and descent); text pushed
 * out of a row that is too short lands on the next row's text and shares a third of its height or more.
 */
export function overlappingWords(words: PrintedWord[]): [PrintedWord, PrintedWord][] {
  const out: [PrintedWord, PrintedWord][] = [];
  const sorted = [...words].sort((a, b) => a.page - b.page || a.yMin - b.yMin);
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    for (let j = i + 1; j < sorted.length && sorted[j].page === a.page && sorted[j].yMin < a.yMax; j++) {
      const b = sorted[j];
      const dy = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      const dx = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      if (dx > 1 && dy > 0.3 * Math.min(a.yMax - a.yMin, b.yMax - b.yMin)) out.push([a, b]);
    }
  }
  return out;
}
