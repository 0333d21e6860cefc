/**
 * One indicator keeps one unit: across the annual table's prior years and target, and between the
 * long-term table's value and the annual target (55家 then 55种, 200次 then 200场次).
 */
import { defineRule } from './rule';
import { displayOf } from '../read/values';
import { isRate, rowsByKey, rowKey, unitOf } from './indicator-common';
import type { CellRef } from '../grid/address';

export default defineRule({
  meta: {
    id: 'indicator-unit',
    severity: 'warning',
    section: 'annual',
    description: { 'zh-CN': '同一指标在各年度及长期、年度表之间计量单位一致', 'en-US': 'An indicator keeps one unit across years and between the two tables' },
    messages: {
      acrossYears: {
        'zh-CN': '“{indicator}”各年度的计量单位不一致：{values}',
        'en-US': '“{indicator}” changes its unit from year to year: {values}',
      },
      acrossTables: {
        'zh-CN': '“{indicator}”长期指标值“{longTerm}”与年度预期值“{annual}”的计量单位不一致',
        'en-US': '“{indicator}”: the long-term value “{longTerm}” and the annual target “{annual}” use different units',
      },
    },
  },
  check(ctx, report) {
    const annual = ctx.form.annual;
    if (annual) {
      for (const row of annual.rows) {
        const cells = ctx.indicatorValueCells(annual, row).map((c) => ({ ref: c.ref, p: ctx.parsed(c.ref) }));
        const withUnit = cells.filter((c) => {
          const u = unitOf(c.p);
          if (u === null) return false;
          // A bare 0 needs no unit; a bare number in a rate row is the rate rule's business.
          if (u === '' && (c.p.kind === 'number' && (c.p.value.isZero() || isRate(row.level3)))) return false;
          return true;
        });
        const units = new Set(withUnit.map((c) => unitOf(c.p)));
        if (units.size > 1) {
          report({
            messageId: 'acrossYears',
            cells: withUnit.map((c) => c.ref),
            data: { indicator: row.level3, values: withUnit.map((c) => displayOf(c.p)).join('、') },
          });
        }
      }
    }
    const longRows = rowsByKey(ctx.form.longTerm);
    if (!annual || !ctx.form.longTerm || annual.cols.value === null || ctx.form.longTerm.cols.value === null) return;
    for (const row of annual.rows) {
      const other = longRows.get(rowKey(row));
      if (!other) continue;
      const a: CellRef = { row: row.row, col: annual.cols.value };
      const b: CellRef = { row: other.row, col: ctx.form.longTerm.cols.value };
      const pa = ctx.parsed(a);
      const pb = ctx.parsed(b);
      const ua = unitOf(pa);
      const ub = unitOf(pb);
      if (ua === null || ub === null || ua === ub) continue;
      if ((ua === '' || ub === '') && isRate(row.level3)) continue;
      report({ messageId: 'acrossTables', cells: [b, a], data: { indicator: row.level3, longTerm: displayOf(pb), annual: displayOf(pa) } });
    }
  },
});
