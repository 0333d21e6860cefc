/**
 * The ribbon functions: each calls the adapter, reports the outcome and calls event.completed() exactly
 * once on every path (success, thrown errors, rejected promises, failing reporters); and the entry module
 * wires them to a fake Office global.
 */
import { COMMAND_NAMES, describeResult, errorText, localeOf, makeHandlers, type CommandAdapter } from '../src/commands/handlers';
import type { CommandStatus } from '../src/commands/status';

type Adapter = { [K in keyof CommandAdapter<string>]: jest.Mock };

function fakeAdapter(overrides: Partial<Adapter> = {}): Adapter {
  return {
    officeHost: jest.fn(() => 'HOST'),
    checkAndHighlight: jest.fn(async () => ({ found: true, issues: [{}, {}] })),
    applyFill: jest.fn(async () => ({ found: true, patch: { writes: [{}, {}, {}], skipped: [{}] } })),
    clearMarks: jest.fn(async () => ({ restored: 2, notesRemoved: 0 })),
    ...overrides,
  };
}

function setup(adapter = fakeAdapter(), locale: () => 'zh-CN' | 'en-US' = () => 'zh-CN') {
  const order: string[] = [];
  const statuses: CommandStatus[] = [];
  const report = jest.fn((s: CommandStatus) => {
    order.push('report');
    statuses.push(s);
  });
  const handlers = makeHandlers({ adapter, locale, report, now: () => new Date('2026-01-02T03:04:05Z') });
  const event = () => ({ completed: jest.fn(() => void order.push('completed')) });
  return { adapter, handlers, report, statuses, order, event };
}

describe('localeOf', () => {
  test.each([
    ['zh-CN', 'zh-CN'],
    ['zh-cn', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['en-US', 'en-US'],
    ['de-DE', 'en-US'],
    ['zhx', 'en-US'],
    ['', 'en-US'],
    [undefined, 'en-US'],
  ])('%s -> %s', (lang, locale) => {
    expect(localeOf(lang)).toBe(locale);
  });
});

describe('handlers', () => {
  test('checkForm: calls the adapter with the locale, reports, then completes', async () => {
    const { adapter, handlers, statuses, order, event } = setup();
    const e = event();
    await handlers.checkForm(e);
    expect(adapter.officeHost).toHaveBeenCalledTimes(1);
    expect(adapter.checkAndHighlight).toHaveBeenCalledWith('HOST', { locale: 'zh-CN' });
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(order).toEqual(['report', 'completed']);
    expect(statuses).toEqual([
      {
        command: 'checkForm',
        ok: true,
        message: '检查完成，发现 2 个问题，已在表中标出。',
        locale: 'zh-CN',
        at: '2026-01-02T03:04:05.000Z',
      },
    ]);
  });

  test('fillComputed and clearMarks call their adapter functions', async () => {
    const { adapter, handlers, statuses, event } = setup(fakeAdapter(), () => 'en-US');
    const e1 = event();
    const e2 = event();
    await handlers.fillComputed(e1);
    await handlers.clearMarks(e2);
    expect(adapter.applyFill).toHaveBeenCalledWith('HOST', {});
    expect(adapter.clearMarks).toHaveBeenCalledWith('HOST');
    expect(e1.completed).toHaveBeenCalledTimes(1);
    expect(e2.completed).toHaveBeenCalledTimes(1);
    expect(statuses.map((s) => [s.command, s.ok, s.message])).toEqual([
      ['fillComputed', true, 'Filled 3 cells; left 1 cell with typed values or formulas alone.'],
      ['clearMarks', true, 'Cleared 2 marks.'],
    ]);
  });

  const failures: [string, Partial<Adapter>][] = [
    ['officeHost throws', { officeHost: jest.fn(() => { throw new Error('Office.js not ready'); }) }],
    ['the adapter throws synchronously', { checkAndHighlight: jest.fn(() => { throw new Error('boom'); }), applyFill: jest.fn(() => { throw new Error('boom'); }), clearMarks: jest.fn(() => { throw new Error('boom'); }) }],
    ['the adapter rejects', { checkAndHighlight: jest.fn(async () => { throw new Error('sync failed'); }), applyFill: jest.fn(async () => { throw new Error('sync failed'); }), clearMarks: jest.fn(async () => { throw new Error('sync failed'); }) }],
    ['the adapter rejects with a non-Error', { checkAndHighlight: jest.fn(() => Promise.reject({ code: 'ItemNotFound' })), applyFill: jest.fn(() => Promise.reject('text')), clearMarks: jest.fn(() => Promise.reject(undefined)) }],
  ];

  describe.each(failures)('when %s', (_, overrides) => {
    test.each([...COMMAND_NAMES])('%s still completes once and reports the error', async (name) => {
      const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      const { handlers, statuses, order, event } = setup(fakeAdapter(overrides));
      const e = event();
      await expect(handlers[name](e)).resolves.toBeUndefined();
      expect(e.completed).toHaveBeenCalledTimes(1);
      expect(order).toEqual(['report', 'completed']);
      expect(statuses).toHaveLength(1);
      expect(statuses[0].ok).toBe(false);
      expect(statuses[0].command).toBe(name);
      expect(statuses[0].message).toMatch(/失败：/);
      expect(statuses[0].detail).toBeTruthy();
      spy.mockRestore();
    });
  });

  test('completes even when the locale or the reporter throws', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const adapter = fakeAdapter();
    const e1 = { completed: jest.fn() };
    const h1 = makeHandlers({ adapter, locale: () => { throw new Error('no Office.context'); }, report: jest.fn() });
    await h1.checkForm(e1);
    expect(e1.completed).toHaveBeenCalledTimes(1);

    const e2 = { completed: jest.fn() };
    const h2 = makeHandlers({ adapter, locale: () => 'zh-CN', report: () => { throw new Error('storage full'); } });
    await h2.fillComputed(e2);
    expect(e2.completed).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });

  test('does not reject when event.completed itself throws', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const { handlers } = setup();
    const e = { completed: jest.fn(() => { throw new Error('host gone'); }) };
    await expect(handlers.clearMarks(e)).resolves.toBeUndefined();
    expect(e.completed).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });
});

describe('describeResult / errorText', () => {
  test.each([
    ['checkForm', { found: false, issues: [] }, 'zh-CN', '未在当前工作表上找到申报表。'],
    ['checkForm', { found: true, issues: [] }, 'zh-CN', '检查完成，未发现问题。'],
    ['checkForm', { issues: [1] }, 'en-US', 'Check finished: 1 issue, marked on the sheet.'],
    ['checkForm', undefined, 'en-US', 'Check Form: done.'],
    ['fillComputed', { writes: [1, 2] }, 'zh-CN', '已填充 2 个单元格。'],
    ['fillComputed', { found: false }, 'en-US', 'No form was found on the active sheet.'],
    ['fillComputed', 42, 'zh-CN', '填充计算列完成。'],
    ['checkForm', { found: true, issues: [1, 2], notMarked: 'sheet-protected' }, 'zh-CN', '检查完成，发现 2 个问题，但未能在表中标出；请打开助手查看。'],
    ['checkForm', { found: true, issues: [], notMarked: 'sheet-protected' }, 'en-US', 'Check finished: no issues.'],
    ['fillComputed', { found: true, patch: { writes: [1], skipped: [] } }, 'en-US', 'Filled 1 cell.'],
    ['clearMarks', { found: false }, 'zh-CN', '已清除标记。'],
    ['clearMarks', { restored: 3, notesRemoved: 1 }, 'zh-CN', '已清除 3 处标记。'],
    ['clearMarks', { restored: 0 }, 'en-US', 'There were no marks to clear.'],
  ] as const)('%s %j (%s)', (command, result, locale, text) => {
    expect(describeResult(command, result, locale)).toBe(text);
  });

  test('error texts', () => {
    expect(errorText(new Error('x'), 'zh-CN')).toBe('x');
    expect(errorText({ message: 'y', code: 'InvalidArgument' }, 'en-US')).toBe('y');
    expect(errorText('z', 'en-US')).toBe('z');
    expect(errorText(undefined, 'zh-CN')).toBe('未知错误');
    expect(errorText(null, 'en-US')).toBe('unknown error');
    // the adapter's errors carry their own translation
    const adapterError = Object.assign(new Error('The sheet "A" is protected'), {
      text: (locale: string) => (locale === 'zh-CN' ? '工作表“A”受保护' : 'The sheet "A" is protected'),
    });
    expect(errorText(adapterError, 'zh-CN')).toBe('工作表“A”受保护');
    const broken = Object.assign(new Error('plain'), { text: () => { throw new Error('x'); } });
    expect(errorText(broken, 'zh-CN')).toBe('plain');
  });
});

describe('commands.ts with a fake Office', () => {
  interface FakeOffice {
    actions: { associate: jest.Mock };
    onReady: jest.Mock;
    context: { displayLanguage: string; requirements: { isSetSupported: jest.Mock } };
    addin: { showAsTaskpane: jest.Mock };
  }
  const g = globalThis as Record<string, unknown>;
  let office: FakeOffice;
  let adapter: Adapter;

  function load(opts: { displayLanguage?: string; sharedRuntime?: boolean; page?: string } = {}) {
    office = {
      actions: { associate: jest.fn() },
      onReady: jest.fn(() => Promise.resolve({ host: 'Excel', platform: 'PC' })),
      context: {
        displayLanguage: opts.displayLanguage ?? 'zh-CN',
        requirements: { isSetSupported: jest.fn((name: string) => name === 'SharedRuntime' && Boolean(opts.sharedRuntime)) },
      },
      addin: { showAsTaskpane: jest.fn(() => Promise.resolve()) },
    };
    g.Office = office;
    if (opts.page) g.document = { documentElement: { getAttribute: (a: string) => (a === 'data-page' ? opts.page : null) } };
    adapter = fakeAdapter();
    jest.isolateModules(() => {
      jest.doMock('../src/commands/adapter-port', () => adapter);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('../src/commands/commands');
    });
  }

  function registered(name: string): (event: { completed(): void }) => Promise<void> {
    const call = office.actions.associate.mock.calls.find(([n]) => n === name);
    if (!call) throw new Error(`${name} was not associated`);
    return call[1];
  }

  afterEach(() => {
    delete g.Office;
    delete g.document;
    for (const name of COMMAND_NAMES) delete g[name];
  });

  test('associates the three functions, sets the legacy globals, initialises Office', () => {
    load();
    expect(office.actions.associate.mock.calls.map(([n]) => n)).toEqual(['checkForm', 'fillComputed', 'clearMarks']);
    for (const name of COMMAND_NAMES) expect(g[name]).toBe(registered(name));
    expect(office.onReady).toHaveBeenCalled();
  });

  test('takes the locale from Office.context.displayLanguage at the click', async () => {
    load({ displayLanguage: 'en-GB' });
    const e = { completed: jest.fn() };
    await registered('checkForm')(e);
    expect(adapter.checkAndHighlight).toHaveBeenCalledWith('HOST', { locale: 'en-US' });
    office.context.displayLanguage = 'zh-TW';
    await registered('checkForm')(e);
    expect(adapter.checkAndHighlight).toHaveBeenLastCalledWith('HOST', { locale: 'zh-CN' });
    expect(e.completed).toHaveBeenCalledTimes(2);
  });

  test('in the shared task pane runtime, an error brings up the task pane; success does not', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    load({ sharedRuntime: true, page: 'taskpane' });
    await registered('fillComputed')({ completed: jest.fn() });
    expect(office.addin.showAsTaskpane).not.toHaveBeenCalled();
    adapter.applyFill.mockImplementation(async () => {
      throw new Error('boom');
    });
    const e = { completed: jest.fn() };
    await registered('fillComputed')(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(office.addin.showAsTaskpane).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });

  test('without a shared runtime (or outside the task pane page) it never calls showAsTaskpane', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const opts of [{ sharedRuntime: false, page: 'taskpane' }, { sharedRuntime: true, page: 'commands' }]) {
      load(opts);
      adapter.clearMarks.mockImplementation(async () => {
        throw new Error('boom');
      });
      const e = { completed: jest.fn() };
      await registered('clearMarks')(e);
      expect(e.completed).toHaveBeenCalledTimes(1);
      expect(office.addin.showAsTaskpane).not.toHaveBeenCalled();
    }
    spy.mockRestore();
  });

  test('a failing showAsTaskpane does not keep the event from completing', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    load({ sharedRuntime: true, page: 'taskpane' });
    office.addin.showAsTaskpane.mockImplementation(() => {
      throw new Error('not supported');
    });
    adapter.checkAndHighlight.mockImplementation(async () => {
      throw new Error('boom');
    });
    const e = { completed: jest.fn() };
    await registered('checkForm')(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });
});

describe('status', () => {
  const g = globalThis as Record<string, unknown>;
  afterEach(() => {
    delete g.localStorage;
    delete g.window;
  });

  test('publishes to listeners in the page and to localStorage; other pages hear storage events', () => {
    const store = new Map<string, string>();
    const windowListeners: ((e: { key: string; newValue: string | null }) => void)[] = [];
    g.localStorage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    g.window = {
      addEventListener: (_: string, fn: (e: { key: string; newValue: string | null }) => void) => windowListeners.push(fn),
      removeEventListener: jest.fn(),
    };
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const status = require('../src/commands/status') as typeof import('../src/commands/status');
      const heard: CommandStatus[] = [];
      const stop = status.onStatus((s) => heard.push(s));
      const s: CommandStatus = { command: 'checkForm', ok: true, message: 'ok', locale: 'zh-CN', at: 'now' };
      status.publishStatus(s);
      expect(heard).toEqual([s]);
      expect(status.lastStatus()).toEqual(s);
      // another page of the add-in wrote it
      const other = { ...s, command: 'clearMarks' as const, message: 'other page' };
      windowListeners.forEach((fn) => fn({ key: status.STATUS_KEY, newValue: JSON.stringify(other) }));
      windowListeners.forEach((fn) => fn({ key: 'unrelated', newValue: '{}' }));
      expect(heard).toEqual([s, other]);
      stop();
      status.publishStatus(s);
      expect(heard).toHaveLength(2);
    });
  });

  test('works without window or localStorage, and with a throwing or corrupt one', () => {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const status = require('../src/commands/status') as typeof import('../src/commands/status');
      const s: CommandStatus = { command: 'checkForm', ok: false, message: 'x', locale: 'en-US', at: 'now' };
      expect(() => status.publishStatus(s)).not.toThrow();
      expect(status.lastStatus()).toBeNull();
      g.localStorage = {
        getItem: () => '{not json',
        setItem: () => {
          throw new Error('QuotaExceededError');
        },
      };
      expect(() => status.publishStatus(s)).not.toThrow();
      expect(status.lastStatus()).toBeNull();
    });
  });
});
