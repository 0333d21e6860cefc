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
      if (blocks.length > 1 && caps.v1_18) ws.getRanges(addressChunks(blocks)[0]).select();
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

/**
 * Calls `onChange` after the user edits the (active or named) sheet. Uses Worksheet.onChanged
 * (ExcelApi 1.7); edits made by this add-in itself are ignored where Excel says so (triggerSource,
 * 1.14), so a recalculation that writes totals does not trigger itself.
 */
export async function watchAmounts(
  host: ExcelHost,
  onChange: (change: AmountChange) => void | Promise<void>,
  options: { sheet?: string } = {},
): Promise<AmountWatch> {
  const caps = capabilities(host);
  if (!caps.events) return { supported: false, reason: new AdapterError('unsupported', { feature: 'ExcelApi 1.7 (onChanged)' }) };
  try {
    const registration = await host.run(async (ctx) => {
      const counter = new SyncCounter();
      const ws = worksheetOf(ctx, options.sheet);
      const handler = ws.onChanged.add(async (e: Excel.WorksheetChangedEventArgs) => {
        if ((e as { triggerSource?: string }).triggerSource === 'ThisLocalAddin') return;
        await onChange({ address: e.address, worksheetId: e.worksheetId });
      });
      await counter.sync(ctx);
      return handler;
    }, runOptions(caps, 'read'));
    return {
      supported: true,
      async unsubscribe() {
        // A handler is removed through the context that added it.
        await host.run(async (ctx) => {
          registration.remove();
          await ctx.sync();
        }, { previousObjects: registration.context });
      },
    };
  } catch (e) {
    throw toAdapterError(e, options.sheet ?? '');
  }
}
