/** 开始新年度 and 导入上年申报表. */
import { cellKey, parseA1 } from '../../src/grid/address';
import { getCell } from '../../src/grid/grid';
import { buildTemplate, check, importFromLastYear, roll } from '../../src/engine';
import { applyPatch, invertPatch } from '../../src/patch';
import { fillNote } from '../../src/fills/notes';
import { importWarningText } from '../../src/i18n/messages';
import { cleanForm, copyForm, gridOf, paperGrid } from '../support/forms';
import type { FormData } from '../../src/form/form-data';

const CARRIED_OVER_NOTE = fillNote('carried-over');

const value = (grid: ReturnType<typeof gridOf>, a1: string) => getCell(grid, parseA1(a1))?.value ?? null;

describe('roll on the paper form', () => {
  it('leaves its notes in the language it was run in: one language per workbook', async () => {
    const before = await paperGrid();
    const notes = (locale: 'zh-CN' | 'en-US') => [...new Set(roll(before, { locale }).patch.writes.map((w) => w.note).filter(Boolean))];
    expect(notes('zh-CN')).toEqual(['由上年预期值结转，请核实实际完成值']);
    expect(notes('en-US')).toEqual(['Carried over from last year’s target: confirm the actual value']);
  });

  it('shifts the prior years, clears the current amounts, moves every year on by one and leaves the rest', async () => {
    const before = await paperGrid();
    const r = roll(before);
    expect(r.found).toBe(true);
    expect([r.fromYear, r.toYear]).toEqual([2024, 2025]);
    const after = applyPatch(before, r.patch);
    expect(value(after, 'F5')).toBe('2024年');
    expect(['F6', 'F9', 'F10', 'F11', 'F12', 'F13'].map((a) => value(after, a))).toEqual([7969.3, 7969.3, 754.14, 103.11, 7112, 7969.3]);
    expect(value(after, 'G5')).toBe('2023年');
    expect(['G6', 'G9', 'G10', 'G11', 'G12', 'G13'].map((a) => value(after, a))).toEqual([8674.7, 8674.7, 706.7, 102.5, 7865.5, 8674.7]);
    for (const a of ['D6', 'D9', 'D10', 'D11', 'D12', 'D13', 'E6', 'E9', 'E10', 'E13']) expect(value(after, a)).toBeNull();
    // The filing date is cleared, not moved on a year: the new form's date is not known yet.
    expect(value(after, 'A2')).toBe('填报日期：');
    expect(r.clearedDate).toBe('2024年1月12日');
    expect([value(after, 'E75'), value(after, 'F75')]).toEqual(['2023 年', '2024年']);
    // The annual table's newer prior year takes last year's target, marked for the user to confirm.
    expect(value(after, 'F101')).toBe('55种');
    expect(getCell(after, parseA1('F101'))?.note).toBe(CARRIED_OVER_NOTE);
    expect(value(after, 'E101')).toBe('55家');
    // Every other cell (texts, projects, indicator names and values) is unchanged.
    const written = new Set(r.patch.writes.map((w) => cellKey(parseA1(w.address))));
    let unchanged = 0;
    for (const [key, cell] of before.cells) {
      if (written.has(key)) continue;
      expect(after.cells.get(key)).toEqual(cell);
      unchanged++;
    }
    expect(unchanged).toBeGreaterThan(500);
    const cols = new Set(r.patch.writes.map((w) => w.address.replace(/\d+/, '')));
    expect([...cols].sort()).toEqual(['A', 'D', 'E', 'F', 'G']);
    // Column D is written only in the funding table (its current amounts), never in the texts or indicator tables.
    expect(r.patch.writes.filter((w) => w.address.startsWith('D')).every((w) => parseA1(w.address).row < 13)).toBe(true);
  });

  it('is undone exactly by its inverse', async () => {
    const before = await paperGrid();
    const r = roll(before);
    const restored = applyPatch(applyPatch(before, r.patch), invertPatch(before, r.patch));
    for (const [key, cell] of before.cells) expect(restored.cells.get(key)?.value).toEqual(cell.value);
  });

  it('recomputes the older change rate on the template after the roll', () => {
    const grid = gridOf(cleanForm());
    const after = applyPatch(grid, roll(grid).patch);
    const f = check(after).form!.funding!;
    const total = f.groups[1].total!.row;
    // 2024 (7969.3) against 2023 (8674.7): −8.13% now sits in 上年较前年.
    expect(getCell(after, { row: total, col: f.changePriorCol! })?.value).toBe(-0.0813);
    expect(getCell(after, { row: total, col: f.changeCurrentCol! })?.value ?? null).toBeNull();
  });
});

/** Last year's form: one year earlier, projects and indicators in another order and partly renamed. */
function lastYearForm(): FormData {
  const f = copyForm(cleanForm());
  f.date = { year: 2023, month: 1, day: 10 };
  f.priorYears = [2022, 2021];
  f.annualYears = [2021, 2022];
  f.funding.expense.items.personnel.current = '706.7';
  f.funding.expense.items.operating.current = '102.5';
  f.funding.expense.items.targeted.current = '7865.5';
  f.funding.expense.total.current = '8674.7';
  f.funding.income.items.fiscal.current = '8674.7';
  f.funding.income.total.current = '8674.7';
  f.funding.expense.items.targeted.prior = ['9290', '9100'];
  f.projects.reverse();
  f.projects.find((p) => p.name === '滨湖大厦办公大楼运行保障')!.name = '滨湖大厦运行保障（更名）';
  f.annual.reverse();
  const renamed = f.annual.find((r) => r[2] === '公务用车保障车辆数量')!;
  renamed[2] = '公务用车保障数量';
  const target = f.annual.find((r) => r[2] === '会议服务次数')!;
  target[5] = '210场次';
  target[4] = '220场次';
  return f;
}

function thisYearForm(): FormData {
  const f = copyForm(cleanForm());
  for (const g of [f.funding.income, f.funding.expense]) {
    for (const item of Object.values(g.items)) item.prior = [null, null];
    g.total.prior = [null, null];
  }
  for (const r of f.annual) {
    r[3] = null;
    r[4] = null;
  }
  return f;
}

describe('import last year’s workbook', () => {
  const last = gridOf(lastYearForm());
  const current = gridOf(thisYearForm());
  const r = importFromLastYear(last, current);
  const after = applyPatch(current, r.patch);
  const form = check(after).form!;
  const f = form.funding!;
  const annual = form.annual!;
  const row = (l3: string) => annual.rows.find((x) => x.level3 === l3)!.row;
  const [newer, older] = [...annual.priorCols].sort((a, b) => b.year! - a.year!);

  it('fills the funding prior years by item: last year’s current and its newer prior', () => {
    const [fNewer, fOlder] = [...f.priorCols].sort((a, b) => b.year! - a.year!);
    const targeted = f.groups[1].items.find((i) => i.key === 'targeted')!.row;
    expect(getCell(after, { row: targeted, col: fNewer.col })?.value).toBe(7865.5);
    expect(getCell(after, { row: targeted, col: fOlder.col })?.value).toBe(9290);
  });

  it('matches indicators by their names whatever the order; the target comes over marked to confirm', () => {
    expect(getCell(after, { row: row('会议服务次数'), col: newer.col })?.value).toBe('210场次');
    expect(getCell(after, { row: row('会议服务次数'), col: newer.col })?.note).toBe(CARRIED_OVER_NOTE);
    expect(getCell(after, { row: row('会议服务次数'), col: older.col })?.value).toBe('220场次');
  });

  it('lists the rows it could not match and fills nothing for them', () => {
    expect(getCell(after, { row: row('公务用车保障车辆数量'), col: newer.col })?.value ?? null).toBeNull();
    const labels = (r.unmatched ?? []).map((u) => `${u.kind}:${u.side}:${u.label}`);
    expect(labels).toEqual(
      expect.arrayContaining([
        'indicator:this:履职效能/核心业务产出4/公务用车保障车辆数量',
        'indicator:last:履职效能/核心业务产出4/公务用车保障数量',
        'project:this:滨湖大厦办公大楼运行保障',
        'project:last:滨湖大厦运行保障(更名)',
      ]),
    );
    expect(r.matched?.filter((m) => m.kind === 'project')).toHaveLength(7);
  });

  it('keeps what the user typed unless asked to overwrite', () => {
    const typed = applyPatch(current, { sheetName: current.sheetName, skipped: [], writes: [{ address: 'F12', value: 1234, reason: 'undo' }] });
    const again = importFromLastYear(last, typed);
    expect(again.patch.writes.find((w) => w.address === 'F12')).toBeUndefined();
    expect(again.patch.skipped.find((s) => s.address === 'F12')?.found).toBe(1234);
    expect(importFromLastYear(last, typed, { overwrite: true }).patch.writes.find((w) => w.address === 'F12')?.value).toBe(7865.5);
  });
});

describe('roll: 填报日期, blank forms and carried-over notes', () => {
  it('clears a filing date typed in its own cell and says what it was; check then asks for the new date', () => {
    const grid = gridOf(cleanForm());
    const r = roll(grid);
    expect(r.clearedDate).toBe('2024年1月12日');
    const after = applyPatch(grid, r.patch);
    const form = check(after).form!;
    expect(getCell(after, form.header.date!.value)?.value ?? null).toBeNull();
    // The year still reads from the headers the roll moved on.
    expect(roll(after).fromYear).toBe(2025);
    expect(check(after).issues.filter((i) => i.rule === 'header-required').map((i) => i.data.field)).toEqual(['填报日期']);
  });

  it('rolls the blank template by the years of its headers and adds no note to an empty cell', () => {
    const grid = buildTemplate({ year: 2027 }).grid;
    const r = roll(grid);
    expect([r.fromYear, r.toYear, r.clearedDate]).toEqual([2027, 2028, null]);
    expect(r.patch.writes.filter((w) => w.note)).toEqual([]);
    const after = applyPatch(grid, r.patch);
    expect(check(after).form!.funding!.priorCols.map((c) => c.year)).toEqual([2027, 2026]);
  });

  it('notes only the values it carried over: an empty target stays an empty cell with no note', () => {
    const f = copyForm(cleanForm());
    f.annual.find((r) => r[2] === '会议服务次数')![5] = null;
    const grid = gridOf(f);
    const r = roll(grid);
    const form = check(grid).form!;
    const annual = form.annual!;
    const newer = [...annual.priorCols].sort((a, b) => b.year! - a.year!)[0];
    const at = (l3: string) => `${String.fromCharCode(65 + newer.col)}${annual.rows.find((x) => x.level3 === l3)!.row + 1}`;
    const emptied = r.patch.writes.find((w) => w.address === at('会议服务次数'));
    expect(emptied).toMatchObject({ value: null });
    expect(emptied?.note).toBeUndefined();
    expect(r.patch.writes.find((w) => w.address === at('公务用车保障车辆数量'))).toMatchObject({ value: '231辆', note: CARRIED_OVER_NOTE });
    expect(r.patch.writes.filter((w) => w.note).every((w) => w.value !== null)).toBe(true);
  });

  it('reports no year, rather than guessing, on a form with neither date nor year headers', () => {
    const grid = gridOf(cleanForm());
    const form = check(grid).form!;
    const headers = [...form.funding!.priorCols, ...form.annual!.priorCols].map((c) => c.header);
    const bare = applyPatch(grid, {
      sheetName: grid.sheetName,
      skipped: [],
      writes: [form.header.date!.value, ...headers].map((c) => ({ address: `${String.fromCharCode(65 + c.col)}${c.row + 1}`, value: c === form.header.date!.value ? null : '年', reason: 'undo' as const })),
    });
    expect(roll(bare)).toMatchObject({ found: true, fromYear: null, toYear: null });
  });
});

/** A form for `year`, filed on 10 January, with the clean form's figures. */
function formFor(year: number): FormData {
  const f = copyForm(cleanForm());
  f.date = { year, month: 1, day: 10 };
  f.priorYears = [year - 1, year - 2];
  f.annualYears = [year - 2, year - 1];
  return f;
}

describe('import matches columns by year', () => {
  it('refuses a form whose years do not fit (2024 into 2027) and writes nothing, not even change rates', () => {
    const template = buildTemplate({ year: 2027 }).grid;
    const r = importFromLastYear(gridOf(formFor(2024)), template);
    expect(r.years).toEqual({ last: 2024, this: 2027 });
    expect(r.missingYears).toEqual([2026, 2025]);
    expect(r.patch.writes).toEqual([]);
    expect(r.warnings?.map((w) => importWarningText(w)).join('\n')).toContain('请选择 2026 年的申报表');
  });

  it('refuses a gap of one year too (2025 into 2027): 2026 is nowhere in the 2025 form', () => {
    const r = importFromLastYear(gridOf(formFor(2025)), buildTemplate({ year: 2027 }).grid);
    expect(r.missingYears).toEqual([2026]);
    expect(r.patch.writes).toEqual([]);
  });

  it('puts each year under its own header: 2026 into the 2027 template', () => {
    const template = buildTemplate({ year: 2027 }).grid;
    const r = importFromLastYear(gridOf(formFor(2026)), template);
    expect(r.missingYears).toEqual([]);
    const after = applyPatch(template, r.patch);
    const f = check(after).form!.funding!;
    const total = f.groups[1].total!.row;
    const col = (year: number) => f.priorCols.find((c) => c.year === year)!.col;
    // The 2026 form's current total (7969.3) goes under 2026年, its 2025 column (8674.7) under 2025年.
    expect(getCell(after, { row: total, col: col(2026) })?.value).toBe(7969.3);
    expect(getCell(after, { row: total, col: col(2025) })?.value).toBe(8674.7);
  });
});
