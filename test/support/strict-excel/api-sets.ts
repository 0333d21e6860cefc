/** Requirement-set arithmetic: "1.10" is newer than "1.9", so versions compare as number pairs, not strings. */

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export interface ApiLevel {
  /** Highest ExcelApi requirement set the fake host implements, e.g. '1.1' or '1.20'. */
  excelApi: string;
  /** Whether the add-in runs in a shared runtime ('SharedRuntime' 1.1). */
  sharedRuntime: boolean;
}

export function isSetSupported(level: ApiLevel, name: string, version = '1.1'): boolean {
  switch (name) {
    case 'ExcelApi':
      return compareVersions(version, level.excelApi) <= 0;
    case 'SharedRuntime':
      return level.sharedRuntime && compareVersions(version, '1.1') <= 0;
    default:
      return false;
  }
}

/** The newest ExcelApi set the fake knows (its default level). */
export const NEWEST_EXCEL_API = '1.20';
