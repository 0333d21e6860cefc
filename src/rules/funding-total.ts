/**
 * 合计 equals the sum of its items, for 收入 and 支出, in every year column. When the other group's total
 * agrees with the written one (the budget balances as written), an item is the likelier mistake: the
 * finding says so and proposes no new total. An item typed as words or with a unit is named, not summed.
 */
import { defineRule } from './rule';
import { fmtAmount, sameAmount, sum } from './format';
import { toA1 } from '../grid/address';
import { displayOf } from '../read/values';
import { corroboratedTotal } from './funding-evidence';

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
      itemsLikelyWrong: {
        'zh-CN': '{group}{column}各项之和为 {sum}，与合计 {total} 不符（差 {diff}）；{other}合计同为 {total}，更可能是某一项金额有误，请核对各项金额',
        'en-US': '{groupEn} items for {columnEn} add up to {sum}, not the total {total} (off by {diff}); the {otherEn} total is {total} too, so an item is the likelier mistake: check the items',
      },
      itemNotNumber: {
        'zh-CN': '{group}{column}“{item}”的金额“{value}”不是数字，无法计入合计',
        'en-US': '{groupEn} amount of {item} for {columnEn} “{value}” is not a number and cannot be added up',
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
        const base = {
          group: group.key === 'income' ? '收入' : '支出',
          groupEn: group.key === 'income' ? 'Income' : 'Expenditure',
          column: column.kind === 'current' ? '当年金额' : `${column.year ?? ''}年`,
          columnEn: column.kind === 'current' ? 'the current year' : `${column.year ?? toA1(column.header)}`,
        };
        // Words or a unit in an item: the sum is unknown, so the item is the finding, not the total.
        const words = itemRefs.flatMap((r, i) => {
          const p = ctx.parsed(r);
          return p.kind === 'text' || p.kind === 'quantity' || (p.kind === 'number' && p.percent) ? [{ r, i, p }] : [];
        });
        for (const w of words) {
          report({ messageId: 'itemNotNumber', cells: [w.r], data: { ...base, item: group.items[w.i].label.replace(/\s+/g, ''), value: displayOf(w.p) } });
        }
        if (words.length) continue;
        if (amounts.every((a) => a === null)) continue;
        const totalRef = { row: group.total.row, col: column.col };
        const total = ctx.amount(totalRef);
        const expected = sum(amounts);
        const data = { ...base, sum: fmtAmount(expected) };
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
          const corroborated = corroboratedTotal(ctx, group.key, column.col);
          if (corroborated) {
            report({
              messageId: 'itemsLikelyWrong',
              cells: [totalRef, ...itemRefs.filter((_, i) => amounts[i] !== null), corroborated.otherTotal],
              data: {
                ...data,
                total: fmtAmount(total),
                diff: fmtAmount(total.minus(expected)),
                other: corroborated.otherKey === 'income' ? '收入' : '支出',
                otherEn: corroborated.otherKey === 'income' ? 'income' : 'expenditure',
              },
            });
            continue;
          }
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
