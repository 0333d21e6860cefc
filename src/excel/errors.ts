/**
 * Errors the adapter reports to people: a stable code for the task pane to branch on and a sentence in
 * both locales. Host errors (OfficeExtension.Error) are translated by their `code`.
 */
import type { Locale } from '../rules/rule';
import { formatTemplate } from '../rules/rule';

export type AdapterErrorCode =
  | 'sheet-protected'
  | 'sheet-missing'
  | 'nothing-to-undo'
  | 'cell-edit-mode'
  | 'unsupported'
  | 'template-unavailable'
  | 'host-error';

const MESSAGES: Record<AdapterErrorCode, Record<Locale, string>> = {
  'sheet-protected': {
    'zh-CN': '工作表“{sheet}”受保护，未做任何修改。请先撤销工作表保护，再重试。',
    'en-US': 'The sheet "{sheet}" is protected, so nothing was changed. Unprotect the sheet and try again.',
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
    'zh-CN': '有单元格正在编辑。请先按 Enter 或 Esc 结束编辑，再重试。',
    'en-US': 'A cell is being edited. Press Enter or Esc to finish editing, then try again.',
  },
  unsupported: {
    'zh-CN': '当前 Excel 版本不支持此功能（需要 {feature}）。',
    'en-US': 'This version of Excel does not support this ({feature} is needed).',
  },
  'template-unavailable': {
    'zh-CN': '申报表模板暂时无法生成：{detail}',
    'en-US': 'The form template could not be built: {detail}',
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
    return formatTemplate(MESSAGES[this.code][locale], this.data);
  }

  get messages(): Record<Locale, string> {
    return { 'zh-CN': this.text('zh-CN'), 'en-US': this.text('en-US') };
  }
}

/** Turns whatever a run threw into an AdapterError (already-translated errors pass through). */
export function toAdapterError(e: unknown, sheet = ''): AdapterError {
  if (e instanceof AdapterError) return e;
  const code = (e as { code?: unknown } | null)?.code;
  const detail = e instanceof Error ? e.message : String(e);
  switch (code) {
    case 'AccessDenied':
      return new AdapterError('sheet-protected', { sheet }, e);
    case 'ItemNotFound':
      return new AdapterError('sheet-missing', { sheet }, e);
    case 'InvalidOperationInCellEditMode':
      return new AdapterError('cell-edit-mode', {}, e);
    case 'ApiNotFound':
      return new AdapterError('unsupported', { feature: detail }, e);
    default:
      return new AdapterError('host-error', { detail }, e);
  }
}
