/**
 * Small interactions for the task pane: selecting an issue's cells, and watching a sheet for edits so
 * totals can be recalculated (auto-calc).
 */
import { parseA1, rangeToA1, type CellRef } from '../grid/address';
import { addressChunks, cellBlocks } from './cells';
import { AdapterError, toAdapterError } from './errors';
import { capabilities, runOptions, SyncCounter, type ExcelHost } from './host';
import { worksheetOf } from './read';

/**
 * Selects the cells (of the active or named sheet). Several separate cells become one multi-area
 * selection where RangeAreas.select exists (ExcelApi 1.18); before that, the first block is selected.
 */
export async function selectCells(
  host: ExcelHost,
  cells: Array<CellRef | string>,
  options: { sheet?: string } = {},
): Promise<{ syncs: number }> {
  const refs = cells.map((c) => (typeof c === 'string' ? parseA1(c) : c));
  if (refs.length === 0) return { syncs: 0 };
  const caps = capabilities(host);
  try {
    return await host.run(async (ctx) => {
      const counter = new SyncCounter();
      const ws = worksheetOf(ctx, options.sheet);
      if (options.sheet) ws.activate();
      const blocks = cellBlocks(refs);
      if (blocks.length > 1 && caps.selectAreas) ws.getRanges(addressChunks(blocks)[0]).select();
      else ws.getRange(rangeToA1(blocks[0])).select();
      await counter.sync(ctx);
      return { syncs: counter.count };
    }, runOptions(caps, 'read'));
  } catch (e) {
    throw toAdapterError(e, options.sheet ?? '');
  }
}

export interface AmountChange {
  /** Local A1 address of the changed range. */
  address: string;
  worksheetId: string;
}

export type AmountWatch =
  | { supported: true; unsubscribe(): Promise<void> }
  | { supported: false; reason: AdapterError };

type ChangedArgs = { address: string; worksheetId: string; source?: string; triggerSource?: string };

/** Edits the add-in reacts to: the user's own, on this computer. */
export function isUsersLocalEdit(e: ChangedArgs): boolean {
  // A co-author's edit reaches every open add-in with source 'Remote' (Excel.EventSource); their own
  // add-in, where the edit is local, recalculates it. Reacting here too would write the same cells twice.
  if (e.source === 'Remote') return false;
  // Writes of this add-in (its own recalculation) must not trigger themselves (triggerSource, 1.14).
  if (e.triggerSource === 'ThisLocalAddin') return false;
  return true;
}

/**
 * Calls `onChange` after the user edits a sheet, on whichever sheet the user is working: edits are heard
 * workbook-wide (WorksheetCollection.onChanged, ExcelApi 1.9) and each change names its sheet. Hosts at
 * 1.7-1.8 have only Worksheet.onChanged: the handler sits on the active sheet and moves to each sheet the
 * user activates (WorksheetCollection.onActivated). With `options.sheet`, only that sheet is watched.
 * Remote (co-authoring) edits and the add-in's own writes are ignored.
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs
 */
/** Worksheet.onChanged is ExcelApi 1.7; said to users as the Excel versions that have it. */
export const AUTO_CALC_NEEDS = { set: '1.7', what: '输入时自动计算', whatEn: 'recalculate as you type' };

export async function watchAmounts(
  host: ExcelHost,
  onChange: (change: AmountChange) => void | Promise<void>,
  options: { sheet?: string } = {},
): Promise<AmountWatch> {
  const caps = capabilities(host);
  if (!caps.events) return { supported: false, reason: new AdapterError('unsupported', AUTO_CALC_NEEDS) };
  const handle = async (e: Excel.WorksheetChangedEventArgs) => {
    const args = e as unknown as ChangedArgs;
    if (!isUsersLocalEdit(args)) return;
    await onChange({ address: args.address, worksheetId: args.worksheetId });
  };
  let moving: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | undefined;
  const moveTo = async (worksheetId: string) => {
    // Called from the activation event, after the registering run has ended: fresh runs.
    const old = moving;
    moving = undefined;
    if (old) {
      await host.run(async (ctx) => {
        old.remove();
        await ctx.sync();
      }, { previousObjects: old.context });
    }
    moving = await host.run(async (ctx) => {
      const reg = ctx.workbook.worksheets.getItem(worksheetId).onChanged.add(handle);
      await ctx.sync();
      return reg;
    });
  };
  try {
    const registrations = await host.run(async (ctx) => {
      const counter = new SyncCounter();
      const regs: OfficeExtension.EventHandlerResult<unknown>[] = [];
      if (!options.sheet && caps.workbookChangedEvents) regs.push(ctx.workbook.worksheets.onChanged.add(handle));
      else {
        moving = worksheetOf(ctx, options.sheet).onChanged.add(handle);
        if (!options.sheet && caps.activatedEvents) {
          regs.push(ctx.workbook.worksheets.onActivated.add(async (a: Excel.WorksheetActivatedEventArgs) => moveTo(a.worksheetId)));
        }
      }
      await counter.sync(ctx);
      return regs;
    }, runOptions(caps, 'read'));
    return {
      supported: true,
      async unsubscribe() {
        // A handler is removed through the context that added it.
        const all = [...registrations, ...(moving ? [moving] : [])] as OfficeExtension.EventHandlerResult<unknown>[];
        moving = undefined;
        for (const reg of all) {
          await host.run(async (ctx) => {
            reg.remove();
            await ctx.sync();
          }, { previousObjects: reg.context });
        }
      },
    };
  } catch (e) {
    throw toAdapterError(e, options.sheet ?? '');
  }
}
