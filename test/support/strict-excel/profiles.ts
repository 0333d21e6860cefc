/**
 * Real Excel's behaviour, as switchable profiles of the strict Excel. Each switch is a behaviour that
 * Microsoft's documentation or the office-js issue tracker describes; the sources are listed beside each
 * field and, with more detail, in docs/real-excel.md. A profile only makes the fake harsher: an adapter
 * that passes under every profile passes under the default one.
 */

export interface RealExcelProfile {
  /** Short name for test titles and the benchmark. */
  name: string;
  /** What isSetSupported answers for ExcelApi (the host's level). */
  apiVersion?: string;
  /**
   * Excel on the web: requests and responses over 5 MB fail with RequestPayloadSizeLimitExceeded /
   * ResponsePayloadSizeLimitExceeded.
   * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
   * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling
   */
  payloadLimit?: number;
  /**
   * How "No Fill" reads: color '#FFFFFF' with tintAndShade null (RangeFill, office-js#4900), or with
   * tintAndShade 0, where a platform cannot tell it from a white fill (office-js#6218). Pattern reads
   * null for No Fill either way (office-js#4900). Default 'null'.
   */
  noFill?: 'null' | 'zero';
  /**
   * An undo stack (hosts with ExcelUndoApiAll 1.0): each sync that changes the workbook adds an entry
   * (RunOptions.mergeUndoGroup: "When false, each context.sync() call creates an undo record"); an API
   * the docs list as not undoable on this platform clears the stack from that call on, and under
   * mergeUndoGroup fails the batch with UndoNotSupported.
   * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities
   * https://learn.microsoft.com/javascript/api/excel/excel.runoptions
   */
  undo?: { platform: 'desktop' | 'web' };
  /**
   * The add-in's settings hold at most this many characters in all (Office.Settings documents 2 MB,
   * office-js#621; past about that, Excel answers InvalidArgument, office-js#3957).
   */
  settingsLimit?: number;
  /**
   * Members missing from the Office.js library the add-in loaded although the host supports their
   * requirement set (a stale local office.js: isSetSupported answers from the host). Names as
   * 'Type.member'; 'RunOptions.mergeUndoGroup' is ignored by such a library rather than refused.
   */
  missingMembers?: string[];
  /** Office.context.platform: 'OfficeOnline' for Excel on the web. */
  platform?: 'PC' | 'Mac' | 'OfficeOnline';
}

/** Excel on the web (ExcelApi 1.20): 5 MB payloads, web undo rules (sheet visibility undoable). */
export const WEB: RealExcelProfile = {
  name: 'web',
  apiVersion: '1.20',
  payloadLimit: 5 * 1024 * 1024,
  undo: { platform: 'web' },
  platform: 'OfficeOnline',
};

/** Excel on Windows with undo support: the desktop list of APIs that clear the undo stack. */
export const DESKTOP_UNDO: RealExcelProfile = {
  name: 'desktop-undo',
  apiVersion: '1.20',
  undo: { platform: 'desktop' },
  platform: 'PC',
};

/** A platform that reads No Fill as #FFFFFF with tintAndShade 0 (office-js#6218), e.g. Excel on Mac. */
export const NO_FILL_ZERO: RealExcelProfile = { name: 'no-fill-zero', apiVersion: '1.20', noFill: 'zero', platform: 'Mac' };

/** The documented 2 MB cap on an add-in's settings. */
export const SETTINGS_CAP: RealExcelProfile = { name: 'settings-2mb', apiVersion: '1.20', settingsLimit: 2 * 1024 * 1024 };

/**
 * A Microsoft 365 host at ExcelApi 1.20 running the add-in's own copy of office.js 1.1.110 (OFFICE_JS=local):
 * that library has no Worksheet.notes, no RangeAreas.select and ignores RunOptions.mergeUndoGroup
 * (checked against the package in test/excel/local-office-js.test.ts).
 */
export const LOCAL_OFFICE_JS_1_1_110: RealExcelProfile = {
  name: 'host-1.20-local-office.js-1.1.110',
  apiVersion: '1.20',
  missingMembers: ['Worksheet.notes', 'RangeAreas.select', 'RunOptions.mergeUndoGroup'],
  platform: 'PC',
};

/** Excel 2016 (MSI): ExcelApi 1.1 only. */
export const EXCEL_2016: RealExcelProfile = { name: 'excel-2016', apiVersion: '1.1', platform: 'PC' };

/** The plain strict Excel (newest set, no limits beyond those every platform has). */
export const BASELINE: RealExcelProfile = { name: 'baseline' };

/** Every profile, for test matrices (describe.each). */
export const PROFILES: RealExcelProfile[] = [BASELINE, WEB, DESKTOP_UNDO, NO_FILL_ZERO, SETTINGS_CAP, LOCAL_OFFICE_JS_1_1_110, EXCEL_2016];

/** Reads of cell-level properties over more cells come back null on every platform (office-js#4783, #6781). */
export const READ_CELL_LIMIT = 5_000_000;

/**
 * APIs the undo-capabilities page lists as not undoable, by platform, among those the fake implements.
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities#unsupported-apis
 */
export const NOT_UNDOABLE: Record<'desktop' | 'web', string[]> = {
  desktop: [
    'Worksheet.visibility=',
    'Worksheet.name=',
    'Worksheet.delete()',
    'WorksheetProtection.protect()',
    'WorksheetProtection.unprotect()',
    'NamedItem.comment=',
  ],
  web: ['Worksheet.delete()', 'WorksheetProtection.protect()', 'WorksheetProtection.unprotect()', 'NamedItem.comment='],
};
