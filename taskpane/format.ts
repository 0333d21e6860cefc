/** Cell values as text for people: the pane's preview tables and the workbench grid. React renders the result as text. */
import type { CellValue } from '../src/grid/types';
import { isPercentFormat } from '../src/read/values';

function trimNumber(n: number): string {
  // Float noise such as 0.30000000000000004 is cut at 10 places.
  return String(Number(n.toFixed(10)));
}

const DATE_EPOCH = Date.UTC(1899, 11, 30);

function looksLikeDate(fmt: string): boolean {
  const bare = fmt.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
  return /[yd]/i.test(bare) && !/[#0?]/.test(bare.replace(/[yYmMdDhHsS]/g, ''));
}

function formatDate(serial: number, fmt: string): string {
  const d = new Date(DATE_EPOCH + Math.round(serial) * 86400000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return fmt.includes('年') ? `${y}年${m}月${day}日` : `${y}/${m}/${day}`;
}

/** Decimal places of a simple format such as 0.00 or #,##0.0%. */
function places(fmt: string): number | null {
  const m = /0\.(0+)/.exec(fmt);
  if (m) return m[1].length;
  return /(^|[^.])0(%|$|[^.0])/.test(fmt) ? 0 : null;
}

/** A value as Excel would roughly show it under a number format (percent, fixed decimals, dates); else as is. */
export function displayValue(value: CellValue | undefined, numberFormat?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return value.error;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const fmt = numberFormat && numberFormat !== 'General' ? numberFormat : '';
  if (!fmt) return trimNumber(value);
  if (isPercentFormat(fmt)) {
    const p = places(fmt.replace(/"[^"]*"/g, ''));
    return `${p === null ? trimNumber(value * 100) : (value * 100).toFixed(p)}%`;
  }
  if (looksLikeDate(fmt)) return formatDate(value, fmt);
  const p = places(fmt);
  return p === null ? trimNumber(value) : value.toFixed(p);
}

/** A value for a preview cell: the formula when there is one, with its value. */
export function describeCellContent(value: CellValue | undefined, formula: string | undefined, numberFormat: string | undefined, empty: string): string {
  const shown = displayValue(value, numberFormat);
  if (formula) return shown ? `${formula} (${shown})` : formula;
  return shown === '' ? empty : shown;
}
