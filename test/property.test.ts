/**
 * Properties over generated input: the parser never throws, the checks never throw (nor turn a rule's
 * exception into an engine-fault finding) whatever is typed where, a fill leaves no arithmetic for the
 * checks to find, and a second fill has nothing left to write.
 */
import fc from 'fast-check';
import { check, fill, issueMessage } from '../src/engine';
import { applyPatch } from '../src/patch';
import { parseCell, parseText } from '../src/read/values';
import { ENGINE_FAULT_RULE } from '../src/rules/run';
import { cloneGrid, getValue, gridFromRows, setCell } from '../src/grid/grid';
import { locate } from '../src/locate/locate';
import { toA1 } from '../src/grid/address';
import type { Cell, CellValue, Grid } from '../src/grid/types';
import type { FormData, FundingRowData } from '../src/form/form-data';
import { FUNDING, KEY_LABELS, TOTAL_LABELS } from '../src/form/spec';
import { cleanForm, gridOf, sampleGrid } from './support/forms';
import { unfilledPlaceholders } from './rules/rule-tester';

const RUNS = { numRuns: 150 };

// ---------------------------------------------------------------- what people type

/** Characters of the values people type, full-width and odd spaces included. */
const TYPED_CHARS = [
  ...'0123456789.,%-+ ',
  ...'０１２３４５６７８９．，％－＋',
  '\u3000',
  '\u00a0',
  '\u200b',
  '\t',
  '\n',
  '−',
  ...'≥≤<>=',
  ...'万元种个次辆年月日率合计',
  ...'#REF!DIV/0NA?',
  ...'eE',
];

const typedText = fc.array(fc.constantFrom(...TYPED_CHARS), { maxLength: 14 }).map((cs) => cs.join(''));

const anyText = fc.oneof(
  typedText,
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('#REF!', '#DIV/0!', '＃ＲＥＦ！', '9.46%', '８９．２５％', '7112\u3000', '1,234.5', '≥90%', '55种', '2024年1月12日', 'TRUE', ''),
);

const anyNumber = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(NaN, Infinity, -Infinity, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, -0, 1e21, 1e-21, 0.1 + 0.2, 2 ** 53 + 1),
);

const anyError = fc.oneof(fc.constantFrom('#REF!', '#DIV/0!', '#N/A', '#VALUE!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!'), fc.string({ maxLength: 8 })).map((error) => ({ error }));

const anyValue: fc.Arbitrary<CellValue> = fc.oneof(anyText, anyNumber, fc.boolean(), anyError, fc.constant(null));

const anyFormat = fc.option(fc.constantFrom('General', '0.00', '0.00%', '0%', '0.0000%', 'yyyy"年"m"月"d"日"', '@', '#,##0.00', '"%"0'), { nil: undefined });

const anyCell: fc.Arbitrary<Cell> = fc.record(
  { value: anyValue, numberFormat: anyFormat, formula: fc.option(fc.constantFrom('=SUM(D6:D8)', '=1/0', '=A1'), { nil: undefined }) },
  { requiredKeys: ['value'] },
);

describe('the value parser', () => {
  test('parseText never throws and always gives a known kind', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(['empty', 'error', 'number', 'quantity', 'text']).toContain(parseText(text).kind);
      }),
      { numRuns: 500 },
    );
  });

  test('parseCell never throws, and a number it gives is finite', () => {
    fc.assert(
      fc.property(fc.option(anyCell, { nil: undefined }), (cell) => {
        const p = parseCell(cell);
        if (p.kind === 'number' || p.kind === 'quantity') expect(p.value.isFinite()).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

// ---------------------------------------------------------------- checks never crash

function expectWellBehaved(grid: Grid): void {
  const result = check(grid);
  const faults = result.issues.filter((i) => i.rule === ENGINE_FAULT_RULE);
  expect(faults.map((f) => `${f.data.rule}: ${f.data.message}`)).toEqual([]);
  for (const issue of result.issues) {
    for (const c of issue.cells) expect(c.row >= 0 && c.col >= 0).toBe(true);
    for (const locale of ['zh-CN', 'en-US'] as const) expect(unfilledPlaceholders(issue, locale)).toEqual([]);
  }
  if (result.found) fill(grid);
}

const CLEAN = gridOf(cleanForm());
const SAMPLE = sampleGrid();

describe('check on arbitrary contents', () => {
  const edits = (grid: Grid) =>
    fc.array(fc.tuple(fc.integer({ min: 0, max: grid.rowCount + 1 }), fc.integer({ min: 0, max: grid.colCount }), anyCell), { minLength: 1, maxLength: 12 });

  test.each([
    ['the clean form', CLEAN],
    ['the filed example', SAMPLE],
  ])('%s with arbitrary cells overwritten: no throw, no engine fault', (_name, base) => {
    fc.assert(
      fc.property(edits(base), (writes) => {
        const grid = cloneGrid(base);
        for (const [row, col, cell] of writes) setCell(grid, { row, col }, cell);
        expectWellBehaved(grid);
      }),
      RUNS,
    );
  });

  test('the clean form with its value cells typed over', () => {
    const located = check(CLEAN).form!;
    const valueCells = [
      ...Object.values(located.header).map((f) => f!.value),
      ...located.funding!.groups.flatMap((g) => [...g.items, ...(g.total ? [g.total] : [])]).flatMap((r) => [3, 4, 5, 6, 7, 8].map((col) => ({ row: r.row, col }))),
      ...located.projects!.slotRows.flatMap((row) => [1, 2, 3, 4, 5].map((col) => ({ row, col }))),
      ...[located.longTerm!, located.annual!].flatMap((t) => t.rows.flatMap((r) => [1, 2, 3, 4, 5, 6, 7, 8].map((col) => ({ row: r.row, col })))),
    ];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...valueCells), anyCell), { minLength: 1, maxLength: 30 }), (writes) => {
        const grid = cloneGrid(CLEAN);
        for (const [ref, cell] of writes) setCell(grid, ref, cell);
        expectWellBehaved(grid);
      }),
      RUNS,
    );
  });

  /** Labels of the form, so that random small grids sometimes hold part of one. */
  const LABELS = [
    ...KEY_LABELS,
    ...TOTAL_LABELS,
    ...FUNDING.groups.flatMap((g) => [g.label, ...g.items.map((i) => i.label)]),
    '近两年收支金额',
    '2023年',
    '2022年',
    '２０２２ 年',
    '当年较上年',
    '上年较前年',
    '项目本年度预算',
    '项目总预算',
    '支出项目类别',
    '二级指标',
    '指标值',
    '近两年指标值',
    '指标值确定依据',
    '指标分类',
    '长期目标（截止2025年）',
    '年度目标',
    '填报日期：2024年1月12日',
    '联系电话',
    '填报人',
    '部门（单位）名称',
  ];
  const smallCell = fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...LABELS) as fc.Arbitrary<CellValue> }, { weight: 3, arbitrary: anyValue });

  test('random small grids: no throw, no engine fault', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(smallCell, { maxLength: 9 }), { maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(11), fc.nat(8), fc.nat(3), fc.nat(3)), { maxLength: 4 }),
        (rows, merges) => {
          const grid = gridFromRows(rows);
          grid.merges = merges.map(([top, left, h, w]) => ({ top, left, bottom: top + h, right: left + w }));
          expectWellBehaved(grid);
        },
      ),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------- fill, then check

/** An amount in 万元 with up to two places, as typed: "12", "12.5", "12.34". */
const centsText = (cents: number): string => (cents / 100).toFixed(2).replace(/\.?0+$/, '');

/** Three non-negative parts in cents adding up to `total`, some of the zero ones left empty. */
const partition = (total: number) =>
  fc.tuple(fc.integer({ min: 0, max: total }), fc.integer({ min: 0, max: total }), fc.boolean()).map(([a, b, blankZeros]) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    return [lo, hi - lo, total - hi].map((c) => (c === 0 && blankZeros ? null : c));
  });

const amountCents = fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constant(0) }, { weight: 6, arbitrary: fc.integer({ min: 0, max: 2_000_000 }) });

/** One column (current, or a prior year) of both groups: income items, and expense items that balance them. */
const balancedColumn = fc
  .tuple(amountCents, amountCents, amountCents)
  .chain((income) => partition(income.reduce<number>((s, c) => s + (c ?? 0), 0)).map((expense) => ({ income, expense })));

const fundingForm = fc.tuple(balancedColumn, balancedColumn, balancedColumn).map((cols) => {
  const f = cleanForm();
  for (const [g, group] of FUNDING.groups.entries()) {
    const data = f.funding[group.key];
    group.items.forEach((item, i) => {
      const cents = cols.map((c) => (g === 0 ? c.income : c.expense)[i]);
      const text = (c: number | null) => (c === null ? null : centsText(c));
      data.items[item.key] = { current: text(cents[0]), share: null, prior: [text(cents[1]), text(cents[2])] } satisfies FundingRowData;
    });
    data.total = { current: null, share: null, prior: [null, null] };
  }
  return { form: f, cols };
});

/** How a person may have typed an amount: as a number, as text, in full-width digits, with a trailing ideographic space. */
type Style = 'number' | 'text' | 'fullWidth' | 'space';
const style = fc.constantFrom<Style>('number', 'number', 'text', 'fullWidth', 'space');
const fullWidth = (t: string) => t.replace(/[0-9.]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));

/** The form laid out, its item amounts retyped in the given styles (cycled over the cells). */
function typedAs(form: FormData, styles: Style[]): Grid {
  const grid = gridOf(form);
  const located = locate(grid).form!;
  const f = located.funding!;
  const cols = [f.currentCol, ...f.priorCols.map((p) => p.col)];
  let k = 0;
  for (const item of f.groups.flatMap((g) => g.items)) {
    for (const col of cols) {
      const v = getValue(grid, { row: item.row, col });
      if (typeof v !== 'number') continue;
      const s = styles[k++ % styles.length] ?? 'number';
      const text = String(v);
      if (s === 'text') setCell(grid, { row: item.row, col }, { value: text });
      if (s === 'fullWidth') setCell(grid, { row: item.row, col }, { value: fullWidth(text) });
      if (s === 'space') setCell(grid, { row: item.row, col }, { value: `${text}\u3000` });
    }
  }
  return grid;
}

const ARITHMETIC = ['funding-total', 'funding-share', 'funding-shares-sum', 'funding-share-missing', 'funding-balance'];

function describeForm(f: FormData): string {
  return JSON.stringify(f.funding);
}

describe('fill, then check', () => {
  test('a filled form has no arithmetic finding (totals, shares, balance)', () => {
    fc.assert(
      fc.property(fundingForm, ({ form }) => {
        const grid = gridOf(form);
        const filled = applyPatch(grid, fill(grid).patch);
        const issues = check(filled).issues.filter((i) => ARITHMETIC.includes(i.rule) || i.rule === ENGINE_FAULT_RULE);
        expect({ form: describeForm(form), issues: issues.map((i) => `${i.rule} ${i.messageId} ${i.cells.map(toA1).join(',')} ${issueMessage(i, 'en-US')}`) }).toEqual({
          form: describeForm(form),
          issues: [],
        });
      }),
      RUNS,
    );
  });

  test('the same, whatever way the amounts were typed', () => {
    fc.assert(
      fc.property(fundingForm, fc.array(style, { minLength: 1, maxLength: 18 }), ({ form }, styles) => {
        const grid = typedAs(form, styles);
        const filled = applyPatch(grid, fill(grid).patch);
        const issues = check(filled).issues.filter((i) => ARITHMETIC.includes(i.rule) || i.rule === ENGINE_FAULT_RULE);
        expect(issues.map((i) => `${i.rule} ${i.cells.map(toA1).join(',')} ${issueMessage(i, 'en-US')}`)).toEqual([]);
        expect(fill(filled).patch.writes).toEqual([]);
      }),
      RUNS,
    );
  });

  test('a second fill has nothing to write', () => {
    fc.assert(
      fc.property(fundingForm, ({ form }) => {
        const grid = gridOf(form);
        const filled = applyPatch(grid, fill(grid).patch);
        const again = fill(filled);
        expect(again.patch.writes).toEqual([]);
        expect(again.patch.skipped).toEqual([]);
      }),
      RUNS,
    );
  });

  test('a second fill in formula mode has nothing to write either', () => {
    fc.assert(
      fc.property(fundingForm, ({ form }) => {
        const grid = gridOf(form);
        const filled = applyPatch(grid, fill(grid, { mode: 'formulas' }).patch);
        expect(fill(filled, { mode: 'formulas' }).patch.writes).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });
});
