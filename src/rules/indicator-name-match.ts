/** Under the same 一级/二级, the long-term and the annual table name the 三级 indicator the same way. */
import { defineRule } from './rule';
import { groupKey } from './indicator-common';
import type { IndicatorRowMap, IndicatorTableMap } from '../locate/form-map';

function byGroup(table: IndicatorTableMap): Map<string, IndicatorRowMap[]> {
  const out = new Map<string, IndicatorRowMap[]>();
  for (const r of table.rows) {
    if (!r.level3) continue;
    const list = out.get(groupKey(r)) ?? [];
    list.push(r);
    out.set(groupKey(r), list);
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'indicator-name-match',
    severity: 'warning',
    section: 'annual',
    description: { 'zh-CN': '同一二级指标下，长期与年度表的三级指标名称一致', 'en-US': 'Under the same second-level indicator, both tables name the third level the same way' },
    messages: {
      renamed: {
        'zh-CN': '“{level2}”的三级指标在长期表中为“{longTerm}”，在年度表中为“{annual}”',
        'en-US': 'Under “{level2}” the long-term table says “{longTerm}” but the annual table says “{annual}”',
      },
      onlyLongTerm: { 'zh-CN': '“{level2}”下的“{name}”只在长期绩效指标表中出现', 'en-US': '“{name}” under “{level2}” appears only in the long-term table' },
      onlyAnnual: { 'zh-CN': '“{level2}”下的“{name}”只在年度绩效指标表中出现', 'en-US': '“{name}” under “{level2}” appears only in the annual table' },
    },
  },
  check(ctx, report) {
    const { longTerm, annual } = ctx.form;
    if (!longTerm || !annual) return;
    const longGroups = byGroup(longTerm);
    const annualGroups = byGroup(annual);
    for (const [key, longRows] of longGroups) {
      const annualRows = annualGroups.get(key);
      if (!annualRows) continue; // a whole 二级 missing is the coverage rule's finding
      const annualNames = new Set(annualRows.map((r) => r.level3));
      const longNames = new Set(longRows.map((r) => r.level3));
      const onlyLong = longRows.filter((r) => !annualNames.has(r.level3));
      const onlyAnnual = annualRows.filter((r) => !longNames.has(r.level3));
      const pairs = Math.min(onlyLong.length, onlyAnnual.length);
      for (let i = 0; i < pairs; i++) {
        report({
          messageId: 'renamed',
          cells: [
            { row: onlyLong[i].row, col: longTerm.cols.level3 },
            { row: onlyAnnual[i].row, col: annual.cols.level3 },
          ],
          data: { level2: onlyLong[i].level2, longTerm: onlyLong[i].level3, annual: onlyAnnual[i].level3 },
          expected: onlyLong[i].level3,
        });
      }
      for (const r of onlyLong.slice(pairs)) report({ messageId: 'onlyLongTerm', cells: [{ row: r.row, col: longTerm.cols.level3 }], data: { level2: r.level2, name: r.level3 } });
      for (const r of onlyAnnual.slice(pairs)) report({ messageId: 'onlyAnnual', cells: [{ row: r.row, col: annual.cols.level3 }], data: { level2: r.level2, name: r.level3 } });
    }
  },
});
