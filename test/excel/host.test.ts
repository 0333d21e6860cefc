/** The host seam, run options, error translation and the cell helpers. */
import { officeHost, readSheet } from '../../src/excel';
import { addressChunks, cellBlocks, fromExcel, needsTextGuard, splitAreaAddress, toExcelInput } from '../../src/excel/cells';
import { toAdapterError } from '../../src/excel/errors';
import { fillFromColor, fillFromProps } from '../../src/excel/fills';
import { capabilities, libraryHas, runOptions } from '../../src/excel/host';
import { LOCAL_OFFICE_JS_1_1_110, DESKTOP_UNDO, WEB } from '../support/strict-excel';
import { strict } from './helpers';

describe('officeHost', () => {
  const g = globalThis as unknown as { Excel?: unknown; Office?: unknown };
  afterEach(() => {
    delete g.Excel;
    delete g.Office;
  });

  it('is one object, and hands options to Excel.run only when there are some', async () => {
    const calls: unknown[][] = [];
    g.Excel = { run: (...args: unknown[]) => (calls.push(args), Promise.resolve('ok')) };
    g.Office = { context: { requirements: { isSetSupported: (n: string, v: string) => n === 'ExcelApi' && v === '1.1' } } };
    const host = officeHost();
    expect(officeHost()).toBe(host);
    const batch = async () => 'x';
    await host.run(batch);
    await host.run(batch, { delayForCellEdit: undefined });
    await host.run(batch, { delayForCellEdit: true });
    expect(calls).toEqual([[batch], [batch], [{ delayForCellEdit: true }, batch]]);
    expect(host.isSetSupported('ExcelApi', '1.1')).toBe(true);
    expect(host.isSetSupported('ExcelApi', '1.2')).toBe(false);
  });
});

describe('capabilities and run options', () => {
  it('maps requirement sets to features and kinds of run to options', () => {
    const old = capabilities(strict({ apiVersion: '1.1' }).host);
    // delayForCellEdit has no requirement set (Excel.RunOptions reference): asked for everywhere.
    const { delayForCellEdit, ...rest } = old;
    expect(delayForCellEdit).toBe(true);
    expect(Object.values(rest).every((v) => v === false)).toBe(true);
    const mid = capabilities(strict({ apiVersion: '1.11' }).host);
    expect(mid).toMatchObject({ v1_9: true, comments: true, delayForCellEdit: true, mergedAreas: false, notes: false, undoGroup: false });
    const now = capabilities(strict({ apiVersion: '1.20' }).host);
    expect(runOptions(now, 'cells')).toEqual({ delayForCellEdit: true, mergeUndoGroup: true });
    expect(runOptions(now, 'decorate')).toEqual({ delayForCellEdit: true });
    expect(runOptions(old, 'cells')).toEqual({ delayForCellEdit: true });
  });

  it('detects members by their presence in the loaded library, not only by requirement set', () => {
    const local = capabilities(strict({ profile: LOCAL_OFFICE_JS_1_1_110 }).host);
    expect(local).toMatchObject({ v1_9: true, comments: true, mergedAreas: true, notes: false, selectAreas: false });
    // A stub of the library's classes the way office.js defines them (members on prototypes).
    class Worksheet {}
    Object.defineProperty(Worksheet.prototype, 'comments', { get: () => 1 });
    expect(libraryHas({ Worksheet }, 'Worksheet.comments')).toBe(true);
    expect(libraryHas({ Worksheet }, 'Worksheet.notes')).toBe(false);
    expect(libraryHas(undefined, 'Worksheet.notes')).toBe(false);
  });

  it('knows where hiding a sheet clears the undo stack', () => {
    expect(capabilities(strict({ profile: DESKTOP_UNDO }).host)).toMatchObject({ undoStack: true, hidingClearsUndo: true });
    expect(capabilities(strict({ profile: WEB }).host)).toMatchObject({ undoStack: true, hidingClearsUndo: false });
    expect(capabilities(strict({ apiVersion: '1.20' }).host)).toMatchObject({ undoStack: false, hidingClearsUndo: false });
  });
});

describe('errors', () => {
  it('translates host error codes', () => {
    // AccessDenied is "you cannot perform the requested operation": protected only where protection was read.
    expect(toAdapterError({ code: 'AccessDenied' }, 'S').code).toBe('access-denied');
    expect(toAdapterError({ code: 'AccessDenied' }, 'S', { protected: true }).code).toBe('sheet-protected');
    expect(toAdapterError({ code: 'InvalidOperation', message: 'Excel is in cell-editing mode.' }).code).toBe('cell-edit-mode');
    expect(toAdapterError({ code: 'InvalidOperation', message: 'other' }).code).toBe('host-error');
    expect(toAdapterError({ code: 'UndoNotSupported' }).code).toBe('undo-not-supported');
    expect(toAdapterError({ code: 'ResponsePayloadSizeLimitExceeded' }).code).toBe('payload-too-large');
    expect(toAdapterError({ code: 'ItemNotFound' }, 'S').text('en-US')).toContain('"S"');
    expect(toAdapterError({ code: 'InvalidOperationInCellEditMode' }).code).toBe('cell-edit-mode');
    expect(toAdapterError({ code: 'ApiNotFound' }).code).toBe('unsupported');
    // Excel's text names the API; the user is told to update instead.
    const missing = toAdapterError(Object.assign(new Error('The API you are trying to use could not be found. Worksheet.onChanged'), { code: 'ApiNotFound' }));
    expect(missing.text('zh-CN')).toBe('当前 Excel 版本缺少此功能所需的功能。请把 Excel 更新到最新版本，或改用 Excel 网页版。');
    expect(missing.text('en-US')).not.toMatch(/API|onChanged/);
    expect(toAdapterError(new Error('boom')).text('zh-CN')).toBe('Excel 报告了一个错误：boom');
  });

  it('says what happened in both languages: refused, protected, or busy editing a cell', async () => {
    const denied = toAdapterError({ code: 'AccessDenied' }, 'S');
    expect(denied.text('zh-CN')).toContain('AccessDenied');
    expect(denied.text('zh-CN')).toContain('只读');
    expect(denied.text('en-US')).toContain('read-only');
    const protectedSheet = toAdapterError({ code: 'AccessDenied' }, 'S', { protected: true });
    expect(protectedSheet.text('zh-CN')).toBe('工作表“S”受保护，未做任何修改。请先撤销工作表保护，再重试。');
    expect(protectedSheet.text('en-US')).toContain('"S" is protected');

    // A host whose Office.js does not honour delayForCellEdit (the library checks a "DelayForCellEdit"
    // flag of the host): the batch fails while the user types in a cell.
    const { xl, host } = strict();
    xl.loadGrid({ sheetName: 'S', cells: new Map([['0,0', { value: 1 }]]), merges: [], rowCount: 1, colCount: 1 });
    const ignoring = { ...host, run: <T,>(batch: (ctx: Excel.RequestContext) => Promise<T>) => host.run(batch) };
    xl.beginCellEdit();
    const err = await readSheet(ignoring).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'cell-edit-mode' });
    expect((err as { text(l: string): string }).text('zh-CN')).toContain('单元格编辑');
    expect((err as { text(l: string): string }).text('en-US')).toContain('cell-edit mode');
    xl.endCellEdit();
  });
});

describe('cells', () => {
  it('guards text that Excel would reinterpret', () => {
    for (const s of ['001', '1,234', '50%', '=A1', '+1', '-', 'TRUE', '#N/A', '2024-01-01', "'x", ' 1 ', '3/4', '12:30']) {
      expect([s, needsTextGuard(s)]).toEqual([s, true]);
    }
    for (const s of ['项目', 'abc', '人员类', 'A1 note']) expect([s, needsTextGuard(s)]).toEqual([s, false]);
    expect(toExcelInput('001')).toBe("'001");
    expect(toExcelInput(null)).toBe('');
    expect(toExcelInput({ error: '#REF!' })).toBe('#REF!');
    expect(fromExcel('#DIV/0!', 'Error')).toEqual({ error: '#DIV/0!' });
    expect(fromExcel('', 'Empty')).toBeNull();
  });

  it('covers exactly the given cells with few rectangles', () => {
    const cells = [
      { row: 0, col: 0 },
      { row: 0, col: 1 },
      { row: 1, col: 0 },
      { row: 1, col: 1 },
      { row: 3, col: 5 },
    ];
    expect(cellBlocks(cells)).toEqual([
      { top: 0, bottom: 1, left: 0, right: 1 },
      { top: 3, bottom: 3, left: 5, right: 5 },
    ]);
    const many = Array.from({ length: 2000 }, (_, i) => ({ top: i * 2, bottom: i * 2, left: 0, right: 0 }));
    const chunks = addressChunks(many, 2000);
    expect(chunks.every((c) => c.length <= 2000)).toBe(true);
    expect(chunks.join(',').split(',')).toHaveLength(2000);
    expect(splitAreaAddress("Sheet1!A1:B2,'My, Sheet'!C3")).toEqual(['A1:B2', 'C3']);
  });

  it('tells No Fill from white where the host can, and keeps a theme tint', () => {
    expect(fillFromProps({ color: '#FFFFFF', tintAndShade: null, pattern: null })).toBeNull();
    expect(fillFromProps({ color: '#ffffff', tintAndShade: 0, pattern: 'Solid' }, true)).toEqual({ color: '#FFFFFF' });
    // A host that reads No Fill as tint 0 cannot tell: white is taken as No Fill.
    expect(fillFromProps({ color: '#ffffff', tintAndShade: 0, pattern: null }, false)).toBeNull();
    expect(fillFromProps({ color: '#4472C4', tintAndShade: 0.6, pattern: 'Solid' }, false)).toEqual({ color: '#4472C4', tint: 0.6 });
    expect(fillFromProps({ color: '#FF0000', tintAndShade: 0, pattern: 'Gray50', patternColor: '#000000' })).toEqual({
      color: '#FF0000',
      pattern: 'Gray50',
      patternColor: '#000000',
    });
    expect(fillFromColor('#FFFFFF')).toBeNull();
    expect(fillFromColor('#00b050')).toEqual({ color: '#00B050' });
  });
});
