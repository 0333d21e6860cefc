/**
 * A change of more than ±30% (a setting) against the year before asks for an explanation, as reviewers do:
 * a warning that can stand with a written 审核说明.
 */
import { defineRule } from './rule';
import { changeRate } from '../fills/changes';
import { fmtAmount, fmtPercent } from './format';

export default defineRule({
  meta: {
    id: 'funding-change',
    severity: 'warning',
    section: 'funding',
    description: { 'zh-CN': '收支较上年变动超过阈值（默认 ±30%）需说明原因', 'en-US': 'A change beyond the threshold (±30% by default) against the year before needs an explanation' },
    messages: {
      large: {
        'zh-CN': '{item}{period}变动 {rate}（{base} → {now}），超过 ±{threshold}，请说明原因',
        'en-US': '{item} changed by {rate} {periodEn} ({base} → {now}), beyond ±{threshold}: please explain',
      },
    },
  },
  check(ctx, report) {
    const f = ctx.form.funding;
    if (!f) return;
    const { last, before } = ctx.priorYearCols();
    const pairs = [
      { now: f.currentCol, base: last?.col, zh: '当年较上年', en: 'this year against last year' },
      { now: last?.col, base: before?.col, zh: '上年较前年', en: 'last year against the year before' },
    ];
    for (const row of ctx.fundingRows()) {
      for (const p of pairs) {
        if (p.now === undefined || p.base === undefined) continue;
        const nowRef = { row: row.row, col: p.now };
        const baseRef = { row: row.row, col: p.base };
        const now = ctx.amount(nowRef);
        const base = ctx.amount(baseRef);
        const rate = changeRate(now, base);
        if (rate === null || rate === 'zero-base' || rate.abs().lte(ctx.settings.changeThreshold)) continue;
        report({
          messageId: 'large',
          cells: [nowRef, baseRef],
          data: {
            item: row.label.replace(/\s+/g, ''),
            period: p.zh,
            periodEn: p.en,
            rate: `${rate.isPositive() ? '+' : ''}${fmtPercent(rate)}`,
            base: fmtAmount(base!),
            now: fmtAmount(now!),
            threshold: fmtPercent(ctx.settings.changeThreshold).replace('.00', ''),
          },
        });
      }
    }
  },
});
