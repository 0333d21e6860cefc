/** A small argument parser (positionals, --flag, --key value, --key=value) and its usage errors in both languages. */
import { formatTemplate, type Locale, type MessageTemplate } from '../rules/rule';

export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
  /** The options that take a value (as given to parseArgs); the others are plain flags. */
  valued: readonly string[];
}

const USAGE_MESSAGES = {
  unknownCommand: { 'zh-CN': '没有“{command}”这个命令。{hint}', 'en-US': 'There is no command "{command}".{hint}' },
  unknownOption: { 'zh-CN': '没有 --{option} 这个选项。{hint}', 'en-US': 'There is no option --{option}.{hint}' },
  didYouMean: { 'zh-CN': '是不是要用 {suggestion}？', 'en-US': ' Did you mean {suggestion}?' },
  needsValue: { 'zh-CN': '--{option} 后面要跟一个值，例如 --{option} {example}。', 'en-US': '--{option} needs a value, e.g. --{option} {example}.' },
  flagTakesNoValue: { 'zh-CN': '--{option} 不带值（去掉“={value}”）。', 'en-US': '--{option} takes no value (drop "={value}").' },
  needsInputs: { 'zh-CN': '请给出要{verb}的申报表文件或文件夹，例如：jixiao {command} 申报表.xlsx', 'en-US': 'Name the forms (files or folders) to {verb}, e.g. jixiao {command} form.xlsx' },
  needsInput: { 'zh-CN': '请给出输入文件，例如：jixiao {command} 申报表.xlsx --out 输出.xlsx', 'en-US': 'Name the input file, e.g. jixiao {command} form.xlsx --out out.xlsx' },
  tooManyInputs: { 'zh-CN': '{command} 一次只处理一个输入文件，多出的参数：{extra}', 'en-US': '{command} takes one input file; extra arguments: {extra}' },
  needsOut: { 'zh-CN': '请用 --out 给出输出文件，例如 --out 输出.xlsx（输入文件不会被修改）。', 'en-US': 'Name the file to write with --out, e.g. --out out.xlsx (the input is never modified).' },
  outIsInput: {
    'zh-CN': '--out 不能是输入文件“{input}”本身（同一文件、链接或硬链接）：输入文件从不修改，请另取一个文件名。',
    'en-US': '--out cannot be the input "{input}" itself (the same file, a link or a hard link): inputs are never modified; choose another file name.',
  },
  xlsmOut: {
    'zh-CN': '输入是启用宏的工作簿 (.xlsm)，副本也要以 .xlsm 结尾，才能保留宏：例如 --out {suggested}',
    'en-US': 'The input is a macro-enabled workbook (.xlsm): the copy must end in .xlsm too, to keep its macros, e.g. --out {suggested}',
  },
  docxOut: { 'zh-CN': '--out {name}：Word 文档会写成工作簿，请给出 .xlsx 文件名。', 'en-US': '--out {name}: a Word document is written as a workbook; give an .xlsx name.' },
  lang: { 'zh-CN': '--lang 只能是 zh 或 en，不能是“{value}”。', 'en-US': '--lang takes zh or en, not "{value}".' },
  only: { 'zh-CN': '--only 只能是 {kinds} 中的一项或几项（用逗号分隔），不能是“{value}”。', 'en-US': '--only takes one or more of {kinds} (comma-separated), not "{value}".' },
  year: { 'zh-CN': '--year 要四位数的年份（1991–2099），不能是“{value}”。', 'en-US': '--year takes a four-digit year (1991–2099), not "{value}".' },
  jsonWithSummary: {
    'zh-CN': '--json 和 --summary 不能同时用：--json 逐条列出问题，--summary 每份一行汇总。请选其一。',
    'en-US': '--json and --summary cannot be combined: --json lists every issue, --summary one line per form. Choose one.',
  },
  sampleYear: {
    'zh-CN': '--sample 是 {sampleYear} 年原样申报的示例，年份不能改为 {value}。要 {value} 年的空白模板，请去掉 --sample：jixiao template --year {value} --out 文件.xlsx',
    'en-US': '--sample is the form filed for {sampleYear}; its year cannot be changed to {value}. For a blank {value} template drop --sample: jixiao template --year {value} --out FILE.xlsx',
  },
} satisfies Record<string, MessageTemplate>;

export type UsageMessage = keyof typeof USAGE_MESSAGES;

/** A mistake in the command line: said in the user's language, with a pointer to --help (see main). */
export class UsageError extends Error {
  readonly key?: UsageMessage;
  readonly data: Record<string, string>;
  /** For unknown words: what was typed and what would have been valid, to suggest a near miss. */
  readonly near?: { word: string; candidates: readonly string[]; prefix: string };
  /** `new UsageError('text')` is shown as written; prefer a key, which speaks both languages. */
  constructor(keyOrText: UsageMessage | string, data: Record<string, string> = {}, near?: UsageError['near']) {
    const known = keyOrText in USAGE_MESSAGES ? (keyOrText as UsageMessage) : undefined;
    super(known ? formatTemplate(USAGE_MESSAGES[known]['en-US'], { hint: '', ...data }) : keyOrText);
    this.name = 'UsageError';
    this.key = known;
    this.data = data;
    this.near = near;
  }

  text(locale: Locale): string {
    if (!this.key) return this.message;
    const hint = this.near ? suggestion(this.near.word, this.near.candidates, locale, this.near.prefix) : '';
    return formatTemplate(USAGE_MESSAGES[this.key][locale], { ...this.data, hint });
  }
}

/** "Did you mean …?" for a near miss (one or two letters off, or a prefix), else nothing. */
export function suggestion(word: string, candidates: readonly string[], locale: Locale, prefix = ''): string {
  const best = candidates
    .map((c) => ({ c, d: c.startsWith(word) || word.startsWith(c) ? 1 : editDistance(word, c) }))
    .filter(({ d }) => d <= 2)
    .sort((a, b) => a.d - b.d)[0];
  return best ? formatTemplate(USAGE_MESSAGES.didYouMean[locale], { suggestion: `${prefix}${best.c}` }) : '';
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = row[j];
      row[j] = next;
    }
  }
  return row[b.length];
}

const EXAMPLES: Record<string, string> = { out: '输出.xlsx', sheet: '申报表', lang: 'en', only: 'shares', year: '2026', into: '本年.xlsx' };

export function parseArgs(argv: string[], valued: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('--')) {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const key = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (eq > 0) flags.set(key, a.slice(eq + 1));
    else if (valued.includes(key)) {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError('needsValue', { option: key, example: EXAMPLES[key] ?? 'VALUE' });
      flags.set(key, v);
    } else flags.set(key, true);
  }
  return { positionals, flags, valued };
}

export function stringFlag(args: ParsedArgs, key: string): string | undefined {
  const v = args.flags.get(key);
  return typeof v === 'string' ? v : undefined;
}

/** Refuses options the command does not take (with a near miss suggested) and values given to plain flags. */
export function checkKnown(args: ParsedArgs, known: readonly string[]): void {
  for (const [k, v] of args.flags) {
    if (!known.includes(k)) throw new UsageError('unknownOption', { option: k }, { word: k, candidates: known, prefix: '--' });
    if (typeof v === 'string' && !args.valued.includes(k)) throw new UsageError('flagTakesNoValue', { option: k, value: v });
  }
}
