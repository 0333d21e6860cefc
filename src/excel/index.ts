/**
 * TEMPORARY STUB, written by the add-in shell work only so that src/commands compiles and builds before
 * the real Office.js adapter lands. Replace this whole file with the adapter; src/commands/adapter-port.ts
 * imports exactly these four names: officeHost(), checkAndHighlight(host, { locale }), applyFill(host, {}),
 * clearMarks(host).
 */
import type { Locale } from '../rules/rule';

export interface OfficeHost {
  readonly kind: 'office';
}

function notYet(name: string): never {
  throw new Error(`src/excel: ${name} is not implemented yet (stub)`);
}

export function officeHost(): OfficeHost {
  return { kind: 'office' };
}

export async function checkAndHighlight(_host: OfficeHost, _options: { locale: Locale }): Promise<unknown> {
  return notYet('checkAndHighlight');
}

export async function applyFill(_host: OfficeHost, _options: Record<string, never>): Promise<unknown> {
  return notYet('applyFill');
}

export async function clearMarks(_host: OfficeHost): Promise<unknown> {
  return notYet('clearMarks');
}
