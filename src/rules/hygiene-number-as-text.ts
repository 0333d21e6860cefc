/** Amounts and shares stored as text are skipped by Excel's SUM: store them as numbers. */
import { defineRule } from './rule';
import { formCells } from '../read/context';
import { cleanValueFor } from './hygiene-common';

export default defineRule({
  meta: {
    id: 'hygiene-number-as-text',
    severity: 'warning',
    section: 'sheet',
    description: { 'zh-CN': '金额、占比以数字而非文本存储', 'en-US': 'Amounts and shares are stored as numbers, not text' },
    messages: {
      asText: { 'zh-CN': '“{value}”是以文本存储的数字，求和时会被忽略', 'en-US': '“{value}” is a number stored as text; sums skip it' },
    },
    fixable: true,
  },
  check(ctx, report) {
    for (const c of formCells(ctx)) {
      if (c.type !== 'amount' && c.type !== 'share') continue;
      const p = ctx.parsed(c.ref);
      if (p.kind !== 'number' || !p.hygiene.storedAsText || p.hygiene.fullWidth) continue;
      const fix = cleanValueFor(p, c.type);
      report({ messageId: 'asText', cells: [c.ref], data: { value: String(ctx.cell(c.ref)?.value ?? '') }, expected: fix.display, fix: [{ cell: c.ref, value: fix.value, numberFormat: fix.numberFormat }] });
    }
  },
});
