/**
 * The pane's settings: how shares round, whether fills write values or formulas, the funding-change
 * threshold of the check, and the language. Kept per user in the pane's localStorage (tolerant: a locked
 * down webview without storage just keeps the defaults for the session).
 */
import type { TailRule } from '../src/read/shares';
import type { Locale } from '../src/rules/rule';

export interface PaneSettings {
  tailRule: TailRule;
  mode: 'values' | 'formulas';
  /** Funding change against the year before, in percent, beyond which a warning asks for an explanation. */
  thresholdPercent: number;
  language: 'auto' | Locale;
  /** The first-run guide was dismissed (知道了); 帮助 shows it again. */
  guideDismissed: boolean;
}

export const DEFAULT_SETTINGS: PaneSettings = { tailRule: 'largest', mode: 'values', thresholdPercent: 30, language: 'auto', guideDismissed: false };
export const SETTINGS_KEY = 'jixiao.paneSettings';
export const MAX_THRESHOLD = 1000;

/** A threshold typed by a person ("30", "30%", "２５", " 12.5 "), or null when it is not one. */
export function parseThreshold(text: string): number | null {
  const t = text
    .trim()
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[%％]$/, '')
    .trim();
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return n > 0 && n <= MAX_THRESHOLD ? n : null;
}

/** Settings from stored JSON; anything unexpected falls back to the default of that field. */
export function parseSettings(raw: string | null | undefined): PaneSettings {
  let data: Partial<Record<keyof PaneSettings, unknown>> = {};
  try {
    const parsed = raw ? (JSON.parse(raw) as unknown) : {};
    if (parsed && typeof parsed === 'object') data = parsed as typeof data;
  } catch {
    // damaged: defaults
  }
  const out: PaneSettings = { ...DEFAULT_SETTINGS };
  if (data.tailRule === 'largest' || data.tailRule === 'none') out.tailRule = data.tailRule;
  if (data.mode === 'values' || data.mode === 'formulas') out.mode = data.mode;
  if (typeof data.thresholdPercent === 'number' && parseThreshold(String(data.thresholdPercent)) !== null) out.thresholdPercent = data.thresholdPercent;
  if (data.language === 'auto' || data.language === 'zh-CN' || data.language === 'en-US') out.language = data.language;
  if (typeof data.guideDismissed === 'boolean') out.guideDismissed = data.guideDismissed;
  return out;
}

export function loadSettings(storage: Pick<Storage, 'getItem'> | null | undefined): PaneSettings {
  try {
    return parseSettings(storage?.getItem(SETTINGS_KEY));
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export function saveSettings(storage: Pick<Storage, 'setItem'> | null | undefined, settings: PaneSettings): void {
  try {
    storage?.setItem(SETTINGS_KEY, JSON.stringify(settings));
  } catch {
    // quota or privacy mode: the settings still hold for this session
  }
}
