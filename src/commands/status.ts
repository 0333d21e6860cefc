/**
 * The outcome of the last ribbon command, for people to read.
 *
 * A function command has no UI of its own in Excel (no notification bar as in Outlook); a dialog is too
 * heavy for "done" or for an error line. So every command leaves its outcome here, and the task pane shows
 * it:
 * - in a shared runtime the task pane lives in the same page: `onStatus` listeners are called at once;
 * - without one, the ribbon function runs in its own hidden page on the same origin: the status goes to
 *   localStorage, an open task pane hears the `storage` event, and a task pane opened later reads
 *   `lastStatus()`.
 * Everything here tolerates a missing window or localStorage (tests, locked-down webviews).
 */
import type { Locale } from '../rules/rule';

export type CommandName = 'checkForm' | 'fillComputed' | 'clearMarks';

export interface CommandStatus {
  command: CommandName;
  ok: boolean;
  /** One line in the user's language, ready to show. */
  message: string;
  /** The error text as thrown (not translated), when `ok` is false. */
  detail?: string;
  locale: Locale;
  /** ISO time of the outcome. */
  at: string;
}

export const STATUS_KEY = 'jixiao.lastCommandStatus';
export const STATUS_EVENT = 'jixiao:command-status';

type Listener = (status: CommandStatus) => void;
const listeners = new Set<Listener>();

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // access can throw where storage is disabled
  }
}

function parse(text: string | null): CommandStatus | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<CommandStatus>;
    return typeof value.command === 'string' && typeof value.message === 'string' ? (value as CommandStatus) : null;
  } catch {
    return null;
  }
}

/** Records a command's outcome and tells listeners in this page. Never throws. */
export function publishStatus(status: CommandStatus): void {
  try {
    storage()?.setItem(STATUS_KEY, JSON.stringify(status));
  } catch {
    // quota or privacy mode: the in-page listeners still hear it
  }
  for (const listener of [...listeners]) {
    try {
      listener(status);
    } catch (error) {
      console.error('jixiao: a status listener failed', error);
    }
  }
}

/** The last outcome recorded by any page of this add-in on this origin, or null. */
export function lastStatus(): CommandStatus | null {
  try {
    return parse(storage()?.getItem(STATUS_KEY) ?? null);
  } catch {
    return null;
  }
}

/** Calls `listener` for every new outcome, from this page or (through storage events) another one. */
export function onStatus(listener: Listener): () => void {
  listeners.add(listener);
  const fromOtherPage = (event: StorageEvent) => {
    if (event.key !== STATUS_KEY) return;
    const status = parse(event.newValue);
    if (status) listener(status);
  };
  const win = typeof window === 'undefined' ? undefined : window;
  win?.addEventListener('storage', fromOtherPage);
  return () => {
    listeners.delete(listener);
    win?.removeEventListener('storage', fromOtherPage);
  };
}
