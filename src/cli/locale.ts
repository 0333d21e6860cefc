/**
 * The language of the command line's own words: --lang wins, then the environment's locale (LC_ALL,
 * LC_MESSAGES, LANG, as POSIX orders them), then Chinese. "C"/"POSIX" say nothing about a language.
 */
import type { Locale } from '../rules/rule';

export type Env = Record<string, string | undefined>;

/** Reads a --lang value ("zh", "en", "zh-CN", "en_US"…); undefined for anything else. */
export function parseLang(value: string): Locale | undefined {
  if (/^zh(?:$|[-_])/i.test(value)) return 'zh-CN';
  if (/^en(?:$|[-_])/i.test(value)) return 'en-US';
  return undefined;
}

export function envLocale(env: Env = {}): Locale | undefined {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value) return parseLang(value);
  }
  return undefined;
}

/** The locale for a command line, before it is parsed: a --lang among the arguments, else the environment. */
export function cliLocale(argv: readonly string[], env?: Env): Locale {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    const value = argv[i] === '--lang' ? argv[i + 1] : argv[i].startsWith('--lang=') ? argv[i].slice(7) : undefined;
    const locale = value === undefined ? undefined : parseLang(value);
    if (locale) return locale;
  }
  return envLocale(env) ?? 'zh-CN';
}
