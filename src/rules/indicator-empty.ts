/** Each indicator row names its 三级 indicator and gives its value, basis and category. */
import { defineRule } from './rule';
import type { CellRef } from '../grid/address';

export default defineRule({
  meta: {
    id: 'indicator-empty',
    severity: 'error',
    section: 'longTerm',
    description: { 'zh-CN': '指标名称、指标值、确定依据、指标分类不为空', 'en-US': 'Indicator name, value, basis and category are filled in' },
    messages: {
      empty: { 'zh-CN': '{table}“{indicator}”未填{field}', 'en-US': 'In the {tableEn}, “{indicator}” lacks: {fieldEn}' },
    },
  },
  check(ctx, report) {
    for (const table of ctx.indicatorTables()) {
      const fields: { col: number | null; zh: string; en: string }[] = [
        { col: table.cols.level3, zh: '三级指标', en: 'third-level name' },
        { col: table.cols.value, zh: table.kind === 'annual' ? '预期当年实现值' : '指标值', en: table.kind === 'annual' ? 'target value' : 'value' },
        { col: table.cols.basis, zh: '指标值确定依据', en: 'basis' },
        { col: table.cols.category, zh: '指标分类', en: 'category' },
      ];
      // One finding per row, naming every empty field, so a half-filled table reads as a to-do list.
      for (const row of table.rows) {
        const empty = fields.filter((f) => f.col !== null && ctx.isEmpty({ row: row.row, col: f.col }));
        if (empty.length === 0) continue;
        report({
          messageId: 'empty',
          cells: empty.map((f): CellRef => ({ row: row.row, col: f.col! })),
          data: {
            table: table.kind === 'annual' ? '年度指标' : '长期指标',
            tableEn: table.kind === 'annual' ? 'annual table' : 'long-term table',
            indicator: row.level3 || row.level2 || row.level1,
            field: empty.map((f) => f.zh).join('、'),
            fieldEn: empty.map((f) => f.en).join(', '),
          },
        });
      }
    }
  },
});
