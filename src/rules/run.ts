/** Runs rules over a located form. A rule that throws becomes an issue of its own, never a crash. */
import { FormContext } from '../read/context';
import type { Issue, Rule } from './rule';
import { RULES } from './index';
import { cellKey } from '../grid/address';
import { blankPartCells } from '../read/parts';
import formPartBlank from './form-part-blank';

export const ENGINE_FAULT_RULE = 'engine-fault';

export function runRules(ctx: FormContext, rules: readonly Rule[] = RULES): Issue[] {
  const issues: Issue[] = [];
  for (const rule of rules) {
    try {
      rule.check(ctx, (r) =>
        issues.push({
          rule: rule.meta.id,
          severity: rule.meta.severity,
          section: sectionOf(rule, ctx, r.cells[0]?.row),
          messageId: r.messageId,
          cells: r.cells,
          data: r.data ?? {},
          expected: r.expected,
          fix: r.fix,
        }),
      );
    } catch (e) {
      issues.push({
        rule: ENGINE_FAULT_RULE,
        severity: 'warning',
        section: 'sheet',
        messageId: 'fault',
        cells: [],
        data: { rule: rule.meta.id, message: (e as Error).message },
      });
    }
  }
  return rules.includes(formPartBlank) ? withoutBlankParts(ctx, issues) : issues;
}

/** Findings that blame only cells of a blank part: the part's one finding already says they are to fill. */
function withoutBlankParts(ctx: FormContext, issues: Issue[]): Issue[] {
  const blank = blankPartCells(ctx);
  if (blank.size === 0) return issues;
  return issues.filter((i) => i.rule === formPartBlank.meta.id || i.cells.length === 0 || !i.cells.every((c) => blank.has(cellKey(c))));
}

/**
 * The section an issue belongs to, by where its first cell lies (rules spanning tables are placed by their
 * cell). One exception: a rule about the annual table that compares it with the long-term table blames the
 * long-term rows the annual table lacks (年度绩效指标表缺少…); its findings are about the annual table.
 */
function sectionOf(rule: Rule, ctx: FormContext, row: number | undefined): Issue['section'] {
  if (row === undefined) return rule.meta.section;
  const f = ctx.form;
  if (f.annual && row > f.annual.headerRow) return 'annual';
  if (f.longTerm && row > f.longTerm.headerRow) return rule.meta.section === 'annual' ? 'annual' : 'longTerm';
  if (f.texts.longTermGoal && row >= f.texts.longTermGoal.label.row) return 'goals';
  if (f.projects && row > f.projects.headerRow) return 'projects';
  if (f.funding && row >= f.funding.headerRow) return 'funding';
  return 'header';
}
