/**
 * A task pane controller over the strict in-memory Excel holding a form: what the controller tests start
 * from. Settings writes are kept in `stored`, as the pane's storage would keep them.
 */
import { StrictExcel } from './strict-excel';
import type { ExcelHost } from '../../src/excel';
import type { Grid } from '../../src/grid/types';
import { PaneController } from '../../taskpane/controller';
import { DEFAULT_SETTINGS } from '../../taskpane/settings';

export interface PaneSetupOptions {
  /** The ExcelApi version the host reports (default 1.20). */
  api?: string;
  readFile?: (d: ArrayBuffer) => Promise<Grid>;
}

export function paneOver(form: Grid, options: PaneSetupOptions = {}) {
  const xl = new StrictExcel({ apiVersion: options.api ?? '1.20' });
  xl.loadGrid(form);
  const host = xl.host as unknown as ExcelHost;
  const stored: Record<string, string> = {};
  const c = new PaneController({
    host,
    displayLanguage: 'zh-CN',
    settings: { ...DEFAULT_SETTINGS },
    storage: { setItem: (k: string, v: string) => void (stored[k] = v) },
    autoCalcDelay: 0,
    readFile: options.readFile,
  });
  return { xl, host, c, stored };
}
