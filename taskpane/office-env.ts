/**
 * What the pane takes from the Office globals, read in one place: the display language and the theme.
 * The task pane reads the real `Office`; the workbench hands in its stub. Tolerant of hosts that lack either.
 */
import type { OfficeThemeLike } from './theme';

export interface OfficeLike {
  context?: { displayLanguage?: string; officeTheme?: OfficeThemeLike | null } | null;
}

export interface OfficeEnv {
  displayLanguage?: string;
  officeTheme?: OfficeThemeLike | null;
}

export function officeEnv(office: OfficeLike | undefined): OfficeEnv {
  const read = <T,>(f: () => T): T | undefined => {
    try {
      return f();
    } catch {
      return undefined;
    }
  };
  return {
    displayLanguage: read(() => office?.context?.displayLanguage),
    officeTheme: read(() => office?.context?.officeTheme ?? null),
  };
}

export function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
