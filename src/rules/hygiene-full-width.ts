/** Full-width digits and signs (７９６９．３, ８９．２５％) read as text to Excel's sums: use half-width. */
import { defineRule } from './rule';
import { formCells } from '../read/context';
import { cleanValueFor } from './hygiene-common';

export default defineRule({
  meta: {
    id: 'hygiene-full-width',
    severity: 'warning',
    section: 'sheet',
    description: { 'zh-CN': '数字不使用全角字符', 'en-US': 'Numbers use half-width characters' },
    messages: {
      fullWidth: { 'zh-CN': '“{value}”含全角数字或符号，应为“{clean}”', 'en-US': '“{value}” uses full-width digits or signs; should be “{clean}”' },
    },
    fixable: true,
  },
  check(ctx, report) {
    for (const c of formCells(ctx)) {
      const p = ctx.parsed(c.ref);
      if ((p.kind !== 'number' && p.kind !== 'quantity') || !p.hygiene.fullWidth) continue;
      const raw = String(ctx.cell(c.ref)?.value ?? '');
      const fix = cleanValueFor(p, c.type);
      report({ messageId: 'fullWidth', cells: [c.ref], data: { value: raw, clean: fix.display }, expected: fix.display, fix: [{ cell: c.ref, value: fix.value, numberFormat: fix.numberFormat }] });
    }
  },
});
