/**
 * Entry of the workbench (workbench.html, development builds): the task pane without Excel. An Office stub
 * stands in for office.js (no network), a StrictExcel for the workbook. ?lang=en starts in English,
 * ?theme=dark in the dark theme, ?api=1.6 simulates an older Excel (e.g. no auto-calc before 1.7).
 *
 * Test hook, for the browser tests: window.__jixiao = { excel, controller, session, loadXlsx(ArrayBuffer),
 * loadSample(), idle() }.
 */
import { createRoot } from 'react-dom/client';
import type { StrictExcel } from '../test/support/strict-excel';
import type { PaneController } from '../taskpane/controller';
import { browserStorage, officeEnv } from '../taskpane/office-env';
import { loadSettings } from '../taskpane/settings';
import { themeKindOf } from '../taskpane/theme';
import { installOfficeStub } from './office-stub';
import { sampleSession, xlsxSession, type Session, type SessionOptions } from './session';
import { Workbench, type WorkbenchStore } from './Workbench';
import { messageOf } from '../taskpane/controller';

const params = new URLSearchParams(window.location.search);
const apiVersion = /^1\.\d{1,2}$/.test(params.get('api') ?? '') ? params.get('api')! : '1.20';
let current: Session | null = null;

const office = installOfficeStub({
  displayLanguage: /^en/i.test(params.get('lang') ?? '') ? 'en-US' : 'zh-CN',
  dark: params.get('theme') === 'dark',
  isSetSupported: (name, version) => current?.excel.isSetSupported(name, version) ?? false,
});
const env = officeEnv(office);
const storage = browserStorage();

function options(): SessionOptions {
  // A new session keeps the language and settings chosen in the one before.
  const settings = current ? current.controller.getState().settings : loadSettings(storage);
  return { apiVersion, displayLanguage: env.displayLanguage ?? 'zh-CN', settings, storage };
}

const listeners = new Set<() => void>();
let problem: string | null = null;

async function swap(next: Session): Promise<void> {
  const old = current;
  current = next;
  problem = null;
  for (const l of [...listeners]) l();
  await old?.dispose();
}

const store: WorkbenchStore = {
  get: () => current!,
  subscribe(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  async loadSample() {
    await swap(sampleSession(options()));
  },
  async loadFile(name, data) {
    try {
      await swap(await xlsxSession(name, data, options()));
    } catch (e) {
      const locale = current?.controller.getState().locale ?? 'zh-CN';
      problem = messageOf(e).text[locale];
      for (const l of [...listeners]) l();
    }
  },
  problem: () => problem,
};

current = sampleSession(options());

interface TestHook {
  readonly excel: StrictExcel;
  readonly controller: PaneController;
  readonly session: Session;
  loadXlsx(data: ArrayBuffer, name?: string): Promise<void>;
  loadSample(): Promise<void>;
  /** Resolves when the pane has no action and no auto-calc under way. */
  idle(): Promise<void>;
}

const hook: TestHook = {
  get excel() {
    return current!.excel;
  },
  get controller() {
    return current!.controller;
  },
  get session() {
    return current!;
  },
  loadXlsx: (data, name = 'workbook.xlsx') => store.loadFile(name, data),
  loadSample: () => store.loadSample(),
  async idle() {
    for (;;) {
      await current!.controller.idle();
      await new Promise((r) => setTimeout(r, 20));
      if (!current!.controller.getState().busy) return;
    }
  },
};
(window as unknown as { __jixiao: TestHook }).__jixiao = hook;

const root = document.getElementById('root');
if (root) createRoot(root).render(<Workbench store={store} theme={themeKindOf(env.officeTheme)} />);
