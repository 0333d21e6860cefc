/**
 * Errors the adapter reports to people: a stable code for the task pane to branch on and a sentence in
 * both locales. Host errors (OfficeExtension.Error) are translated by their `code`, from the list in
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling:
 *  - AccessDenied means "you cannot perform the requested operation", not only a protected sheet (a
 *    protected workbook, a read-only or locked file, security software); only where the adapter read the
 *    sheet's protection does it say "protected";
 *  - a batch blocked by the user typing in a cell fails with InvalidOperationInCellEditMode (some hosts
 *    report InvalidOperation with the same "cell-editing mode" message: office-js#856, #3021);
 *  - payload and cell-count limits, UndoNotSupported (mergeUndoGroup with an API that cannot be undone).
 */
import type { Locale } from '../rules/rule';
import { formatTemplate } from '../rules/rule';
import { excelVersionsWith } from '../i18n/excel-versions';

export type AdapterErrorCode =
  | 'sheet-protected'
  | 'access-denied'
  | 'sheet-missing'
  | 'sheet-too-large'
  | 'payload-too-large'
  | 'undo-not-supported'
  | 'marks-record-full'
  | 'nothing-to-undo'
  | 'cell-edit-mode'
  | 'unsupported'
  | 'template-unavailable'
  | 'result-sheet-changed'
  | 'host-error';

const MESSAGES: Record<AdapterErrorCode, Record<Locale, string>> = {
  'sheet-protected': {
    'zh-CN': '工作表“{sheet}”受保护，未做任何修改。请先撤销工作表保护，再重试。',
    'en-US': 'The sheet "{sheet}" is protected, so nothing was changed. Unprotect the sheet and try again.',
  },
  'access-denied': {
    'zh-CN': 'Excel 拒绝了这次修改（AccessDenied）。常见原因：工作簿或工作表受保护、文件以只读方式打开或正被他人锁定。请检查后重试。',
    'en-US':
      'Excel refused the change (AccessDenied). Common causes: the workbook or sheet is protected, or the file is read-only or locked by someone else. Check and try again.',
  },
  'sheet-too-large': {
    'zh-CN': '工作表内容过大（{cells} 个单元格，上限 {limit}），无法读取。申报表不会这么大：请确认打开的是申报表所在的工作表。',
    'en-US':
      'The sheet holds too much to read ({cells} cells; the limit is {limit}). A declaration form is never this large: check that the form\'s sheet is the one open.',
  },
  'payload-too-large': {
    'zh-CN': 'Excel 拒绝了过大的数据交换（{code}；网页版 Excel 每次请求和响应最多 5 MB，一次最多读取 5,000,000 个单元格）。',
    'en-US': 'Excel refused an exchange that was too large ({code}; Excel on the web allows 5 MB per request and response, and a read covers at most 5,000,000 cells).',
  },
  'undo-not-supported': {
    'zh-CN': 'Excel 无法把这次修改合并为一步撤销（UndoNotSupported），未做任何修改。',
    'en-US': 'Excel could not group this change into one undo step (UndoNotSupported); nothing was changed.',
  },
  'marks-record-full': {
    'zh-CN': '标记记录已满（{detail}）。请先在其他工作表上“清除标记”，再检查。',
    'en-US': 'The record of marks is full ({detail}). Clear the marks on other sheets first, then check again.',
  },
  'sheet-missing': {
    'zh-CN': '找不到工作表“{sheet}”，它可能已被删除或重命名。',
    'en-US': 'The sheet "{sheet}" was not found; it may have been deleted or renamed.',
  },
  'nothing-to-undo': {
    'zh-CN': '没有可以撤销的操作。',
    'en-US': 'There is nothing to undo.',
  },
  'cell-edit-mode': {
    'zh-CN': 'Excel 正处于单元格编辑状态，未做任何修改。请先按 Enter 或 Esc 结束编辑，再重试。',
    'en-US': 'Excel is in cell-edit mode, so nothing was changed. Press Enter or Esc to finish editing, then try again.',
  },
  // With data.set (an ExcelApi version) the sentence names the Excel versions that have it (see
  // i18n/excel-versions); without one (Excel said ApiNotFound) it says to update. No API names either way.
  unsupported: {
    'zh-CN': '当前 Excel 版本不支持{what}。支持的版本：{versions}。请更新 Excel（文件 → 帐户 → 更新选项），或改用 Excel 网页版。',
    'en-US': 'This version of Excel cannot {whatEn}. It needs {versions}. Update Excel (File → Account → Update Options) or use Excel on the web.',
  },
  'template-unavailable': {
    'zh-CN': '申报表模板暂时无法生成：{detail}',
    'en-US': 'The form template could not be built: {detail}',
  },
  'result-sheet-changed': {
    'zh-CN': '“{sheet}”工作表在写入后已被修改，为免丢失其中的内容，未删除它。如不再需要，请手动删除该工作表。',
    'en-US': 'The "{sheet}" sheet was changed after it was written, so it was not deleted (its contents would be lost). Delete it yourself if it is no longer needed.',
  },
  'host-error': {
    'zh-CN': 'Excel 报告了一个错误：{detail}',
    'en-US': 'Excel reported an error: {detail}',
  },
};

export class AdapterError extends Error {
  readonly code: AdapterErrorCode;
  readonly data: Record<string, string>;
  readonly cause?: unknown;

  constructor(code: AdapterErrorCode, data: Record<string, string> = {}, cause?: unknown) {
    super(formatTemplate(MESSAGES[code]['en-US'], data));
    this.name = 'AdapterError';
    this.code = code;
    this.data = data;
    this.cause = cause;
  }

  /** The sentence for the task pane, in the user's language. */
  text(locale: Locale = 'zh-CN'): string {
    if (this.code === 'unsupported') return unsupportedText(this.data, locale);
    return formatTemplate(MESSAGES[this.code][locale], this.data);
  }

  get messages(): Record<Locale, string> {
    return { 'zh-CN': this.text('zh-CN'), 'en-US': this.text('en-US') };
  }
}

/** True for a batch refused because the user is typing in a cell. */
export function isCellEditError(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown } | null;
  if (err?.code === 'InvalidOperationInCellEditMode') return true;
  return err?.code === 'InvalidOperation' && /cell[- ]?edit/i.test(String(err.message ?? ''));
}

/**
 * A feature the host lacks: `set` is the ExcelApi version it needs, `what`/`whatEn` the feature in words
 * ("在输入时自动计算" / "recalculate as you type"). Unknown sets and ApiNotFound say to update Excel.
 */
export function unsupportedText(data: Record<string, string>, locale: Locale): string {
  const versions = data.set ? excelVersionsWith(data.set, locale) : undefined;
  if (!versions) {
    return locale === 'zh-CN'
      ? `当前 Excel 版本缺少${data.what ?? '此功能'}所需的功能。请把 Excel 更新到最新版本，或改用 Excel 网页版。`
      : `This version of Excel lacks what ${data.whatEn ?? 'this'} needs. Update Excel to the latest version or use Excel on the web.`;
  }
  return formatTemplate(MESSAGES.unsupported[locale], { what: '此功能', whatEn: 'do this', ...data, versions });
}

/**
 * Turns whatever a run threw into an AdapterError (already-translated errors pass through). `known.protected`
 * says the adapter read the sheet's protection as on, which is what turns AccessDenied into "protected".
 */
export function toAdapterError(e: unknown, sheet = '', known: { protected?: boolean } = {}): AdapterError {
  if (e instanceof AdapterError) return e;
  const code = (e as { code?: unknown } | null)?.code;
  const detail = e instanceof Error ? e.message : String(e);
  if (isCellEditError(e)) return new AdapterError('cell-edit-mode', {}, e);
  switch (code) {
    case 'AccessDenied':
      return known.protected ? new AdapterError('sheet-protected', { sheet }, e) : new AdapterError('access-denied', {}, e);
    case 'ItemNotFound':
      return new AdapterError('sheet-missing', { sheet }, e);
    case 'ApiNotFound':
      // Excel's own text names the missing API; the user is told to update instead (the cause keeps it).
      return new AdapterError('unsupported', {}, e);
    case 'UndoNotSupported':
      return new AdapterError('undo-not-supported', {}, e);
    case 'ResponsePayloadSizeLimitExceeded':
    case 'RequestPayloadSizeLimitExceeded':
    case 'RangeExceedsLimit':
      return new AdapterError('payload-too-large', { code: String(code) }, e);
    default:
      return new AdapterError('host-error', { detail }, e);
  }
}
