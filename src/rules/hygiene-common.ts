/** The clean value a hygiene fix writes: a real number for amounts and shares, trimmed half-width text otherwise. */
import type { CellValue } from '../grid/types';
import type { FormCellType } from '../read/context';
import type { Parsed } from '../read/values';
import { FORMATS } from '../form/spec';

export function cleanValueFor(p: Parsed, type: FormCellType): { value: CellValue; display: string; numberFormat?: string } {
  if (p.kind === 'number' && (type === 'amount' || type === 'share' || type === 'changeRate')) {
    const display = p.percent ? `${p.value.mul(100).toString()}%` : p.value.toString();
    return { value: p.value.toNumber(), display, numberFormat: p.percent ? FORMATS.share : undefined };
  }
  if (p.kind === 'number' || p.kind === 'quantity' || p.kind === 'text') {
    const clean = p.hygiene.clean ?? '';
    return { value: clean, display: clean };
  }
  return { value: null, display: '' };
}
