/** A rate (…率) is written as a percentage: "100" is read as 100 of something, "100%" as a rate. */
import { defineRule } from './rule';
import { isRate } from './indicator-common';

export default defineRule({
  meta: {
    id: 'indicator-rate-percent',
    severity: 'warning',
    section: 'longTerm',
    description: { 'zh-CN': '“率”类指标的指标值带百分号', 'en-US': 'Rate indicators (…率) carry a percent sign' },
    messages: {
      noPercent: {
        'zh-CN': '“{indicator}”是比率，{column}“{value}”缺少百分号（应为 {expected}）',
        'en-US': '“{indicator}” is a rate but its {column} “{value}” has no percent sign (should be {expected})',
      },
    },
    fixable: true,
  },
  check(ctx, report) {
    for (const table of ctx.indicatorTables()) {
      for (const row of table.rows) {
        if (!isRate(row.level3)) continue;
        for (const cell of ctx.indicatorValueCells(table, row)) {
          const p = ctx.parsed(cell.ref);
          if (p.kind !== 'number' || p.percent) continue;
          // 0 and 1 written bare are ambiguous (0% or 100% formatted as General); only flag values that read as points.
          if (p.value.abs().lte(1) && !p.hygiene.storedAsText) continue;
          const expected = `${p.comparator ?? ''}${p.value.toString()}%`;
          report({
            messageId: 'noPercent',
            cells: [cell.ref],
            data: { indicator: row.level3, column: cell.label, value: p.value.toString(), expected },
            expected,
            fix: [{ cell: cell.ref, value: p.value.div(100).toNumber(), numberFormat: '0%' }],
          });
        }
      }
    }
  },
});
