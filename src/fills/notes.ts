/**
 * The notes a fill or a roll leaves on a cell it wrote, in the language of whoever ran it (the pane's, or the
 * command line's --lang): a workbook speaks one language, like the notes of a check.
 */
import type { Locale } from '../rules/rule';

export type FillNote = 'carried-over' | 'zero-base';

const NOTES: Record<FillNote, Record<Locale, string>> = {
  'carried-over': { 'zh-CN': '由上年预期值结转，请核实实际完成值', 'en-US': 'Carried over from last year’s target: confirm the actual value' },
  'zero-base': { 'zh-CN': '基期金额为零，无法计算增减率', 'en-US': 'The base amount is zero: no change rate' },
};

export function fillNote(note: FillNote, locale: Locale = 'zh-CN'): string {
  return NOTES[note][locale];
}
