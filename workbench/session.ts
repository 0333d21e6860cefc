/**
 * One workbench session: an in-memory Excel (StrictExcel), the ExcelHost the pane talks to, and the pane's
 * controller. The host is wrapped so that every finished batch tells the grid view to redraw.
 * Loading another workbook starts a new session (fresh undo stack, fresh pane).
 */
import { StrictExcel } from '../test/support/strict-excel';
import type { ExcelHost } from '../src/excel';
import { buildTemplate } from '../src/engine';
import { parseA1, toA1 } from '../src/grid/address';
import type { Grid } from '../src/grid/types';
import { PaneController } from '../taskpane/controller';
import type { PaneSettings } from '../taskpane/settings';
import { readAllSheets, type XlsxSheet } from '../taskpane/xlsx-file';

export interface SessionOptions {
  apiVersion: string;
  displayLanguage: string;
  settings: PaneSettings;
  storage: Storage | null;
}

let sessions = 0;

export class Session {
  readonly id = ++sessions;
  readonly excel: StrictExcel;
  readonly host: ExcelHost;
  readonly controller: PaneController;
  private version = 0;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly name: string,
    options: SessionOptions,
    fill: (excel: StrictExcel) => void,
  ) {
    this.excel = new StrictExcel({ apiVersion: options.apiVersion });
    fill(this.excel);
    const inner = this.excel.host;
    this.host = {
      run: async (batch, runOptions) => {
        try {
          return await inner.run(batch, runOptions);
        } finally {
          this.changed();
        }
      },
      isSetSupported: (n, v) => inner.isSetSupported(n, v),
    };
    this.controller = new PaneController({
      host: this.host,
      displayLanguage: options.displayLanguage,
      settings: options.settings,
      storage: options.storage,
    });
  }

  /** Redraw: after every batch, a simulated edit, or a change of sheet. */
  changed(): void {
    this.version++;
    for (const l of [...this.listeners]) l();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  /** The cell the user last clicked in the grid (the workbench's formula bar edits it). */
  picked = 'A1';

  /** A click on a grid cell: Excel's selection moves there, as it would for a user. */
  pick(address: string): void {
    this.picked = address;
    const { row, col } = parseA1(address);
    const sheet = this.excel.activeSheet;
    this.excel.wb.selection = { sheetId: sheet.id, areas: [{ top: row, left: col, bottom: row, right: col }] };
    this.changed();
  }

  /** Shows another sheet of the workbook. */
  showSheet(name: string): void {
    this.excel.activate(name);
    this.changed();
  }

  /** The user types into a cell of the active sheet (fires the sheet's change events, as Excel would). */
  userEdit(address: string, input: string): void {
    try {
      this.excel.userEdit(this.excel.activeSheet.name, address, input);
    } finally {
      this.changed();
    }
  }

  async dispose(): Promise<void> {
    this.listeners.clear();
    await this.controller.dispose();
  }
}

function notesOf(grid: Grid): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, cell] of grid.cells) {
    if (!cell.note) continue;
    const [row, col] = k.split(',').map(Number);
    out[toA1({ row, col })] = cell.note;
  }
  return out;
}

/** The filed example (buildTemplate({ sample: true })) with the template's fills. */
export function sampleSession(options: SessionOptions): Session {
  const doc = buildTemplate({ sample: true });
  const fills: Record<string, string> = {};
  for (const { range, style } of doc.styles) if (style.fill) fills[range] = style.fill;
  return new Session(doc.grid.sheetName, options, (excel) => {
    excel.loadGrid(doc.grid, { fills, notes: notesOf(doc.grid) });
  });
}

const VISIBILITY: Record<XlsxSheet['state'], 'Visible' | 'Hidden' | 'VeryHidden'> = {
  visible: 'Visible',
  hidden: 'Hidden',
  veryHidden: 'VeryHidden',
};

/** Every sheet of an .xlsx file (ExcelJS loaded on demand), the form's sheet active. */
export async function xlsxSession(name: string, data: ArrayBuffer, options: SessionOptions): Promise<Session> {
  const { sheets, active } = await readAllSheets(data);
  return new Session(name, options, (excel) => {
    for (const s of sheets) {
      excel.loadGrid(s.grid, { sheetName: s.name, fills: s.fills, notes: notesOf(s.grid), activate: false });
      excel.sheet(s.name).visibility = VISIBILITY[s.state];
    }
    excel.activate(active);
  });
}
