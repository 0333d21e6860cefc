/**
 * An amount typed in 元 among 万元 figures (7242318 for 724.2318): it is about 10,000 times what it should
 * be. funding-total reports the total that no longer adds up; this names the cell that caused it.
 */
import Decimal from 'decimal.js';
import { defineRule } from './rule';
import { fmtAmount, sameAmount, sum } from './format';
import { AMOUNT_UNIT } from '../form/spec';

const YUAN_PER_WAN = new Decimal(10000);

function median(values: Decimal[]): Decimal | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a.cmp(b));
  return sorted[Math.floor(sorted.length / 2)];
}

export default defineRule({
  meta: {
    id: 'funding-amount-yuan',
    severity: 'error',
    section: 'funding',
    description: { 'zh-CN': '金额单位为万元：以元填写的金额（约大一万倍）', 'en-US': 'Amounts are in 万元 (10,000 yuan): an amount typed in yuan is about 10,000 times too large' },
    messages: {
      yuan: {
        'zh-CN': '{item}{column}“{value}”约为同表其他金额的一万倍，疑似以元填写（单位：{unit}），应为 {expected}',
        'en-US': '{item} for {columnEn}, {value}, is about 10,000 times the other amounts: likely typed in yuan (the unit is {unit}); should be {expected}',
      },
    },
    fixable: true,
  },
  check(ctx, report) {
    for (const column of ctx.amountColumns()) {
      const all = ctx.fundingRows().map((r) => ctx.amount({ row: r.row, col: column.col })).filter((a): a is Decimal => a !== null && !a.isZero());
      for (const group of ctx.fundingGroups()) {
        const refs = group.items.map((it) => ({ row: it.row, col: column.col }));
        const amounts = refs.map((r) => ctx.amount(r));
        const total = group.total ? ctx.amount({ row: group.total.row, col: column.col }) : null;
        amounts.forEach((a, i) => {
          const item = group.items[i];
          if (a === null || a.abs().lt(YUAN_PER_WAN)) return;
          const asWan = a.div(YUAN_PER_WAN);
          const others = amounts.filter((_, j) => j !== i);
          // Either the total adds up once the amount is read in 万元, or it towers over everything else on the table.
          const totalFits = total !== null && sameAmount(sum(others).plus(asWan), total) && !sameAmount(sum(amounts), total);
          const rest = all.filter((x) => !x.eq(a));
          const m = median(rest.map((x) => x.abs()));
          // …or the same item in the other year columns is a thousandth of it or less.
          const peers = ctx
            .amountColumns()
            .filter((c) => c.col !== column.col)
            .map((c) => ctx.amount({ row: item.row, col: c.col }))
            .filter((x): x is Decimal => x !== null && !x.isZero());
          const peer = median(peers.map((x) => x.abs()));
          const towers = (m !== null && a.abs().div(m).gte(1000)) || (peer !== null && a.abs().div(peer).gte(1000));
          if (!totalFits && !towers) return;
          report({
            messageId: 'yuan',
            cells: [refs[i]],
            data: {
              item: item.label.replace(/\s+/g, ''),
              column: column.kind === 'current' ? '当年金额' : `${column.year ?? ''}年`,
              columnEn: column.kind === 'current' ? 'the current year' : `${column.year ?? 'a prior year'}`,
              value: fmtAmount(a),
              unit: AMOUNT_UNIT,
              expected: fmtAmount(asWan),
            },
            expected: fmtAmount(asWan),
            fix: [{ cell: refs[i], value: asWan.toNumber() }],
          });
        });
      }
    }
  },
});
