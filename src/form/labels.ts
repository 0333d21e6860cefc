/**
 * Label normalisation: people type 合  计, 合　计, "部门（单位）\n名称", 2022 年. The locator compares
 * labels only after folding those differences away.
 */

/** Full-width ASCII (！..～) to half-width, and the ideographic space to a plain space. */
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

export function toHalfWidth(text: string): string {
  if (!FULL_WIDTH.test(text)) return text; // the common case: nothing to fold
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/** Folds a label to its bare form: half-width, no white space of any kind, brackets and colons unified. */
const LABEL_CACHE = new Map<string, string>();

/** Any character one of the folds below would change. */
const FOLDABLE = /[\s\u00a0\u200b\ufeff\uff01-\uff5e\u3000“”"]|:$/;

export function normalizeLabel(text: string): string {
  // Most text of a long form (indicator names, values) has nothing to fold.
  if (!FOLDABLE.test(text)) return text;
  // Sheets repeat the same labels and values many times over; folding each distinct text once is enough.
  const hit = LABEL_CACHE.get(text);
  if (hit !== undefined) return hit;
  const out = toHalfWidth(text)
    .replace(/[\s\u00a0\u200b\ufeff]+/g, '')
    .replace(/[:：]$/, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[“”"]/g, '"');
  if (LABEL_CACHE.size > 50000) LABEL_CACHE.clear();
  LABEL_CACHE.set(text, out);
  return out;
}

/** True when `text` folds to one of `labels` (given already normalised or not). */
export function labelIs(text: string, labels: readonly string[]): boolean {
  const n = normalizeLabel(text);
  return labels.some((l) => normalizeLabel(l) === n);
}

/** A year header such as "2022年", "2022 年", "２０２２年" or a bare 2022; null when it is not one. */
export function parseYearHeader(text: string | number): number | null {
  if (typeof text === 'number') return Number.isInteger(text) && text >= 1990 && text <= 2100 ? text : null;
  const m = /^(\d{4})年?(度)?$/.exec(normalizeLabel(text));
  if (!m) return null;
  const year = Number(m[1]);
  return year >= 1990 && year <= 2100 ? year : null;
}
