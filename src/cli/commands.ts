/** The command line's commands: thin shells over the engine and the ExcelJS adapter. */
import ExcelJS from 'exceljs';
import { createReadStream, createWriteStream, promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import readline from 'readline';
import { expandInputs, reviewForms, summaryLines, writeReviewWorkbook, type ReviewIssueRow, type ReviewRow } from './review';
import { buildTemplate, checkWorkbook, fill, importFromLastYear, roll, type FillKind } from '../engine';
import { checkOutputKind, openDocument } from './documents';
import { FILL_KINDS } from '../fills/fill';
import { importWarningText, unavailableFillText } from '../i18n/messages';
import type { Locale } from '../rules/rule';
import { highlightIssues, highlightWrites, resultSheetXml, writeResultSheet } from '../xlsx/annotate';
import { loadSheet, type LoadedSheet } from '../xlsx/load';
import { patchWrites } from '../xlsx/write-copy';
import { PackagePatcher, type CellWriteSpec } from '../ooxml/patcher';
import type { Patch } from '../patch';
import { assertNotAnInput, assertWritable, OutputError, writeOutput, writeOutputBytes } from './output';
import { writeTemplate } from '../xlsx/write-template';
import type { OpenedWorkbook } from '../xlsx/workbook';
import { resultSheetName } from '../review/result-table';
import type { SheetInfo } from '../ooxml/package';
import { applyPatchToWorksheet } from '../xlsx/from-grid';
import { SAMPLE_FORM } from '../form/sample';
import { defaultFormYear } from '../form/template';
import { fileFailureText, fileProblemText } from '../i18n/file-errors';
import { checkKnown, parseArgs, stringFlag, UsageError } from './args';
import { parseLang, type Env } from './locale';
import { parseA1 } from '../grid/address';
import { toJson, toTable, type FileReport } from './report';
import { skippedLine } from './fill-report';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  isTTY: boolean;
  /** The environment whose locale (LANG…) picks the language when --lang is not given. */
  env?: Env;
}

/** --lang when given, else the environment's locale, else Chinese. */
function localeOf(flag: string | undefined, io?: Io): Locale {
  if (flag === undefined) return parseLang(io?.env?.LC_ALL || io?.env?.LC_MESSAGES || io?.env?.LANG || '') ?? 'zh-CN';
  const locale = parseLang(flag);
  if (!locale) throw new UsageError('lang', { value: flag });
  return locale;
}

/**
 * The files to work on: each file given, and every .xlsx and .docx under each folder given. A folder with
 * none is reported (not silently skipped): checking nothing is not a pass.
 */
async function inputsOf(inputs: string[]): Promise<{ files: string[]; emptyFolders: string[] }> {
  const files: string[] = [];
  const emptyFolders: string[] = [];
  for (const input of inputs) {
    const found = await expandInputs([input]);
    const isFolder = (await fs.stat(input).catch(() => null))?.isDirectory() ?? false;
    if (isFolder && found.length === 0) emptyFolders.push(input);
    files.push(...found);
  }
  return { files, emptyFolders };
}

function emptyFolderReason(folder: string, locale: Locale): string {
  return fileProblemText({ code: 'folder-without-forms', operation: 'read', file: folder }, locale);
}

function emptyFolderRow(folder: string, locale: Locale): ReviewRow {
  return { file: folder, department: '', filler: '', errors: 0, openWarnings: 0, explainedWarnings: 0, status: 'unreadable', reason: emptyFolderReason(folder, locale) };
}

function notFoundReason(lookedFor: string[], locale: Locale): string {
  return locale === 'zh-CN' ? `未找到申报表（查找的标签：${lookedFor.join('、')}）` : `no form found (looked for the labels: ${lookedFor.join(', ')})`;
}

/** Checks every form in a file (every sheet of a workbook, every table of a Word document): one report per form. */
export async function checkFile(file: string, sheet: string | undefined, locale: Locale): Promise<FileReport[]> {
  try {
    const doc = await openDocument(file, sheet);
    const results = checkWorkbook(doc.grids);
    return results.map((result) => {
      const address = (ref: { row: number; col: number }) => doc.address(result.sheetName, ref);
      if (!result.found) return { file, sheet: result.sheetName, issues: [], error: notFoundReason(result.lookedFor, locale), address };
      return { file, sheet: result.sheetName, issues: result.issues, origin: result.origin, coverage: result.coverage, address };
    });
  } catch (e) {
    return [{ file, sheet: null, issues: [], error: fileFailureText(e, locale, file) }];
  }
}

/** The first form's report (kept for callers that check one form). */
export async function checkOne(file: string, sheet: string | undefined, locale: Locale): Promise<FileReport> {
  return (await checkFile(file, sheet, locale))[0];
}

export async function cmdCheck(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ['sheet', 'lang']);
  checkKnown(args, ['json', 'sheet', 'lang', 'summary']);
  if (args.positionals.length === 0) throw new UsageError('needsInputs', { command: 'check', verb: 'check' });
  if (args.flags.has('json') && args.flags.has('summary')) throw new UsageError('jsonWithSummary');
  const locale = localeOf(stringFlag(args, 'lang'), io);
  const { files, emptyFolders } = await inputsOf(args.positionals);
  if (args.flags.has('summary')) {
    const rows: ReviewRow[] = emptyFolders.map((folder) => emptyFolderRow(folder, locale));
    for (const file of files) rows.push(...(await reviewForms(file, locale)).map((r) => r.row));
    io.out(summaryLines(rows, locale).join('\n'));
    return rows.some((r) => r.status === 'unreadable') ? 2 : rows.some((r) => r.status === 'errors') ? 1 : 0;
  }
  const reports: FileReport[] = [];
  for (const folder of emptyFolders) {
    const report: FileReport = { file: folder, sheet: null, issues: [], error: emptyFolderReason(folder, locale) };
    reports.push(report);
    if (args.flags.has('json')) io.err(`${folder}: ${report.error}`);
    else io.out(toTable(report, locale, io.isTTY) + '\n');
  }
  for (const file of files) {
    for (const report of await checkFile(file, stringFlag(args, 'sheet'), locale)) {
      reports.push(report);
      if (!args.flags.has('json')) io.out(toTable(report, locale, io.isTTY) + '\n');
      if (report.error && args.flags.has('json')) io.err(`${file}: ${report.error}`);
    }
  }
  if (args.flags.has('json')) io.out(JSON.stringify(toJson(reports, locale), null, 2) + '\n');
  if (reports.some((r) => r.error)) return 2;
  return reports.some((r) => r.issues.some((i) => i.severity === 'error')) ? 1 : 0;
}

/** The one input file of fill, annotate and roll; a second one is a slip, not something to ignore. */
function oneInput(args: ReturnType<typeof parseArgs>, command: string): string {
  const [input, ...extra] = args.positionals;
  if (!input) throw new UsageError('needsInput', { command });
  if (extra.length > 0) throw new UsageError('tooManyInputs', { command, extra: extra.join(' ') });
  return input;
}

/** OUT, checked before any work: not (a link to) an input, in a folder that exists and can be written. */
async function requireOut(args: ReturnType<typeof parseArgs>, inputs: readonly string[] = []): Promise<string> {
  const out = stringFlag(args, 'out');
  if (!out) throw new UsageError('needsOut');
  const input = inputs[0];
  if (input && checkOutputKind(input, out)) throw new UsageError('docxOut', { name: path.basename(out) });
  await assertNotAnInput(out, inputs);
  await assertWritable(out);
  return out;
}

/** Writes the copy: the input's own package with only these cells (and what they need) rewritten. */
async function writeCopy(out: string, opened: OpenedWorkbook, sheets: { sheet: SheetInfo; writes: CellWriteSpec[] }[], extra?: (p: PackagePatcher) => void): Promise<void> {
  // A macro-enabled package under an .xlsx name is refused by Excel: the copy keeps the input's kind.
  const macro = /macroEnabled/i.test(opened.pkg.text('[Content_Types].xml'));
  if (macro && !/\.xl[st]m$/i.test(out)) {
    throw new UsageError('xlsmOut', { suggested: out.replace(/\.[^./\\]*$/, '') + '.xlsm' });
  }
  let bytes: Uint8Array;
  try {
    const patcher = new PackagePatcher(opened.pkg);
    for (const { sheet, writes } of sheets) patcher.writeCells(sheet, writes);
    extra?.(patcher);
    bytes = patcher.toBytes();
  } catch (e) {
    if (e instanceof OutputError) throw e;
    throw new OutputError('build-failed', out, { detail: String((e as Error).message ?? e).split('\n')[0] });
  }
  await writeOutputBytes(out, bytes);
}

function copyOfPatch(out: string, loaded: LoadedSheet, patch: Patch): Promise<void> {
  return writeCopy(out, loaded.workbook, [{ sheet: loaded.sheet, writes: patchWrites(patch) }]);
}

function parseOnly(value: string | undefined): FillKind[] | undefined {
  if (!value) return undefined;
  const kinds = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const k of kinds) if (!FILL_KINDS.includes(k as FillKind)) throw new UsageError('only', { kinds: FILL_KINDS.join(', '), value: k });
  return kinds as FillKind[];
}

export async function cmdFill(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ['out', 'only', 'sheet', 'lang']);
  checkKnown(args, ['out', 'only', 'overwrite', 'formulas', 'sheet', 'lang']);
  const input = oneInput(args, 'fill');
  const out = await requireOut(args, [input]);
  const locale = localeOf(stringFlag(args, 'lang'), io);
  const zh = locale === 'zh-CN';
  let doc;
  try {
    doc = await openDocument(input, stringFlag(args, 'sheet'));
  } catch (e) {
    io.err(fileFailureText(e, locale, input));
    return 2;
  }
  const options = {
    only: parseOnly(stringFlag(args, 'only')),
    overwrite: args.flags.has('overwrite'),
    mode: args.flags.has('formulas') ? ('formulas' as const) : ('values' as const),
    locale,
  };
  // Every sheet (or table) with a form gets its fills.
  const results = doc.grids.map((grid) => ({ grid, result: fill(grid, options) })).filter((r) => r.result.found);
  if (results.length === 0) {
    io.err(`${input}: ${notFoundReason(fill(doc.grids[0], options).lookedFor, locale)}`);
    return 2;
  }
  const writes = results.reduce((n, r) => n + r.result.patch.writes.length, 0);
  if (doc.package) {
    const opened = doc.package;
    await writeCopy(out, opened, results.map(({ grid, result }) => ({ sheet: doc.sheet(grid.sheetName), writes: patchWrites(result.patch) })));
  } else {
    for (const { grid, result } of results) applyPatchToWorksheet(doc.worksheet(grid.sheetName), result.patch);
    const wb = doc.workbook!;
    await writeOutput(out, (tmp) => wb.xlsx.writeFile(tmp));
  }
  io.out(zh ? `已写入 ${out}：填充 ${writes} 个单元格` : `Wrote ${out}: ${writes} cells filled`);
  for (const { grid, result } of results) {
    const at = (address: string) => (doc.kind === 'docx' ? doc.address(grid.sheetName, parseA1(address)) : results.length > 1 ? `${grid.sheetName}!${address}` : address);
    for (const w of result.patch.writes) io.out(`  ${at(w.address)}  ${w.formula ?? (w.value === null ? '' : w.value)}${w.note ? `  (${w.note})` : ''}`);
    for (const sk of result.patch.skipped) io.out(`  ${skippedLine({ ...sk, address: at(sk.address), blockedBy: sk.blockedBy && at(sk.blockedBy) }, zh)}`);
    for (const u of result.unavailable) io.out(`  ${u.kind}: ${unavailableFillText(u.reason, locale)}`);
  }
  return 0;
}

export async function cmdAnnotate(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ['out', 'sheet', 'lang']);
  checkKnown(args, ['out', 'sheet', 'lang']);
  const input = oneInput(args, 'annotate');
  const out = await requireOut(args, [input]);
  const locale = localeOf(stringFlag(args, 'lang'), io);
  let doc;
  try {
    doc = await openDocument(input, stringFlag(args, 'sheet'));
  } catch (e) {
    io.err(fileFailureText(e, locale, input));
    return 2;
  }
  const results = checkWorkbook(doc.grids);
  if (!results[0].found) {
    io.err(`${input}: ${notFoundReason(results[0].lookedFor, locale)}`);
    return 2;
  }
  // Each sheet's issues are highlighted on it; the 检查结果 sheet lists them all, sheet by sheet.
  const bySheet = new Map<string, typeof results>();
  for (const r of results) bySheet.set(r.sheetName, [...(bySheet.get(r.sheetName) ?? []), r]);
  const several = bySheet.size > 1;
  const resultRows = results.flatMap((r) => r.issues.map((issue) => ({ issue, ...(several ? { sheet: r.sheetName } : {}) })));
  if (doc.package) {
    const first = results[0].sheetName;
    await writeCopy(
      out,
      doc.package,
      [...bySheet].map(([sheet, rs]) => ({ sheet: doc.sheet(sheet), writes: highlightWrites(rs.flatMap((r) => r.issues), locale) })),
      (p) => p.putSheet(resultSheetName(locale), (styles) => resultSheetXml(styles, first, resultRows, locale)),
    );
  } else {
    for (const [sheet, rs] of bySheet) highlightIssues(doc.worksheet(sheet), rs.flatMap((r) => r.issues), locale);
    const wb = doc.workbook!;
    writeResultSheet(wb, results[0].sheetName, resultRows, locale);
    await writeOutput(out, (tmp) => wb.xlsx.writeFile(tmp));
  }
  const all = results.flatMap((r) => r.issues);
  const errors = all.filter((i) => i.severity === 'error').length;
  io.out(locale === 'zh-CN' ? `已写入 ${out}：${results.length} 份表单，${errors} 个错误，${all.length - errors} 个提示` : `Wrote ${out}: ${results.length} forms, ${errors} errors, ${all.length - errors} warnings`);
  return errors > 0 ? 1 : 0;
}

export async function cmdTemplate(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ['out', 'year', 'lang']);
  checkKnown(args, ['out', 'sample', 'year', 'lang']);
  if (args.positionals.length > 0) throw new UsageError('tooManyInputs', { command: 'template', extra: args.positionals.join(' ') });
  const out = await requireOut(args);
  const locale = localeOf(stringFlag(args, 'lang'), io);
  const yearFlag = stringFlag(args, 'year');
  const year = yearFlag ? Number(yearFlag) : undefined;
  if (yearFlag !== undefined && !(year !== undefined && /^\d{4}$/.test(yearFlag) && year > 1990 && year < 2100)) throw new UsageError('year', { value: yearFlag });
  const sample = args.flags.has('sample');
  // The example is the form as filed for its year; moving it to another year would be a form nobody filed.
  const sampleYear = SAMPLE_FORM.priorYears[0] + 1;
  if (sample && year !== undefined && year !== sampleYear) throw new UsageError('sampleYear', { sampleYear: String(sampleYear), value: String(year) });
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  writeTemplate(wb, buildTemplate({ sample, year }));
  await writeOutput(out, (tmp) => wb.xlsx.writeFile(tmp));
  const written = sample ? sampleYear : (year ?? defaultFormYear());
  io.out(locale === 'zh-CN' ? `已写入 ${out}：${written} 年${sample ? '示例申报表' : '空白申报表'}` : `Wrote ${out}: ${sample ? 'the filed example' : 'a blank form'} for ${written}`);
  return 0;
}

export async function cmdRoll(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ['out', 'into', 'sheet', 'lang']);
  checkKnown(args, ['out', 'into', 'sheet', 'overwrite', 'lang']);
  const input = oneInput(args, 'roll');
  const into = stringFlag(args, 'into');
  const out = await requireOut(args, into ? [input, into] : [input]);
  const locale = localeOf(stringFlag(args, 'lang'), io);
  const zh = locale === 'zh-CN';
  let source;
  let target;
  try {
    source = await loadSheet(input, into ? undefined : stringFlag(args, 'sheet'));
    target = into ? await loadSheet(into, stringFlag(args, 'sheet')) : source;
  } catch (e) {
    io.err(fileFailureText(e, locale));
    return 2;
  }
  if (!into) {
    const r = roll(source.grid, { locale });
    if (!r.found) {
      io.err(`${input}: ${notFoundReason(r.lookedFor, locale)}`);
      return 2;
    }
    await copyOfPatch(out, source, r.patch);
    const years =
      r.fromYear === null
        ? zh ? '表中没有年份（无填报日期，近两年列也未标年份）' : 'the form carries no year (no filing date, no year over the prior-year columns)'
        : zh ? `${r.fromYear} 年 → ${r.toYear} 年` : `${r.fromYear} → ${r.toYear}`;
    io.out(zh ? `已写入 ${out}：${years}，改写 ${r.patch.writes.length} 个单元格` : `Wrote ${out}: ${years}, ${r.patch.writes.length} cells changed`);
    if (r.clearedDate) io.out(zh ? `  填报日期已清空（原为 ${r.clearedDate}），请填写新表的填报日期` : `  The filing date was cleared (it was ${r.clearedDate}): enter the new form's filing date`);
    return 0;
  }
  const r = importFromLastYear(source.grid, target.grid, { overwrite: args.flags.has('overwrite'), locale });
  if (!r.found.last || !r.found.current) {
    io.err(`${r.found.last ? into : input}: ${notFoundReason(r.lookedFor, locale)}`);
    return 2;
  }
  if (r.missingYears?.length) {
    // The years do not fit (e.g. a 2024 form into a 2027 one): refuse rather than put figures under the wrong year.
    const need = (r.years?.this ?? Math.max(...r.missingYears) + 1) - 1;
    const years = r.missingYears.map((y) => (zh ? `${y}年` : String(y))).join(zh ? '、' : ', ');
    io.err(
      zh
        ? `${input} 是 ${r.years?.last} 年的申报表，${into} 是 ${r.years?.this} 年的：后者的 ${years} 列在前者中没有数据。未写入任何文件；请用 ${need} 年的申报表。`
        : `${input} is the ${r.years?.last} form and ${into} the ${r.years?.this} one: the latter's ${years} columns have no figures in the former. Nothing was written; use the ${need} form.`,
    );
    return 2;
  }
  await copyOfPatch(out, target, r.patch);
  io.out(zh ? `已写入 ${out}：导入 ${r.patch.writes.length} 个单元格，匹配 ${r.matched?.length ?? 0} 行` : `Wrote ${out}: ${r.patch.writes.length} cells imported, ${r.matched?.length ?? 0} rows matched`);
  for (const w of r.warnings ?? []) io.out(`  ! ${importWarningText(w, locale)}`);
  const side = (s: 'this' | 'last') => (s === 'this' ? (zh ? '本年表中无上年对应' : 'this year, not found last year') : zh ? '上年表中有、本年表无' : 'last year, not found this year');
  const unmatched = r.unmatched ?? [];
  if (unmatched.length > 0) io.out(zh ? `  未匹配的行（${unmatched.length}）：` : `  unmatched rows (${unmatched.length}):`);
  for (const u of unmatched) io.out(`    ${u.kind}  ${side(u.side)}  ${u.label}  (${zh ? '行' : 'row'} ${u.row + 1})`);
  for (const s of r.patch.skipped) io.out(zh ? `  跳过 ${s.address}：已有输入 ${s.found ?? ''}（上年为 ${s.wanted ?? ''}；--overwrite 覆盖）` : `  skipped ${s.address}: holds ${s.found ?? ''} (last year ${s.wanted ?? ''}; --overwrite replaces it)`);
  return 0;
}

/** A one-line progress bar on stderr, only when stderr is a terminal. */
function progress(io: Io, done: number, total: number, file: string): void {
  if (!io.isTTY || !process.stderr.isTTY) return;
  const width = 30;
  const filled = Math.round((done / Math.max(total, 1)) * width);
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${path.basename(file).slice(0, 40).padEnd(40)}`);
  if (done === total) process.stderr.write('\n');
}

export async function cmdReview(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ['out', 'lang']);
  checkKnown(args, ['out', 'lang']);
  if (args.positionals.length === 0) throw new UsageError('needsInputs', { command: 'review', verb: 'review' });
  const locale = localeOf(stringFlag(args, 'lang'), io);
  const { files, emptyFolders } = await inputsOf(args.positionals);
  // OUT is checked before any form is read: never one of the forms, in a folder that exists.
  const out = await requireOut(args, files);
  for (const folder of emptyFolders) io.err(emptyFolderReason(folder, locale));
  if (files.length === 0) return 2;
  const rows: ReviewRow[] = emptyFolders.map((folder) => emptyFolderRow(folder, locale));
  // Issue rows go to a scratch file as each form is checked, so memory does not grow with the number of forms;
  // the scratch folder goes whatever happens, so no department's data stays behind.
  const scratchDir = await fs.mkdtemp(path.join(os.tmpdir(), 'jixiao-review-'));
  try {
    const scratch = path.join(scratchDir, 'issues.jsonl');
    const sink = createWriteStream(scratch);
    for (const [i, file] of files.entries()) {
      for (const r of await reviewForms(file, locale)) {
        rows.push(r.row);
        for (const issue of r.issues) sink.write(`${JSON.stringify(issue)}\n`);
      }
      progress(io, i + 1, files.length, file);
    }
    await new Promise<void>((resolve, reject) => sink.end((e?: Error | null) => (e ? reject(e) : resolve())));
    await writeOutput(out, (tmp) => writeReviewWorkbook(tmp, rows, readJsonLines<ReviewIssueRow>(scratch), locale));
  } finally {
    await fs.rm(scratchDir, { recursive: true, force: true });
  }
  const bad = rows.filter((r) => r.status === 'unreadable').length;
  const failing = rows.filter((r) => r.status === 'errors').length;
  io.out(locale === 'zh-CN' ? `已写入 ${out}：${files.length} 份，${failing} 份有错误，${bad} 份无法读取` : `Wrote ${out}: ${files.length} forms, ${failing} with errors, ${bad} unreadable`);
  return bad > 0 ? 2 : failing > 0 ? 1 : 0;
}

async function* readJsonLines<T>(file: string): AsyncGenerator<T> {
  const lines = readline.createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield JSON.parse(line) as T;
}
