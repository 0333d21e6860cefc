/** 合计 equals the sum of its items, for 收入 and 支出, in every year column. */
import { defineRule } from './rule';
import { fmtAmount, sameAmount, sum } from './format';
import { toA1 } from '../grid/address';
import { displayOf } from '../read/values';

export default defineRule({
  meta: {
    id: 'funding-total',
    severity: 'error',
    section: 'funding',
    description: { 'zh-CN': '合计等于各项之和（收入、支出，每个年度列）', 'en-US': 'Each total equals the sum of its items, in every year column' },
    messages: {
      mismatch: {
        'zh-CN': '{group}{column}合计为 {total}，各项之和为 {sum}（差 {diff}）',
        'en-US': '{groupEn} total for {columnEn} is {total} but its items add up to {sum} (off by {diff})',
      },
      notNumber: {
        'zh-CN': '{group}{column}合计“{value}”不是数字（各项之和为 {sum}）',
        'en-US': '{groupEn} total for {columnEn} “{value}” is not a number (its items add up to {sum})',
      },
      missing: {
        'zh-CN': '{group}{column}合计未填，各项之和为 {sum}',
        'en-US': '{groupEn} total for {columnEn} is empty; its items add up to {sum}',
      },
    },
    fixable: true,
  },
  check(ctx, report) {
    for (const group of ctx.fundingGroups()) {
      if (!group.total) continue;
      for (const column of ctx.amountColumns()) {
        const itemRefs = group.items.map((it) => ({ row: it.row, col: column.col }));
        const amounts = itemRefs.map((r) => ctx.amount(r));
        if (amounts.every((a) => a === null)) continue;
        const totalRef = { row: group.total.row, col: column.col };
        const total = ctx.amount(totalRef);
        const expected = sum(amounts);
        const data = {
          group: group.key === 'income' ? '收入' : '支出',
          groupEn: group.key === 'income' ? 'Income' : 'Expenditure',
          column: column.kind === 'current' ? '当年金额' : `${column.year ?? ''}年`,
          columnEn: column.kind === 'current' ? 'the current year' : `${column.year ?? toA1(column.header)}`,
          sum: fmtAmount(expected),
        };
        if (total === null) {
          const p = ctx.parsed(totalRef);
          if (p.kind === 'empty') report({ messageId: 'missing', cells: [totalRef], data, expected: fmtAmount(expected), fix: [{ cell: totalRef, value: expected.toNumber() }] });
          // A total written with a unit or as words ("7969.3万元") would otherwise slip past every sum.
          else if (p.kind === 'quantity' || p.kind === 'text') {
            report({ messageId: 'notNumber', cells: [totalRef], data: { ...data, value: displayOf(p) }, expected: fmtAmount(expected), fix: [{ cell: totalRef, value: expected.toNumber() }] });
          }
          continue;
        }
        if (!sameAmount(total, expected)) {
          report({
            messageId: 'mismatch',
            cells: [totalRef, ...itemRefs.filter((_, i) => amounts[i] !== null)],
            data: { ...data, total: fmtAmount(total), diff: fmtAmount(total.minus(expected)) },
            expected: fmtAmount(expected),
            fix: [{ cell: totalRef, value: expected.toNumber() }],
          });
        }
      }
    }
  },
});
