/** What Excel stores when a person types text into a cell: "9.46%" becomes 0.0946 shown as 0.00%, "7969.3" a number. */
import type { CellValue } from '../grid/types';

export function asTyped(text: string | null): { value: CellValue; numberFormat?: string } {
  if (text === null || text === '') return { value: null };
  const m = /^([+-]?)(\d+)(?:\.(\d+))?(%)?$/.exec(text);
  if (!m) return { value: text };
  const n = Number(`${m[1]}${m[2]}${m[3] ? `.${m[3]}` : ''}`);
  if (!m[4]) return { value: n };
  const decimals = m[3]?.length ?? 0;
  // Divide the decimal text, not the float, so 9.46% is stored as 0.0946 exactly as Excel does.
  const ratio = Number((n / 100).toFixed(decimals + 2));
  return { value: ratio, numberFormat: decimals === 0 ? '0%' : `0.${'0'.repeat(decimals)}%` };
}
