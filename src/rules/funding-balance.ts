/** 收入合计 equals 支出合计 in every year column: a department budget balances. */
import { defineRule } from './rule';
import { fmtAmount, sameAmount } from './format';

export default defineRule({
  meta: {
    id: 'funding-balance',
    severity: 'error',
    section: 'funding',
    description: { 'zh-CN': '收入合计等于支出合计（每个年度列）', 'en-US': 'Income total equals expenditure total in every year column' },
    messages: {
      unbalanced: {
        'zh-CN': '{column}收入合计 {income} 与支出合计 {expense} 不相等（差 {diff}）',
        'en-US': 'For {columnEn}, income total {income} differs from expenditure total {expense} (off by {diff})',
      },
    },
  },
  check(ctx, report) {
    const [income, expense] = ['income', 'expense'].map((k) => ctx.fundingGroups().find((g) => g.key === k)?.total ?? null);
    if (!income || !expense) return;
    for (const column of ctx.amountColumns()) {
      const a = { row: income.row, col: column.col };
      const b = { row: expense.row, col: column.col };
      const inc = ctx.amount(a);
      const exp = ctx.amount(b);
      if (inc === null || exp === null || sameAmount(inc, exp)) continue;
      report({
        messageId: 'unbalanced',
        cells: [a, b],
        data: {
          column: column.kind === 'current' ? '当年金额' : `${column.year ?? ''}年`,
          columnEn: column.kind === 'current' ? 'the current year' : String(column.year ?? ''),
          income: fmtAmount(inc),
          expense: fmtAmount(exp),
          diff: fmtAmount(inc.minus(exp)),
        },
      });
    }
  },
});
