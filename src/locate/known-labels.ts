/**
 * Every label the spec knows, folded. A Word table pasted into a sheet puts each line of a multi-line label
 * on its own row (部门（单位） / 名称, 当年 / 金额, 长期绩 / 效指标); the sheet index joins a cell with the one
 * below it when together they make one of these.
 */
import { normalizeLabel } from '../form/labels';
import { FORM_TITLES, FUNDING, GOALS, HEADER_FIELDS, INDICATORS, LEVEL1_INDICATORS, PROJECTS, TEXT_SECTIONS, TOTAL_LABELS } from '../form/spec';

const columnLabels = (cols: Record<string, { labels: readonly string[] }>) => Object.values(cols).flatMap((c) => c.labels);

export const KNOWN_LABELS: ReadonlySet<string> = new Set(
  [
    ...FORM_TITLES,
    ...Object.values(HEADER_FIELDS).flatMap((f) => f.labels),
    ...FUNDING.sectionLabels,
    ...FUNDING.overallLabels,
    ...columnLabels(FUNDING.columns),
    ...FUNDING.groups.flatMap((g) => [...g.labels, ...g.items.map((i) => i.label)]),
    ...TOTAL_LABELS,
    ...TEXT_SECTIONS.functions.labels,
    ...TEXT_SECTIONS.tasks.labels,
    ...PROJECTS.sectionLabels,
    ...columnLabels(PROJECTS.columns),
    ...GOALS.sectionLabels,
    ...INDICATORS.longTermSectionLabels,
    ...INDICATORS.annualSectionLabels,
    ...columnLabels(INDICATORS.columns),
    // The framework's 一级 indicators are printed on two lines too (运行 / 成本, 管理 / 效率).
    ...LEVEL1_INDICATORS,
  ].map(normalizeLabel),
);

/** Labels that begin with a known word and go on with their own text: 长期目标：（截止2025年）. */
const PREFIXED = [new RegExp(`^${GOALS.longTermPrefix}:?\\(截止\\d{4}年?\\)$`), new RegExp(`^${GOALS.annualPrefix}:?$`)];

/** True when `upper` followed by `lower` (both folded) make one known label that neither is alone. */
export function joinsToLabel(upper: string, lower: string): boolean {
  if (!upper || !lower || KNOWN_LABELS.has(lower)) return false;
  const joined = upper + lower;
  if (KNOWN_LABELS.has(joined) && !KNOWN_LABELS.has(upper)) return true;
  return PREFIXED.some((re) => re.test(joined) && !re.test(upper));
}
