/**
 * The classic pane's own sentences (the shared ones come from ../i18n). zh-CN first, en-US second.
 * "Which features need a newer Excel" is said here in plain words, per feature.
 */
import type { Locale } from '../../src/rules/rule';

const zh = {
  subtitle: '精简版（适用于 Office 2016/2019）',
  language: '语言',
  issueCount: (n: number, errors: number, warnings: number) => `共 ${n} 个问题：错误 ${errors} 个，提示 ${warnings} 个。点击一项可选中相关单元格。`,
  sheet: (name: string) => `工作表：${name}`,
  previewTitle: '将要写入的单元格',
  skippedTitle: (n: number) => `${n} 个单元格保留不动（您输入的内容或公式）`,
  lastCommand: '功能区命令：',
  newerTitle: '需要较新 Excel 的功能',
  newerPane:
    '以下功能只在完整版助手中提供，需要使用 Microsoft Edge WebView2 的 Excel（Windows 10/11 上的 Microsoft 365 或 Office 2021 及以后版本），或 Mac 版 Excel、Excel 网页版：开始新年度、导入上年申报表、审核说明、插入模板、自动计算、设置。',
  newerNotes: '本 Excel 不支持单元格批注（需要 ExcelApi 1.10），检查结果只用底色标出，说明文字请看本窗格。',
  newerEvents: '本 Excel 不能监听单元格修改（需要 ExcelApi 1.7），所以没有自动计算。',
  api: (v: string) => `本 Excel 支持的接口版本：ExcelApi ${v}`,
};

export type ClassicStrings = typeof zh;

const en: ClassicStrings = {
  subtitle: 'Lightweight pane (for Office 2016/2019)',
  language: 'Language',
  issueCount: (n, errors, warnings) =>
    `${n} issue${n === 1 ? '' : 's'}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}. Click one to select its cells.`,
  sheet: (name) => `Sheet: ${name}`,
  previewTitle: 'Cells that will be written',
  skippedTitle: (n) => `${n} cell${n === 1 ? '' : 's'} left alone (typed values or formulas)`,
  lastCommand: 'Ribbon command: ',
  newerTitle: 'Features that need a newer Excel',
  newerPane:
    'These come only with the full pane, which needs Excel with Microsoft Edge WebView2 (Microsoft 365 or Office 2021 and later on Windows 10/11), Excel for Mac or Excel on the web: start a new year, import last year, review notes (审核说明), insert template, auto-calc, settings.',
  newerNotes: 'This Excel has no cell notes (ExcelApi 1.10 needed): the check marks cells by colour only; read the explanations in this pane.',
  newerEvents: 'This Excel cannot watch cell edits (ExcelApi 1.7 needed), so there is no auto-calc.',
  api: (v) => `API level of this Excel: ExcelApi ${v}`,
};

export const CLASSIC_STRINGS: Record<Locale, ClassicStrings> = { 'zh-CN': zh, 'en-US': en };
