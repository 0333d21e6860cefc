/**
 * docs/rules.md is generated from the rules' metadata (npm run docs) and never edited by hand: this
 * fails whenever a rule's id, severity, description or messages change without regenerating it.
 */
import { existsSync, readFileSync } from 'fs';
import path from 'path';
import { RULES_DOC, renderRulesDoc } from '../scripts/gen-rules-doc';
import { RULES } from '../src/rules/index';

describe('docs/rules.md', () => {
  const onDisk = existsSync(RULES_DOC) ? readFileSync(RULES_DOC, 'utf8').replace(/\r\n/g, '\n') : '';

  test('is what scripts/gen-rules-doc.ts generates (run `npm run docs` after changing a rule)', () => {
    expect(onDisk).toBe(renderRulesDoc());
  });

  test('lists every rule once in the table, in registry order, with its severity and messages', () => {
    const rows = onDisk.split('\n').filter((l) => /^\| \d+ \| \[`/.test(l));
    expect(rows.map((l) => /\[`([\w-]+)`\]/.exec(l)![1])).toEqual(RULES.map((r) => r.meta.id));
    RULES.forEach((r, i) => {
      expect(rows[i]).toContain(r.meta.severity === 'error' ? 'error 强制' : 'warning 提示');
      expect(rows[i]).toContain(r.meta.description['zh-CN']);
      for (const m of Object.values(r.meta.messages)) {
        expect(onDisk).toContain(m['zh-CN'].replace(/\|/g, '\\|'));
        expect(onDisk).toContain(m['en-US'].replace(/\|/g, '\\|'));
      }
    });
  });

  test('escapes table separators in rule text', () => {
    const doc = renderRulesDoc([
      {
        meta: { id: 'x-rule', severity: 'warning', section: 'sheet', description: { 'zh-CN': 'a|b', 'en-US': 'c\nd' }, messages: { m: { 'zh-CN': '{v}|', 'en-US': 'e' } } },
        check: () => {},
      },
    ]);
    expect(doc).toContain('| a\\|b | c d |');
    expect(doc).toContain('| `m` | {v}\\| | e |');
  });
});

describe('rule tests', () => {
  test.each(RULES.map((r) => r.meta.id))('%s has test/rules/%s.test.ts', (id) => {
    expect(existsSync(path.join(__dirname, 'rules', `${id}.test.ts`))).toBe(true);
  });
});
