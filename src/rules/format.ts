/** How numbers appear in messages: amounts as typed decimals, ratios as percentages to 0.01%. */
import Decimal from 'decimal.js';

export function fmtAmount(d: Decimal): string {
  return d.toDecimalPlaces(6).toString();
}

export function fmtPercent(ratio: Decimal): string {
  return `${ratio.mul(100).toFixed(2)}%`;
}

/** Rounds a ratio to 0.01% (four decimal places of the ratio), half up as finance staff round. */
export function roundShare(ratio: Decimal): Decimal {
  return ratio.toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
}

export function sum(values: (Decimal | null)[]): Decimal {
  return values.reduce<Decimal>((acc, v) => (v ? acc.plus(v) : acc), new Decimal(0));
}

/** Amounts compare equal when they agree to 1 元 (0.0001 万元) — past that, it is float noise. */
export function sameAmount(a: Decimal, b: Decimal): boolean {
  return a.minus(b).abs().lt('0.00005');
}
