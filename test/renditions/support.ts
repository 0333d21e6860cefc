/** The committed renditions (scripts/renditions/make.sh) read as the command line reads them, and findings compared by meaning. */
import path from 'path';
import { checkWorkbook, type CheckResult } from '../../src/engine';
import { openDocument } from '../../src/cli/documents';
import type { Issue } from '../../src/rules/rule';

export const RENDITIONS = path.join(__dirname, '..', 'fixtures', 'renditions');
export const fixture = (name: string) => path.join(RENDITIONS, name);

export async function checkFixture(file: string): Promise<CheckResult[]> {
  const doc = await openDocument(file);
  return checkWorkbook(doc.grids);
}

/** An issue by meaning: its rule, message and what its cells are (not where they are). */
export const meaning = (i: Issue) => i.key!;

/** The seven findings a reviewer makes on the filed form (docs of the form): rule and what the cells are. */
export const REVIEWER_FINDINGS: { rule: string; about: RegExp }[] = [
  { rule: 'funding-total', about: /funding:expense:total:current/ },
  { rule: 'funding-total', about: /funding:expense:total:y2022/ },
  { rule: 'indicator-basis', about: /中长期规划相符性:basis/ },
  { rule: 'indicator-rate-percent', about: /事前绩效评估完成率:value/ },
  { rule: 'indicator-unit', about: /丰富多样的餐饮品种/ },
  { rule: 'indicator-name-match', about: /核心业务产出1/ },
  { rule: 'indicator-level1-coverage', about: /满意度/ },
];
