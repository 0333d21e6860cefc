/** Helpers the indicator rules share: matching rows across the two tables, and each value's unit. */
import type { IndicatorRowMap, IndicatorTableMap } from '../locate/form-map';
import type { Parsed } from '../read/values';

export function rowKey(row: IndicatorRowMap): string {
  return `${row.level1}|${row.level2}|${row.level3}`;
}

export function groupKey(row: IndicatorRowMap): string {
  return `${row.level1}|${row.level2}`;
}

/** Indicator names that are rates (…率) carry a percentage. */
export function isRate(level3: string): boolean {
  return /率["”」』]*$/.test(level3);
}

/** The unit a value is written in: '%' for percentages, the unit of a quantity, '' for a bare number, null for words. */
export function unitOf(p: Parsed): string | null {
  if (p.kind === 'number') return p.percent ? '%' : '';
  if (p.kind === 'quantity') return p.unit;
  return null;
}

export function rowsByKey(table: IndicatorTableMap | null): Map<string, IndicatorRowMap> {
  const out = new Map<string, IndicatorRowMap>();
  for (const r of table?.rows ?? []) if (!out.has(rowKey(r))) out.set(rowKey(r), r);
  return out;
}
