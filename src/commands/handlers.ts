/**
 * The ribbon functions, without Office: each takes the command event, calls the Excel adapter, turns the
 * outcome into a status line, and calls `event.completed()` on every path. Office needs that call to
 * release the button (and, without a shared runtime, to end the function's runtime); a missed call
 * blocks every later click of the same button.
 */
import type { Locale } from '../rules/rule';
import type { CommandName, CommandStatus } from './status';

export type { CommandName } from './status';

/** What a ribbon function needs from src/excel. The adapter's real types are checked where it is wired. */
export interface CommandAdapter<H> {
  officeHost(): H;
  checkAndHighlight(host: H, options: { locale: Locale }): unknown;
  applyFill(host: H, options: Record<string, never>): unknown;
  clearMarks(host: H): unknown;
}

/** The part of Office.AddinCommands.Event that the handlers use. */
export interface CommandEvent {
  completed(): void;
}

export type CommandHandler = (event: CommandEvent) => Promise<void>;

export interface CommandDeps<H> {
  adapter: CommandAdapter<H>;
  /** The user's language, read at the click. */
  locale(): Locale;
  /** Receives the outcome before `event.completed()`; must be quick (it may be the runtime's last act). */
  report(status: CommandStatus): void;
  now?(): Date;
}

/** The function names in the manifest's ExecuteFunction actions, in ribbon order. */
export const COMMAND_NAMES: readonly CommandName[] = ['checkForm', 'fillComputed', 'clearMarks'];

/** zh-* display languages get the Chinese texts, everything else English. */
export function localeOf(displayLanguage: string | undefined | null): Locale {
  return /^zh(-|_|$)/i.test(displayLanguage ?? '') ? 'zh-CN' : 'en-US';
}

const TEXT = {
  'zh-CN': {
    checkForm: '检查表单',
    fillComputed: '填充计算列',
    clearMarks: '清除标记',
    failed: (what: string, why: string) => `${what}失败：${why}`,
    notFound: '未在当前工作表上找到申报表。',
    issues: (n: number) => (n === 0 ? '检查完成，未发现问题。' : `检查完成，发现 ${n} 个问题，已在表中标出。`),
    unmarked: (n: number) => `检查完成，发现 ${n} 个问题，但未能在表中标出；请打开助手查看。`,
    filled: (n: number, skipped: number) =>
      `已填充 ${n} 个单元格` + (skipped ? `，另有 ${skipped} 个含手工内容或公式的单元格未改动。` : '。'),
    done: (what: string) => `${what}完成。`,
    cleared: '已清除标记。',
    clearedN: (n: number) => (n === 0 ? '没有需要清除的标记。' : `已清除 ${n} 处标记。`),
    unknown: '未知错误',
  },
  'en-US': {
    checkForm: 'Check Form',
    fillComputed: 'Fill Computed',
    clearMarks: 'Clear Marks',
    failed: (what: string, why: string) => `${what} failed: ${why}`,
    notFound: 'No form was found on the active sheet.',
    issues: (n: number) =>
      n === 0 ? 'Check finished: no issues.' : `Check finished: ${n} issue${n === 1 ? '' : 's'}, marked on the sheet.`,
    unmarked: (n: number) =>
      `Check finished: ${n} issue${n === 1 ? '' : 's'}, which could not be marked on the sheet; open the assistant to see them.`,
    filled: (n: number, skipped: number) =>
      `Filled ${n} cell${n === 1 ? '' : 's'}` +
      (skipped ? `; left ${skipped} cell${skipped === 1 ? '' : 's'} with typed values or formulas alone.` : '.'),
    done: (what: string) => `${what}: done.`,
    cleared: 'Marks cleared.',
    clearedN: (n: number) => (n === 0 ? 'There were no marks to clear.' : `Cleared ${n} mark${n === 1 ? '' : 's'}.`),
    unknown: 'unknown error',
  },
};

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

function count(value: unknown): number | undefined {
  return Array.isArray(value) ? value.length : typeof value === 'number' ? value : undefined;
}

/**
 * A status line from whatever the adapter returned. Reads the fields of its results where present
 * (`found`, `issues`, `notMarked`, `patch.writes`, `patch.skipped`, `restored`) and falls back to "done".
 */
export function describeResult(command: CommandName, result: unknown, locale: Locale): string {
  const t = TEXT[locale];
  if (command === 'clearMarks') {
    const n = count(field(result, 'restored'));
    return n === undefined ? t.cleared : t.clearedN(n);
  }
  if (field(result, 'found') === false) return t.notFound;
  if (command === 'checkForm') {
    const n = count(field(result, 'issues'));
    if (n === undefined) return t.done(t.checkForm);
    return n > 0 && field(result, 'notMarked') ? t.unmarked(n) : t.issues(n);
  }
  const patch = field(result, 'patch') ?? result;
  const n = count(field(patch, 'writes'));
  return n === undefined ? t.done(t.fillComputed) : t.filled(n, count(field(patch, 'skipped')) ?? 0);
}

/** The error as a sentence: the adapter's own translation (`text(locale)`) when it has one. */
export function errorText(error: unknown, locale: Locale): string {
  const text = field(error, 'text');
  if (typeof text === 'function') {
    try {
      const sentence: unknown = text.call(error, locale);
      if (typeof sentence === 'string' && sentence) return sentence;
    } catch {
      // fall through to the message
    }
  }
  if (error instanceof Error && error.message) return error.message;
  const message = field(error, 'message');
  if (typeof message === 'string' && message) return message;
  if (typeof error === 'string' && error) return error;
  return TEXT[locale].unknown;
}

export function makeHandlers<H>(deps: CommandDeps<H>): Record<CommandName, CommandHandler> {
  const run = (command: CommandName, action: (host: H, locale: Locale) => unknown): CommandHandler =>
    async (event) => {
      let locale: Locale = 'zh-CN';
      let status: CommandStatus | undefined;
      const stamp = () => (deps.now ? deps.now() : new Date()).toISOString();
      try {
        locale = deps.locale();
        const result = await action(deps.adapter.officeHost(), locale);
        status = { command, ok: true, message: describeResult(command, result, locale), locale, at: stamp() };
      } catch (error) {
        const detail = errorText(error, locale);
        console.error(`jixiao: ${command} failed`, error);
        status = { command, ok: false, message: TEXT[locale].failed(TEXT[locale][command], detail), detail, locale, at: stamp() };
      } finally {
        try {
          if (status) deps.report(status);
        } catch (error) {
          console.error('jixiao: could not report the command status', error);
        }
        try {
          event.completed();
        } catch (error) {
          console.error('jixiao: event.completed() threw', error);
        }
      }
    };

  return {
    checkForm: run('checkForm', (host, locale) => deps.adapter.checkAndHighlight(host, { locale })),
    fillComputed: run('fillComputed', (host) => deps.adapter.applyFill(host, {})),
    clearMarks: run('clearMarks', (host) => deps.adapter.clearMarks(host)),
  };
}
