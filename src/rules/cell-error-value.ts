/** A form cell holds an Excel error value (#REF!, #DIV/0!): reported, never crashed on. */
import { defineRule } from './rule';
import { formCells } from '../read/context';

export default defineRule({
  meta: {
    id: 'cell-error-value',
    severity: 'error',
    section: 'sheet',
    description: { 'zh-CN': '表内单元格不含错误值（#REF!、#DIV/0! 等）', 'en-US': 'No form cell holds an Excel error value (#REF!, #DIV/0!, …)' },
    messages: {
      error: { 'zh-CN': '单元格为错误值 {code}', 'en-US': 'The cell holds the error value {code}' },
    },
  },
  check(ctx, report) {
    for (const c of formCells(ctx)) {
      const p = ctx.parsed(c.ref);
      if (p.kind === 'error') report({ messageId: 'error', cells: [c.ref], data: { code: p.code } });
    }
  },
});
