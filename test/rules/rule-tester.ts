/**
 * A RuleTester in the manner of ESLint's: each rule's test file lists `valid` forms the rule passes and
 * `invalid` forms with the exact reports it must make (message id, blamed cells as A1, `expected`).
 * Forms are the clean form (every finding fixed) mutated as FormData or cell by cell, and cell
 * addresses are found by locating the form, so the tables read as "the personnel share", not "E10".
 */
import { RULES_BY_ID } from '../../src/rules/index';
import { runRules, ENGINE_FAULT_RULE } from '../../src/rules/run';
import type { Issue, Locale, Rule } from '../../src/rules/rule';
import { FormContext } from '../../src/read/context';
import { locate } from '../../src/locate/locate';
import type { FormMap, IndicatorRowMap, IndicatorTableMap } from '../../src/locate/form-map';
import type { HeaderKey } from '../../src/form/spec';
import type { FormData } from '../../src/form/form-data';
import type { Cell, CellValue, Grid } from '../../src/grid/types';
import { parseA1, toA1, type CellRef } from '../../src/grid/address';
import { setCell } from '../../src/grid/grid';
import { check, issueMessage } from '../../src/engine';
import { cleanForm, gridOf } from '../support/forms';

const LOCALES: Locale[] = ['zh-CN', 'en-US'];

// ---------------------------------------------------------------- where things are

export type FundingCol = 'current' | 'share' | 'changeCurrent' | 'changePrior' | number;
export type ProjectCol = 'name' | 'category' | 'total' | 'current' | 'purpose';
export type IndicatorCol = 'level1' | 'level2' | 'level3' | 'value' | 'basis' | 'category' | number;
export type TableKind = 'longTerm' | 'annual';

/** Cell addresses on a located form, by what they are. Throws when the form lacks the place asked for. */
export class At {
  constructor(readonly form: FormMap) {}

  header(key: HeaderKey): string {
    const f = this.form.header[key];
    if (!f) throw new Error(`no header field ${key}`);
    return toA1(f.value);
  }

  /** A funding cell: `item` is an item key (fiscal, personnel, …) or 'total'; a number column is a prior year. */
  funding(group: 'income' | 'expense', item: string, col: FundingCol): string {
    const f = this.form.funding;
    if (!f) throw new Error('no funding table');
    const g = f.groups.find((x) => x.key === group)!;
    const row = item === 'total' ? g.total : g.items.find((i) => i.key === item);
    if (!row) throw new Error(`no funding row ${group}.${item}`);
    const c =
      typeof col === 'number'
        ? f.priorCols.find((p) => p.year === col)?.col
        : { current: f.currentCol, share: f.shareCol, changeCurrent: f.changeCurrentCol, changePrior: f.changePriorCol }[col];
    if (c === null || c === undefined) throw new Error(`no funding column ${col}`);
    return toA1({ row: row.row, col: c });
  }

  /** Cells of one funding column for the items of a group, in order. */
  fundingItems(group: 'income' | 'expense', col: FundingCol): string[] {
    const g = this.form.funding!.groups.find((x) => x.key === group)!;
    return g.items.map((i) => this.funding(group, i.key!, col));
  }

  yearHeader(table: 'funding' | 'annual', year: number): string {
    const cols = table === 'funding' ? this.form.funding?.priorCols : this.form.annual?.priorCols;
    const c = cols?.find((p) => p.year === year);
    if (!c) throw new Error(`no ${year} column in the ${table} table`);
    return toA1(c.header);
  }

  /** A project cell: `index` counts the typed project rows from 0. */
  project(index: number, col: ProjectCol): string {
    const p = this.form.projects;
    if (!p) throw new Error('no project table');
    const c = p.cols[col];
    if (c === null) throw new Error(`no project column ${col}`);
    return toA1({ row: p.rows[index], col: c });
  }

  table(kind: TableKind): IndicatorTableMap {
    const t = kind === 'annual' ? this.form.annual : this.form.longTerm;
    if (!t) throw new Error(`no ${kind} table`);
    return t;
  }

  /** The `nth` row of a table whose 三级 is `level3` (or whose 二级 is, for rows with no 三级). */
  row(kind: TableKind, level3: string, nth = 0): IndicatorRowMap {
    const r = this.table(kind).rows.filter((x) => x.level3 === level3 || (!x.level3 && x.level2 === level3))[nth];
    if (!r) throw new Error(`no row ${level3} #${nth} in the ${kind} table`);
    return r;
  }

  /** An indicator cell; a number column is an annual prior year. 'level1'/'level2' give the (merged) cell that names them. */
  indicator(kind: TableKind, level3: string, col: IndicatorCol, nth = 0): string {
    const t = this.table(kind);
    const r = this.row(kind, level3, nth);
    if (col === 'level1') return toA1(r.level1At!);
    if (col === 'level2') return toA1(r.level2At!);
    const c = typeof col === 'number' ? t.priorCols.find((p) => p.year === col)?.col : t.cols[col];
    if (c === null || c === undefined) throw new Error(`no ${kind} column ${col}`);
    return toA1({ row: r.row, col: c });
  }

  /** The cell naming a 一级 (or, with `level2`, a 二级 under it) in a table. */
  level(kind: TableKind, level1: string, level2?: string): string {
    const r = this.table(kind).rows.find((x) => x.level1 === level1 && (level2 === undefined || x.level2 === level2));
    if (!r) throw new Error(`no ${level1}/${level2 ?? ''} in the ${kind} table`);
    return toA1((level2 === undefined ? r.level1At : r.level2At)!);
  }
}

export function at(grid: Grid): At {
  const { form } = locate(grid);
  if (!form) throw new Error('no form found on the grid');
  return new At(form);
}

// ---------------------------------------------------------------- building forms

export type GridSource = () => Grid | Promise<Grid>;

/** The clean form, changed as FormData and laid out by the template. */
export function form(mutate: (f: FormData) => void = () => {}): GridSource {
  return () => {
    const f = cleanForm();
    mutate(f);
    return gridOf(f);
  };
}

export type Put = (a1: string, value: CellValue, extra?: Omit<Cell, 'value'>) => void;

/**
 * A form edited cell by cell (for what FormData cannot say: full-width digits, error values, numbers
 * stored as text): `put` writes a whole cell, `at` locates on the form before the edits.
 */
export function edited(edit: (put: Put, at: At, grid: Grid) => void, base: GridSource = form()): GridSource {
  return async () => {
    const grid = await base();
    const where = at(grid);
    edit((a1, value, extra) => setCell(grid, parseA1(a1), { value, ...extra }), where, grid);
    return grid;
  };
}

// ---------------------------------------------------------------- the tester

export interface ExpectedReport {
  messageId: string;
  /** The blamed cells, in the order the rule gives them. */
  cells: string[];
  /** The rule's `expected` value; left out means the report must carry none. */
  expected?: string;
  /** A subset of the report's data. */
  data?: Partial<Record<string, string | number>>;
  /** Text both the zh-CN and the en-US message must contain (the key data of the finding). */
  says?: string[];
  zh?: string[];
  en?: string[];
  /** The suggested fix, when the test pins it. */
  fix?: { cell: string; value: CellValue; numberFormat?: string }[];
}

export interface ValidCase {
  name: string;
  grid: GridSource;
}

export interface InvalidCase {
  name: string;
  grid: GridSource;
  errors: ExpectedReport[] | ((at: At) => ExpectedReport[]);
}

export function ruleOf(id: string): Rule {
  const rule = RULES_BY_ID.get(id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}

/** Runs one rule over a grid the way the engine does; a rule that throws fails the test. */
export function runRule(rule: Rule, grid: Grid): Issue[] {
  const { form } = locate(grid);
  if (!form) throw new Error('no form found on the grid');
  const issues = runRules(new FormContext(grid, form), [rule]);
  const fault = issues.find((i) => i.rule === ENGINE_FAULT_RULE);
  if (fault) throw new Error(`${rule.meta.id} threw: ${fault.data.message}`);
  return issues;
}

const PLACEHOLDER = /\{\w+\}/;

/** The `{name}` placeholders of an issue's message template that its data does not fill. */
export function unfilledPlaceholders(issue: Issue, locale: Locale): string[] {
  const template = RULES_BY_ID.get(issue.rule)?.meta.messages[issue.messageId]?.[locale];
  if (template === undefined) return [`no ${locale} message ${issue.rule}:${issue.messageId}`];
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).filter((k) => !(k in issue.data));
}

function checkMessages(rule: Rule, issue: Issue, want: ExpectedReport): void {
  expect(Object.keys(rule.meta.messages)).toContain(issue.messageId);
  // Whatever a report carries is shown in one language or the other.
  const templates = LOCALES.map((l) => rule.meta.messages[issue.messageId][l]).join('\n');
  expect(Object.keys(issue.data).filter((k) => !templates.includes(`{${k}}`))).toEqual([]);
  for (const locale of LOCALES) {
    expect(unfilledPlaceholders(issue, locale)).toEqual([]);
    const text = issueMessage(issue, locale);
    expect(text).not.toMatch(PLACEHOLDER);
    expect(text).not.toBe(`${issue.rule}:${issue.messageId}`);
    const wanted = [...(want.says ?? []), ...((locale === 'zh-CN' ? want.zh : want.en) ?? [])];
    for (const s of wanted) expect({ locale, text, contains: s }).toEqual({ locale, text: expect.stringContaining(s), contains: s });
  }
}

export function ruleTester(id: string, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const rule = ruleOf(id);

  describe(id, () => {
    test('meta: id, severity, bilingual description and messages', () => {
      expect(rule.meta.id).toBe(id);
      expect(['error', 'warning']).toContain(rule.meta.severity);
      for (const locale of LOCALES) {
        expect(rule.meta.description[locale].trim()).not.toBe('');
        for (const m of Object.values(rule.meta.messages)) expect(m[locale].trim()).not.toBe('');
      }
    });

    test('every message id is exercised by an invalid case', async () => {
      const seen = new Set<string>();
      for (const c of cases.invalid) {
        const grid = await c.grid();
        const errors = typeof c.errors === 'function' ? c.errors(at(grid)) : c.errors;
        errors.forEach((e) => seen.add(e.messageId));
      }
      expect([...seen].sort()).toEqual(Object.keys(rule.meta.messages).sort());
    });

    if (cases.valid.length > 0) {
      test.each(cases.valid.map((c) => [c.name, c] as const))('valid: %s', async (_name, c) => {
        const grid = await c.grid();
        expect(locate(grid).form).not.toBeNull();
        const issues = runRule(rule, grid);
        expect(issues.map(describeIssue)).toEqual([]);
      });
    }

    test.each(cases.invalid.map((c) => [c.name, c] as const))('invalid: %s', async (_name, c) => {
      const grid = await c.grid();
      const errors = typeof c.errors === 'function' ? c.errors(at(grid)) : c.errors;
      const issues = runRule(rule, grid);
      expect(issues.map(describeIssue)).toEqual(errors.map((e) => ({ messageId: e.messageId, cells: e.cells, expected: e.expected })));
      issues.forEach((issue, i) => {
        const want = errors[i];
        expect(issue.severity).toBe(rule.meta.severity);
        if (want.data) expect(issue.data).toMatchObject(want.data);
        if (want.fix) expect((issue.fix ?? []).map((f) => ({ cell: toA1(f.cell), value: f.value, ...(f.numberFormat ? { numberFormat: f.numberFormat } : {}) }))).toEqual(want.fix);
        if (issue.fix) for (const f of issue.fix) expect(issue.cells.map(toA1)).toContain(toA1(f.cell));
        checkMessages(rule, issue, want);
      });
      // The engine reports the same, whatever the other rules find.
      const core = (i: Issue) => ({ ...describeIssue(i), data: i.data, fix: i.fix });
      expect(check(grid).issues.filter((i) => i.rule === id).map(core)).toEqual(issues.map(core));
    });
  });
}

function describeIssue(i: Issue): { messageId: string; cells: string[]; expected?: string } {
  return { messageId: i.messageId, cells: i.cells.map((c: CellRef) => toA1(c)), expected: i.expected };
}
