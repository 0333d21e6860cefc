/** Leading or trailing spaces (often the ideographic space U+3000) make equal texts differ. */
import { defineRule } from './rule';
import { formCells } from '../read/context';

export default defineRule({
  meta: {
    id: 'hygiene-stray-space',
    severity: 'warning',
    section: 'sheet',
    description: { 'zh-CN': '单元格内容首尾无多余空格', 'en-US': 'No leading or trailing spaces in cells' },
    messages: {
      stray: { 'zh-CN': '“{value}”首尾有多余空格', 'en-US': '“{value}” has leading or trailing spaces' },
    },
    fixable: true,
  },
  check(ctx, report) {
    for (const c of formCells(ctx)) {
      const p = ctx.parsed(c.ref);
      if (p.kind !== 'text' && p.kind !== 'quantity' && p.kind !== 'number') continue;
      // Full-width numbers get the full-width finding, whose fix trims too; text has no other finding.
      if (!p.hygiene.straySpace || (p.hygiene.fullWidth && p.kind !== 'text')) continue;
      // Amounts stored as text get the number-as-text finding, whose fix trims too.
      if (p.kind === 'number' && (c.type === 'amount' || c.type === 'share')) continue;
      const raw = String(ctx.cell(c.ref)?.value ?? '');
      const clean = raw.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '');
      report({ messageId: 'stray', cells: [c.ref], data: { value: raw.length > 30 ? `${clean.slice(0, 30)}…` : raw }, expected: clean.length > 60 ? undefined : clean, fix: [{ cell: c.ref, value: clean }] });
    }
  },
});
