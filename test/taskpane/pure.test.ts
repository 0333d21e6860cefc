/** The pane's pure helpers: settings, grouping, value display, theme, language, strings. */
import { parseSettings, parseThreshold, DEFAULT_SETTINGS, loadSettings, saveSettings } from '../../taskpane/settings';
import { groupIssues, cellsText, SECTION_ORDER } from '../../taskpane/issues';
import { displayValue, describeCellContent } from '../../taskpane/format';
import { brandRamp, luminance, themeKindOf } from '../../taskpane/theme';
import { localeOf, messageOf, both } from '../../taskpane/controller';
import { STRINGS, localeFromLanguage } from '../../taskpane/i18n';
import { AdapterError } from '../../src/excel';
import type { Issue } from '../../src/rules/rule';

const issue = (section: Issue['section'], severity: Issue['severity'], explanation?: string, row = 0): Issue => ({
  rule: 'r',
  severity,
  section,
  messageId: 'm',
  cells: [{ row, col: 3 }],
  data: {},
  ...(explanation ? { explanation } : {}),
});

describe('settings', () => {
  it('parses thresholds as people type them', () => {
    expect(parseThreshold('30')).toBe(30);
    expect(parseThreshold(' 12.5% ')).toBe(12.5);
    expect(parseThreshold('２５％')).toBe(25);
    expect(parseThreshold('0')).toBeNull();
    expect(parseThreshold('-5')).toBeNull();
    expect(parseThreshold('abc')).toBeNull();
    expect(parseThreshold('5000')).toBeNull();
  });

  it('falls back field by field on damaged storage', () => {
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('{not json')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings(JSON.stringify({ tailRule: 'none', mode: 'bogus', thresholdPercent: -1, language: 'en-US' }))).toEqual({
      ...DEFAULT_SETTINGS,
      tailRule: 'none',
      language: 'en-US',
    });
  });

  it('survives storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(loadSettings(broken)).toEqual(DEFAULT_SETTINGS);
    expect(() => saveSettings(broken, DEFAULT_SETTINGS)).not.toThrow();
  });
});

describe('issue groups', () => {
  it('follow the form’s section order; errors, then open, then explained warnings; counts per group', () => {
    const groups = groupIssues([issue('annual', 'warning', 'ok', 1), issue('funding', 'warning'), issue('annual', 'error'), issue('funding', 'error'), issue('annual', 'warning', undefined, 2)]);
    expect(groups.map((g) => g.section)).toEqual(['funding', 'annual']);
    expect(groups[1].issues.map((i) => [i.severity, i.explanation ?? ''])).toEqual([
      ['error', ''],
      ['warning', ''],
      ['warning', 'ok'],
    ]);
    expect(groups[1].counts).toEqual({ errors: 1, openWarnings: 1, explainedWarnings: 1 });
    expect(SECTION_ORDER[0]).toBe('header');
    expect(cellsText({ cells: [{ row: 12, col: 3 }, { row: -1, col: 0 }] })).toBe('D13');
  });
});

describe('value display', () => {
  it('shows numbers as their format says, text as is', () => {
    expect(displayValue(0.0946, '0.00%')).toBe('9.46%');
    expect(displayValue(1, '0%')).toBe('100%');
    expect(displayValue(7969.3, '0.00')).toBe('7969.30');
    expect(displayValue(7969.3)).toBe('7969.3');
    expect(displayValue(0.1 + 0.2)).toBe('0.3');
    expect(displayValue(45303, 'yyyy"年"m"月"d"日"')).toBe('2024年1月12日');
    expect(displayValue({ error: '#DIV/0!' })).toBe('#DIV/0!');
    expect(displayValue('<b>x</b>')).toBe('<b>x</b>');
    expect(displayValue(null)).toBe('');
    expect(describeCellContent(null, undefined, undefined, '(空)')).toBe('(空)');
    expect(describeCellContent(3, '=A1+A2', undefined, '')).toBe('=A1+A2 (3)');
  });
});

describe('theme and language', () => {
  it('follows the Office theme by its background', () => {
    expect(themeKindOf({ bodyBackgroundColor: '#262626' })).toBe('dark');
    expect(themeKindOf({ bodyBackgroundColor: '#FFFFFF' })).toBe('light');
    expect(themeKindOf({ bodyBackgroundColor: 'bogus' })).toBe('light');
    expect(themeKindOf(undefined)).toBe('light');
    expect(luminance('#000000')).toBe(0);
    const ramp = brandRamp('#217346');
    expect(Object.keys(ramp)).toHaveLength(16);
    expect(ramp[80]).toBe('#217346');
  });

  it('picks the language from Office unless the settings say otherwise', () => {
    expect(localeOf(DEFAULT_SETTINGS, 'zh-CN')).toBe('zh-CN');
    expect(localeOf(DEFAULT_SETTINGS, 'zh-TW')).toBe('zh-CN');
    expect(localeOf(DEFAULT_SETTINGS, 'en-GB')).toBe('en-US');
    expect(localeOf({ ...DEFAULT_SETTINGS, language: 'en-US' }, 'zh-CN')).toBe('en-US');
    expect(localeFromLanguage('zh')).toBe('zh-CN');
    expect(localeFromLanguage('fr-FR')).toBe('en-US');
  });

  it('has every string in both languages', () => {
    const shape = (o: unknown): unknown =>
      typeof o === 'object' && o !== null ? Object.fromEntries(Object.entries(o).map(([k, v]) => [k, shape(v)])).valueOf() : typeof o;
    expect(shape(STRINGS['en-US'])).toEqual(shape(STRINGS['zh-CN']));
  });

  it('words adapter errors in both languages', () => {
    const m = messageOf(new AdapterError('sheet-protected', { sheet: '申报表' }));
    expect(m.code).toBe('sheet-protected');
    expect(m.text['zh-CN']).toContain('申报表');
    expect(m.text['en-US']).toContain('protected');
    expect(both((s) => s.undone)).toEqual({ 'zh-CN': '已撤销。', 'en-US': 'Undone.' });
    expect(messageOf(new Error('boom')).text['en-US']).toContain('boom');
  });
});

describe('the roll strings', () => {
  it('name the years, or say there are none, never "?"; and ask for the new filing date', () => {
    for (const s of Object.values(STRINGS)) {
      expect(s.rollSummary(null, null, 3)).not.toContain('?');
      expect(s.rolled(null)).not.toMatch(/ {2}|开始 年/);
      expect(s.rollSummary(2027, 2028, 3)).toMatch(/2027.*2028/);
    }
    expect(STRINGS['zh-CN'].rollSummary(null, null, 3)).toContain('表中没有年份');
    expect(STRINGS['zh-CN'].rolled(2025)).toContain('请填写填报日期');
  });
});
