/** The check command's outputs: the JSON shape reviewers script against, and a readable table. */
import { toA1 } from '../grid/address';
import { issueMessage, SECTION_NAMES, SEVERITY_NAMES } from '../i18n/messages';
import type { Issue, Locale } from '../rules/rule';
import type { CellRef } from '../grid/address';
import { PART_NAMES, type Coverage } from '../read/coverage';

export interface FileReport {
  file: string;
  sheet: string | null;
  issues: Issue[];
  /** Set when the file could not be read or holds no form. */
  error?: string;
  /** The form's top-left cell, when the file holds forms. */
  origin?: CellRef | null;
  /** What was read of the form, part by part. */
  coverage?: Coverage;
  /** How the file names a cell (A1 on a sheet; 表1!R3C4 in a Word document). */
  address?: (ref: CellRef) => string;
}

function addressOf(r: FileReport): (ref: CellRef) => string {
  return r.address ?? toA1;
}

/** The coverage object of --json: each part found (where, rows read) or not (labels looked for). */
export function coverageJson(r: FileReport): object | undefined {
  const c = r.coverage;
  if (!c) return undefined;
  const at = addressOf(r);
  return {
    complete: c.complete,
    computedFormulas: c.computedFormulas,
    read: c.parts.filter((p) => p.found).map((p) => p.part),
    missing: c.parts.filter((p) => !p.found).map((p) => p.part),
    parts: Object.fromEntries(c.parts.map((p) => [p.part, p.found ? { found: true, at: p.at ? at(p.at) : null, rows: p.rows } : { found: false, lookedFor: p.lookedFor }])),
  };
}

export interface JsonIssue {
  rule: string;
  severity: 'error' | 'warning';
  cells: string[];
  message: string;
  expected: string | null;
}

export function summaryOf(issues: Issue[]): { errors: number; warnings: number } {
  return { errors: issues.filter((i) => i.severity === 'error').length, warnings: issues.filter((i) => i.severity === 'warning').length };
}

export function toJson(reports: FileReport[], locale: Locale): object {
  return {
    files: reports.map((r) => ({
      file: r.file,
      sheet: r.sheet,
      ...(r.origin ? { at: addressOf(r)(r.origin) } : {}),
      ...(r.error ? { error: r.error } : {}),
      issues: r.issues.map(
        (i): JsonIssue => ({ rule: i.rule, severity: i.severity, cells: i.cells.map(addressOf(r)), message: issueMessage(i, locale), expected: i.expected ?? null }),
      ),
      summary: summaryOf(r.issues),
      ...(r.coverage ? { coverage: coverageJson(r) } : {}),
    })),
  };
}

/** Display width: CJK characters take two columns in a terminal. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, n: number): string {
  return s + ' '.repeat(Math.max(0, n - width(s)));
}

export function toTable(report: FileReport, locale: Locale, color: boolean): string {
  const zh = locale === 'zh-CN';
  const lines: string[] = [];
  const at = addressOf(report);
  lines.push(`${report.file}${report.sheet ? ` [${report.sheet}]` : ''}${report.origin ? ` ${zh ? '表单位于' : 'form at'} ${at(report.origin)}` : ''}`);
  if (report.error) {
    lines.push(`  ${zh ? '无法检查' : 'cannot check'}: ${report.error}`);
    return lines.join('\n');
  }
  if (report.coverage) lines.push(coverageLine(report.coverage, locale));
  const rows = report.issues.map((i) => [
    SEVERITY_NAMES[i.severity][locale],
    i.cells.map(at).slice(0, 4).join(',') + (i.cells.length > 4 ? '…' : ''),
    SECTION_NAMES[i.section][locale],
    withExpected(issueMessage(i, locale), i.expected, zh),
    i.rule,
  ]);
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => width(r[c])), 4));
  for (const [k, r] of rows.entries()) {
    const sev = pad(r[0], widths[0]);
    const painted = color ? `\x1b[${report.issues[k].severity === 'error' ? '31' : '33'}m${sev}\x1b[0m` : sev;
    lines.push(`  ${painted}  ${pad(r[1], widths[1])}  ${pad(r[2], widths[2])}  ${r[3]}  [${r[4]}]`);
  }
  const s = summaryOf(report.issues);
  lines.push(zh ? `  共 ${s.errors} 个错误，${s.warnings} 个提示` : `  ${s.errors} errors, ${s.warnings} warnings`);
  return lines.join('\n');
}

/** One line: the parts read and the parts not found (each of those is also an error finding). */
export function coverageLine(c: Coverage, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const name = (p: (typeof c.parts)[number]) => PART_NAMES[p.part][locale].replace(/（.*）|\s*\(.*\)/, '');
  const read = c.parts.filter((p) => p.found).map(name);
  const missing = c.parts.filter((p) => !p.found).map(name);
  const sep = zh ? '、' : ', ';
  const formulas = c.computedFormulas > 0 ? (zh ? `；自行计算了 ${c.computedFormulas} 个无结果的公式` : `; computed ${c.computedFormulas} formulas without a stored result`) : '';
  if (missing.length === 0) return zh ? `  已检查：${read.join(sep)}（全部）${formulas}` : `  checked: ${read.join(sep)} (all parts)${formulas}`;
  return zh
    ? `  已检查：${read.join(sep) || '无'}；未找到（未检查）：${missing.join(sep)}${formulas}`
    : `  checked: ${read.join(sep) || 'nothing'}; not found (not checked): ${missing.join(sep)}${formulas}`;
}

function withExpected(message: string, expected: string | undefined, zh: boolean): string {
  if (!expected || message.includes(expected)) return message;
  return message + (zh ? `（应为 ${expected}）` : ` (expected ${expected})`);
}
