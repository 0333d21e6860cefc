/** A 三级 indicator appears once per table (服务体制改革成效 under two 二级 is a copy slip). */
import { defineRule } from './rule';

export default defineRule({
  meta: {
    id: 'indicator-duplicate',
    severity: 'warning',
    section: 'longTerm',
    description: { 'zh-CN': '同一表中三级指标名称不重复', 'en-US': 'No third-level indicator appears twice in one table' },
    messages: {
      duplicate: {
        'zh-CN': '{table}中三级指标“{name}”出现 {count} 次（{places}）',
        'en-US': 'In the {tableEn}, “{name}” appears {count} times ({places})',
      },
    },
  },
  check(ctx, report) {
    for (const table of ctx.indicatorTables()) {
      const byName = new Map<string, typeof table.rows>();
      for (const r of table.rows) {
        if (!r.level3) continue;
        byName.set(r.level3, [...(byName.get(r.level3) ?? []), r]);
      }
      for (const [name, rows] of byName) {
        if (rows.length < 2) continue;
        report({
          messageId: 'duplicate',
          cells: rows.map((r) => ({ row: r.row, col: table.cols.level3 })),
          data: {
            table: table.kind === 'annual' ? '年度绩效指标表' : '长期绩效指标表',
            tableEn: table.kind === 'annual' ? 'annual table' : 'long-term table',
            name,
            count: rows.length,
            places: rows.map((r) => r.level2).join(' / '),
          },
        });
      }
    }
  },
});
