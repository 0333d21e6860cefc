/**
 * An ES5 stand-in for office.js over the strict in-memory Excel, for the legacy tests: Duktape (a real ES5.1
 * engine) and chromium with the ES2015+ globals removed. It is built without touching any global (Babel's
 * runtime with core-js-pure), so the add-in's own legacy bundles have to bring every polyfill they need.
 *
 * Loaded in place of office.js. Options come from `window.__officeStubOptions` (set before it loads):
 *   apiVersion (default '1.8', Office 2019's level), displayLanguage (default 'zh-CN'), host (default 'Excel';
 *   null: a browser outside Office).
 * `window.__strictExcel` gives the test the workbook (cells, fills) and the functions Office.actions got.
 */
import { StrictExcel } from '../strict-excel';
import { buildTemplate } from '../../../src/engine';

interface StubOptions {
  apiVersion?: string;
  displayLanguage?: string;
  host?: string | null;
}

interface Thenable {
  then(onFulfilled?: (v: unknown) => unknown): Thenable;
}

const g = window as unknown as Record<string, unknown>;
const options: StubOptions = (g.__officeStubOptions as StubOptions) || {};
const excel = new StrictExcel({ apiVersion: options.apiVersion || '1.8' });
const doc = buildTemplate({ sample: true });
const fills: Record<string, string> = {};
for (const { range, style } of doc.styles) if (style.fill) fills[range] = style.fill;
excel.loadGrid(doc.grid, { fills });

const associated: Record<string, unknown> = {};
const info = { host: options.host === undefined ? 'Excel' : options.host, platform: options.host === null ? null : 'PC' };

/** A settled thenable that needs no Promise (the page may have none). */
function done(value: unknown): Thenable {
  return {
    then(onFulfilled) {
      if (onFulfilled) setTimeout(() => onFulfilled(value), 0);
      return done(value);
    },
  };
}

g.Office = {
  HostType: { Excel: 'Excel' },
  context: {
    displayLanguage: options.displayLanguage || 'zh-CN',
    officeTheme: null,
    requirements: { isSetSupported: (name: string, version?: string) => excel.isSetSupported(name, version) },
  },
  actions: {
    associate(name: string, fn: unknown) {
      associated[name] = fn;
    },
  },
  addin: { showAsTaskpane: () => done(undefined) },
  onReady(callback?: (i: typeof info) => void) {
    if (callback) setTimeout(() => callback(info), 0);
    return done(info);
  },
};

g.Excel = {
  run(a: unknown, b?: unknown) {
    return typeof a === 'function' ? excel.run(a as never) : excel.run(a as never, b as never);
  },
};

g.__strictExcel = {
  excel,
  associated,
  /** The active sheet's non-empty cells (value, fill, note...) as JSON. */
  snapshot(): string {
    return JSON.stringify(excel.snapshot());
  },
  fill(address: string) {
    const f = excel.fillAt(address);
    return f && f.color ? f.color : null;
  },
};
