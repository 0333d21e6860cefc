/** `jixiao --help` and `jixiao <command> --help`, in zh-CN and en-US: what each command does and takes. */
import type { Locale, MessageTemplate } from '../rules/rule';

interface OptionHelp {
  /** As typed, with its value: "--out FILE". */
  flag: string;
  text: MessageTemplate;
}

export interface CommandHelp {
  name: string;
  synopsis: string[];
  summary: MessageTemplate;
  details: MessageTemplate;
  options: OptionHelp[];
  /** Example command lines (after `jixiao `), per locale: file names in the user's language. */
  examples: Record<Locale, string[]>;
}

const LANG: OptionHelp = { flag: '--lang zh|en', text: { 'zh-CN': '输出语言（默认按系统区域设置，否则中文）', 'en-US': 'language of the output (default: the system locale, else Chinese)' } };
const SHEET: OptionHelp = { flag: '--sheet NAME', text: { 'zh-CN': '要处理的工作表（默认：第一个可见工作表）', 'en-US': 'the sheet to work on (default: the first visible sheet)' } };
const OUT: OptionHelp = { flag: '--out FILE', text: { 'zh-CN': '输出文件（必填；不能与输入相同，输入文件从不修改）', 'en-US': 'the file to write (required; never the input, which is never modified)' } };

export const COMMAND_HELP: CommandHelp[] = [
  {
    name: 'check',
    synopsis: ['check FILE_OR_FOLDER… [--json | --summary] [--sheet NAME] [--lang zh|en]'],
    summary: { 'zh-CN': '检查申报表', 'en-US': 'check forms' },
    details: {
      'zh-CN': '逐份检查申报表（文件夹中的 .xlsx 含子文件夹），列出每个问题、所在单元格和应为值。\n退出码：0 无错误；1 有错误；2 有文件无法读取、不含申报表，或文件夹中没有 .xlsx 文件（其余文件照常检查）。',
      'en-US': 'Checks each form (every .xlsx in a folder, subfolders included) and lists each issue, its cells and the expected value.\nExit code: 0 no errors; 1 errors found; 2 a file could not be read, holds no form, or a folder holds no .xlsx (the other files are still checked).',
    },
    options: [
      { flag: '--json', text: { 'zh-CN': '输出机器可读的 JSON（每个问题一项）', 'en-US': 'print machine-readable JSON (one entry per issue)' } },
      { flag: '--summary', text: { 'zh-CN': '每份一行的汇总表（与 --json 二选一）', 'en-US': 'one summary line per form (not with --json)' } },
      SHEET,
      LANG,
    ],
    examples: { 'zh-CN': ['check 申报表.xlsx', 'check 各单位/ --summary', 'check 申报表.xlsx --json --lang en'], 'en-US': ['check form.xlsx', 'check departments/ --summary', 'check form.xlsx --json'] },
  },
  {
    name: 'fill',
    synopsis: ['fill IN --out OUT [--only totals,shares,changes] [--overwrite] [--formulas] [--sheet NAME] [--lang zh|en]'],
    summary: { 'zh-CN': '填充合计、占比、增减率', 'en-US': 'fill totals, shares and change rates' },
    details: {
      'zh-CN': '把填好计算列的副本写入 OUT，并列出写入的每个单元格和保留未动的每个单元格。不覆盖已有输入或公式（除非 --overwrite；已算出正确结果的公式即使 --overwrite 也保留）。',
      'en-US': 'Writes a copy with the computed columns filled to OUT and lists every cell written and every cell left alone. Typed values and formulas are kept unless --overwrite; a formula that already computes the right number is kept even then.',
    },
    options: [
      OUT,
      { flag: '--only totals,shares,changes', text: { 'zh-CN': '只填其中几类（逗号分隔）', 'en-US': 'fill only these kinds (comma-separated)' } },
      { flag: '--overwrite', text: { 'zh-CN': '覆盖已有输入', 'en-US': 'replace typed values' } },
      { flag: '--formulas', text: { 'zh-CN': '写入 Excel 公式而不是数值', 'en-US': 'write live Excel formulas instead of values' } },
      SHEET,
      LANG,
    ],
    examples: { 'zh-CN': ['fill 申报表.xlsx --out 申报表-已填.xlsx', 'fill 申报表.xlsx --out 填充.xlsx --only shares'], 'en-US': ['fill form.xlsx --out form-filled.xlsx', 'fill form.xlsx --out filled.xlsx --only shares'] },
  },
  {
    name: 'annotate',
    synopsis: ['annotate IN --out OUT [--sheet NAME] [--lang zh|en]'],
    summary: { 'zh-CN': '标注问题单元格并生成“检查结果”工作表', 'en-US': 'mark issue cells and add a 检查结果 sheet' },
    details: {
      'zh-CN': '写入一份副本：问题单元格标红（错误）或标黄（提示）并加批注，另加“检查结果”工作表逐条列出问题，可点击跳转到单元格。',
      'en-US': 'Writes a copy with each issue cell filled red (error) or amber (warning) with a note, and a 检查结果 sheet listing every issue with a link to its cells.',
    },
    options: [OUT, SHEET, LANG],
    examples: { 'zh-CN': ['annotate 申报表.xlsx --out 申报表-标注.xlsx'], 'en-US': ['annotate form.xlsx --out form-marked.xlsx'] },
  },
  {
    name: 'template',
    synopsis: ['template --out FILE [--year YYYY]', 'template --out FILE --sample'],
    summary: { 'zh-CN': '生成空白模板或示例申报表', 'en-US': 'write a blank template or the filed example' },
    details: {
      'zh-CN': '生成某一预算年度的空白申报表（默认：9 月起为下一年，否则为当年）。--sample 生成鄂州市机关事务服务中心 2024 年原样申报的示例（含其中的错误），年份固定为 2024，不能与其他 --year 同用。',
      'en-US': 'Writes a blank form for a budget year (default: next year from September on, else this year). --sample writes the example form filed for 2024 exactly as filed (errors included); its year is 2024 and cannot be changed with --year.',
    },
    options: [
      { flag: '--out FILE', text: { 'zh-CN': '输出文件（必填）', 'en-US': 'the file to write (required)' } },
      { flag: '--year YYYY', text: { 'zh-CN': '预算年度（四位数字）', 'en-US': 'the budget year (four digits)' } },
      { flag: '--sample', text: { 'zh-CN': '示例申报表（2024 年）', 'en-US': 'the filed example (2024)' } },
      LANG,
    ],
    examples: { 'zh-CN': ['template --out 2026年申报表.xlsx --year 2026', 'template --out 示例.xlsx --sample'], 'en-US': ['template --out form-2026.xlsx --year 2026', 'template --out sample.xlsx --sample'] },
  },
  {
    name: 'roll',
    synopsis: ['roll IN --out OUT [--sheet NAME]', 'roll LAST --into THIS --out OUT [--overwrite] [--sheet NAME]'],
    summary: { 'zh-CN': '开始新年度 / 导入上年申报表', 'en-US': 'start a new year / import last year’s form' },
    details: {
      'zh-CN': 'roll IN：把申报表滚动到下一年度（上年列后移、当年金额清空、年度后移、填报日期清空待填）。\nroll LAST --into THIS：按年份匹配列、按行标签匹配行，把上年申报表的数据填入本年表的近两年列，并列出未匹配的行；年份对不上时不写入。',
      'en-US': 'roll IN: moves the form on a year (prior-year columns shift, current amounts are cleared, years move on, the filing date is cleared for the new one).\nroll LAST --into THIS: fills THIS form’s prior-year columns from LAST, matching columns by year and rows by label, and lists what it could not match; when the years do not fit it writes nothing.',
    },
    options: [
      OUT,
      { flag: '--into THIS', text: { 'zh-CN': '本年度申报表（导入上年数据）', 'en-US': 'this year’s form (import last year into it)' } },
      { flag: '--overwrite', text: { 'zh-CN': '覆盖本年表中已有的输入', 'en-US': 'replace values typed in this year’s form' } },
      SHEET,
      LANG,
    ],
    examples: { 'zh-CN': ['roll 2025年申报表.xlsx --out 2026年申报表.xlsx', 'roll 2025年申报表.xlsx --into 2026年申报表.xlsx --out 2026-已导入.xlsx'], 'en-US': ['roll form-2025.xlsx --out form-2026.xlsx', 'roll form-2025.xlsx --into form-2026.xlsx --out form-2026-imported.xlsx'] },
  },
  {
    name: 'review',
    synopsis: ['review FILE_OR_FOLDER… --out REVIEW.xlsx [--lang zh|en]'],
    summary: { 'zh-CN': '批量审核，生成汇总工作簿', 'en-US': 'review many forms into one workbook' },
    details: {
      'zh-CN': '逐份检查（文件夹中的 .xlsx 含子文件夹），生成汇总工作簿：每份一行（按问题严重程度排序）和全部问题明细。\n退出码：0 全部通过；1 有错误；2 有文件无法读取，或没有可审核的文件。',
      'en-US': 'Checks each form (every .xlsx in a folder, subfolders included) and writes a workbook with one summary row per form (worst first) and every issue.\nExit code: 0 all passed; 1 errors found; 2 a file could not be read, or there was nothing to review.',
    },
    options: [{ flag: '--out REVIEW.xlsx', text: { 'zh-CN': '汇总工作簿（必填）', 'en-US': 'the review workbook (required)' } }, LANG],
    examples: { 'zh-CN': ['review 各单位/ --out 汇总.xlsx'], 'en-US': ['review departments/ --out review.xlsx'] },
  },
];

export function commandHelp(name: string): CommandHelp | undefined {
  return COMMAND_HELP.find((c) => c.name === name);
}

const WORDS = {
  'zh-CN': { usage: '用法', options: '选项', examples: '示例', commands: '命令', colon: '：', more: '查看某个命令的选项：jixiao <命令> --help', version: '--version  显示版本号', help: '--help     显示本帮助', alias: '在源码目录中也可用 npm run cli -- <命令> …' },
  'en-US': { usage: 'Usage', options: 'Options', examples: 'Examples', commands: 'Commands', colon: ': ', more: 'Options of a command: jixiao <command> --help', version: '--version  print the version', help: '--help     print this help', alias: 'In a clone of the source, npm run cli -- <command> … does the same' },
} as const;

/** The overview: one line per command. */
export function generalHelp(locale: Locale): string {
  const w = WORDS[locale];
  const width = Math.max(...COMMAND_HELP.map((c) => c.name.length));
  return [
    `${w.usage}${w.colon}jixiao <${locale === 'zh-CN' ? '命令' : 'command'}> [${w.options}]`,
    '',
    `${w.commands}${w.colon.trim()}`,
    ...COMMAND_HELP.map((c) => `  ${c.name.padEnd(width)}  ${c.summary[locale]}`),
    '',
    `  ${w.help}`,
    `  ${w.version}`,
    '',
    w.more,
    w.alias,
    '',
  ].join('\n');
}

export function commandHelpText(help: CommandHelp, locale: Locale): string {
  const w = WORDS[locale];
  const width = Math.max(...help.options.map((o) => o.flag.length));
  return [
    `${w.usage}${w.colon.trim()}`,
    ...help.synopsis.map((s) => `  jixiao ${s}`),
    '',
    help.details[locale],
    '',
    `${w.options}${w.colon.trim()}`,
    ...help.options.map((o) => `  ${o.flag.padEnd(width)}  ${o.text[locale]}`),
    '',
    `${w.examples}${w.colon.trim()}`,
    ...help.examples[locale].map((e) => `  jixiao ${e}`),
    '',
  ].join('\n');
}

/** The one-line pointer printed under a usage error. */
export function helpPointer(command: string | undefined, locale: Locale): string {
  const target = command ? `jixiao ${command} --help` : 'jixiao --help';
  return locale === 'zh-CN' ? `用 ${target} 查看用法。` : `See ${target} for usage.`;
}
