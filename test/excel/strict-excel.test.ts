/** The fake is only useful if it is strict: these tests pin the Office.js behaviours the adapter relies on. */
import { DESKTOP_UNDO, LOCAL_OFFICE_JS_1_1_110, SETTINGS_CAP, StrictExcel, StrictExcelError, WEB } from '../support/strict-excel';
import type { StrictContext } from '../support/strict-excel';
import { tableGrid } from './helpers';

type Ctx = StrictContext;

describe('batching', () => {
  it('applies queued writes only at sync', async () => {
    const xl = new StrictExcel();
    await xl.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      ws.getRange('A1').values = [[42]];
      expect(xl.snapshot()).toEqual([]);
      await ctx.sync();
    });
    expect(xl.snapshot()).toEqual([{ address: 'A1', value: 42 }]);
  });

  it('throws PropertyNotLoaded for a property that was not loaded, or loaded but not yet synced', async () => {
    const xl = new StrictExcel();
    xl.loadGrid(tableGrid(3));
    await xl.run(async (ctx: Ctx) => {
      const range = ctx.workbook.worksheets.getActiveWorksheet().getRange('A1:B2');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      expect(() => range.values).toThrow(StrictExcelError);
      await ctx.sync();
      expect(range.values).toEqual([
        ['项目', '本年'],
        ['项目1', 10],
      ]);
      // Loading one property does not load its neighbours.
      expect(() => range.formulas).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      expect(() => range.format.fill.color).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('refuses a batch that ends with operations it never synced', async () => {
    const xl = new StrictExcel();
    await expect(
      xl.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getActiveWorksheet().getRange('A1').values = [[1]];
      }),
    ).rejects.toMatchObject({ code: 'UnsyncedOperations' });
    expect(xl.snapshot()).toEqual([]);
  });

  it('counts syncs, operations, writes and written bytes per batch', async () => {
    const xl = new StrictExcel();
    await xl.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      ws.getRange('A1:B1').values = [['ab', 1]];
      ws.getRange('A1').format.fill.color = '#FF0000';
      await ctx.sync();
      ws.getRange('A1').load('values');
      await ctx.sync();
    });
    expect(xl.syncCount).toBe(2);
    expect(xl.batches[0]).toMatchObject({ writes: 2, bytes: JSON.stringify([['ab', 1]]).length + JSON.stringify('#FF0000').length });
    expect(xl.batches[0].ops).toBe(5); // getActiveWorksheet, two getRange, two writes
    expect(xl.batches[1].writes).toBe(0);
  });

  it('closes the context when the run ends', async () => {
    const xl = new StrictExcel();
    let kept: StrictContext | undefined;
    await xl.run(async (ctx: Ctx) => {
      kept = ctx;
    });
    expect(() => kept!.workbook.worksheets.getActiveWorksheet()).toThrow(expect.objectContaining({ code: 'InvalidRequestContext' }));
  });
});

describe('requirement sets', () => {
  it('answers isSetSupported by its level, SharedRuntime included', () => {
    const xl = new StrictExcel({ apiVersion: '1.9', sharedRuntime: true });
    expect(xl.isSetSupported('ExcelApi', '1.9')).toBe(true);
    expect(xl.isSetSupported('ExcelApi', '1.10')).toBe(false);
    expect(xl.isSetSupported('ExcelApi', '1.1')).toBe(true);
    expect(xl.isSetSupported('SharedRuntime', '1.1')).toBe(true);
    expect(new StrictExcel({ apiVersion: '1.1' }).isSetSupported('SharedRuntime', '1.1')).toBe(false);
  });

  it('fails an API above its level at sync with ApiNotFound, after the earlier operations ran', async () => {
    const xl = new StrictExcel({ apiVersion: '1.1' });
    await expect(
      xl.run(async (ctx: Ctx) => {
        const ws = ctx.workbook.worksheets.getActiveWorksheet();
        ws.getRange('A1').values = [['before']];
        ws.getUsedRange().getCellProperties({ format: { fill: { color: true } } });
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    expect(xl.snapshot()).toEqual([{ address: 'A1', value: 'before' }]);
  });

  it('knows which parameters and options belong to later sets', async () => {
    const xl = new StrictExcel({ apiVersion: '1.1' });
    await expect(
      xl.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getActiveWorksheet().getUsedRange(true).load('address');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    // delayForCellEdit belongs to no requirement set (Excel.RunOptions reference).
    await expect(xl.run({ delayForCellEdit: true }, async () => 1)).resolves.toBe(1);
    await expect(new StrictExcel({ apiVersion: '1.19' }).run({ mergeUndoGroup: true }, async () => 1)).rejects.toMatchObject({
      code: 'ApiNotFound',
    });
    await expect(new StrictExcel({ apiVersion: '1.20' }).run({ mergeUndoGroup: true }, async () => 1)).resolves.toBe(1);
  });

  it('checks versions of loaded properties, not only methods', async () => {
    const xl = new StrictExcel({ apiVersion: '1.8' });
    await expect(
      xl.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getActiveWorksheet().getRange('A1').format.fill.load('tintAndShade');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});

describe('cells', () => {
  it('follows the Office.js rules for null, empty string, apostrophes and typed text', async () => {
    const xl = new StrictExcel();
    await xl.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      ws.getRange('A1:F1').values = [['x', 'y', 'z', 'w', 'v', 'u']];
      await ctx.sync();
      ws.getRange('A1:F1').values = [[null, '', "'001", '001', '=B1', '50%']];
      await ctx.sync();
    });
    expect(xl.snapshot()).toEqual([
      { address: 'A1', value: 'x' },
      { address: 'C1', value: '001' },
      { address: 'D1', value: 1 },
      { address: 'E1', value: null, formula: '=B1' },
      { address: 'F1', value: 0.5, numberFormat: '0%' },
    ]);
  });

  it('rejects arrays that do not match the range', async () => {
    const xl = new StrictExcel();
    await expect(
      xl.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getActiveWorksheet().getRange('A1:B2').values = [[1, 2]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('reports No Fill as white with pattern null, telling them apart only by tintAndShade (office-js#4900)', async () => {
    const xl = new StrictExcel();
    xl.sheet().cells.set('0,1', { value: null, fill: { color: '#FFFFFF' } });
    await xl.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      const none = ws.getRange('A1').format.fill;
      const white = ws.getRange('B1').format.fill;
      none.load('color,tintAndShade,pattern');
      white.load('color,tintAndShade,pattern');
      const props = ws.getRange('A1:B1').getCellProperties({ format: { fill: { color: true, tintAndShade: true } } });
      await ctx.sync();
      expect([none.color, white.color]).toEqual(['#FFFFFF', '#FFFFFF']);
      expect([none.tintAndShade, white.tintAndShade]).toEqual([null, 0]);
      expect([none.pattern, white.pattern]).toEqual([null, 'Solid']);
      expect(props.value[0].map((p) => p.format)).toEqual([
        { fill: { color: '#FFFFFF', tintAndShade: null } },
        { fill: { color: '#FFFFFF', tintAndShade: 0 } },
      ]);
    });
  });
});

describe('protection', () => {
  it('fails a write to a protected sheet at sync, keeping what the batch did before it', async () => {
    const xl = new StrictExcel();
    xl.loadGrid(tableGrid(3));
    const other = xl.addSheet('Other');
    xl.protect('申报表');
    await expect(
      xl.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem('Other').getRange('A1').values = [['written']];
        ctx.workbook.worksheets.getItem('申报表').getRange('B2').values = [[999]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(other.cells.get('0,0')?.value).toBe('written');
    expect(xl.sheet('申报表').cells.get('1,1')?.value).toBe(10);
  });
});

describe('null objects', () => {
  it('settles isNullObject only at sync', async () => {
    const xl = new StrictExcel();
    await xl.run(async (ctx: Ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('nope');
      const setting = ctx.workbook.settings.getItemOrNullObject('k');
      setting.load('value');
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(setting.isNullObject).toBe(true);
      expect(() => setting.value).toThrow(StrictExcelError);
    });
  });
});

describe('save and reopen', () => {
  it('round-trips the workbook through JSON', async () => {
    const xl = new StrictExcel();
    xl.loadGrid(tableGrid(5), { fills: { B2: '#00FF00' }, notes: { C3: 'hello' } });
    xl.wb.settings.k = { a: 1 };
    const json = JSON.parse(JSON.stringify(xl.toJSON()));
    const back = StrictExcel.fromJSON(json);
    expect(back.snapshot('申报表')).toEqual(xl.snapshot('申报表'));
    expect(back.wb.settings).toEqual({ k: { a: 1 } });
    const renamed = StrictExcel.fromJSON(json, { newIds: true });
    expect(renamed.sheet('申报表').id).not.toBe(xl.sheet('申报表').id);
  });
});

describe('cell edit mode', () => {
  it('fails a run while the user edits a cell, unless it asks to wait', async () => {
    const xl = new StrictExcel({ apiVersion: '1.11' });
    xl.beginCellEdit();
    await expect(xl.run(async () => 1)).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    let done = false;
    const waiting = xl.run({ delayForCellEdit: true }, async () => {
      done = true;
      return 2;
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(done).toBe(false);
    xl.endCellEdit();
    await expect(waiting).resolves.toBe(2);
  });
});

describe('real-Excel profiles', () => {
  it('returns null for values over five million cells (office-js#4783) and counts formatting in the plain used range', async () => {
    const xl = new StrictExcel({ profile: WEB });
    xl.loadGrid(tableGrid(5));
    xl.formatToLastRow(undefined, 0, 7);
    await xl.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      const all = ws.getUsedRange().load('address,values');
      const content = ws.getUsedRange(true).load('address,values');
      await ctx.sync();
      expect(all.address).toBe('申报表!A1:H1048576');
      expect(all.values).toBeNull();
      expect(content.address).toBe('申报表!A1:F5');
      expect(content.values).toHaveLength(5);
    });
  });

  it('refuses requests and responses over the web payload limit', async () => {
    const xl = new StrictExcel({ profile: { ...WEB, payloadLimit: 1000 } });
    xl.loadGrid(tableGrid(200));
    await expect(
      xl.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getActiveWorksheet().getUsedRange().load('values');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    await expect(
      xl.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getActiveWorksheet().getRange('A1:A200').values = Array.from({ length: 200 }, () => ['xxxxxxxxxx']);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(xl.snapshot()[0]).toEqual({ address: 'A1', value: '项目' });
  });

  it('keeps an undo stack: one entry per changing sync, cleared by a call the desktop cannot undo', async () => {
    const xl = new StrictExcel({ profile: DESKTOP_UNDO });
    xl.loadGrid(tableGrid(5));
    expect(xl.isSetSupported('ExcelUndoApiAll', '1.0')).toBe(true);
    xl.userEdit('申报表', 'A9', 'x');
    await xl.run(async (ctx: Ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRange('B9').values = [[1]];
      await ctx.sync();
      ctx.workbook.worksheets.getActiveWorksheet().getRange('B9').load('values');
      await ctx.sync(); // a read adds nothing
    });
    expect(xl.undoStack.map((e) => e.by)).toEqual(['user', 'api']);
    await xl.run(async (ctx: Ctx) => {
      ctx.workbook.worksheets.add('hidden').visibility = 'VeryHidden';
      await ctx.sync();
    });
    expect(xl.undoClears).toEqual(['Worksheet.visibility=']);
    expect(xl.undoStack).toHaveLength(1); // cleared from that call on: only this sync's own entry is left
    // Under mergeUndoGroup such a call fails the batch instead.
    await expect(
      xl.run({ mergeUndoGroup: true }, async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem('hidden').visibility = 'Visible';
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'UndoNotSupported' });
    const web = new StrictExcel({ profile: WEB });
    await web.run(async (ctx: Ctx) => {
      ctx.workbook.worksheets.add('h').visibility = 'VeryHidden';
      await ctx.sync();
    });
    expect(web.undoClears).toEqual([]); // undoable in Excel on the web
  });

  it('caps the add-in settings with InvalidArgument (office-js#3957)', async () => {
    const xl = new StrictExcel({ profile: SETTINGS_CAP });
    await expect(
      xl.run(async (ctx: Ctx) => {
        ctx.workbook.settings.add('big', 'x'.repeat(2 * 1024 * 1024));
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(xl.wb.settings).toEqual({});
  });

  it('reports a co-author\'s edit with source Remote', async () => {
    const xl = new StrictExcel();
    xl.loadGrid(tableGrid(5));
    const seen: unknown[] = [];
    await xl.run(async (ctx: Ctx) => {
      ctx.workbook.worksheets.onChanged.add((e: unknown) => void seen.push(e));
      await ctx.sync();
    });
    xl.remoteEdit('申报表', 'B2', 5);
    xl.userEdit('申报表', 'B3', 6);
    await xl.flushEvents();
    expect(seen.map((e) => (e as { source: string }).source)).toEqual(['Remote', 'Local']);
  });

  it('lacks the members a stale office.js lacks, while isSetSupported answers for the host', async () => {
    const xl = new StrictExcel({ profile: LOCAL_OFFICE_JS_1_1_110 });
    expect(xl.isSetSupported('ExcelApi', '1.20')).toBe(true);
    await xl.run({ mergeUndoGroup: true }, async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      expect(ws.notes).toBeUndefined();
      expect((ws.getRanges('A1,B2') as unknown as { select?: unknown }).select).toBeUndefined();
      expect(() => ws.notes.getCount()).toThrow(TypeError); // what the old adapter hit
      await ctx.sync();
    });
    expect(xl.runs[0].options).toEqual({});
  });

  it('puts sheet-scoped names in ExcelApi 1.4', async () => {
    const xl = new StrictExcel({ apiVersion: '1.3' });
    await expect(
      xl.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getActiveWorksheet().names.load('items');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});
