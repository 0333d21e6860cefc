/**
 * Every string of the task pane and the workbench, zh-CN first and en-US second, in one table.
 * Issue messages come from the engine (issueMessage) and adapter errors from AdapterError.text(locale).
 */
import type { Locale } from '../src/rules/rule';
import type { WriteReason, SkippedWrite } from '../src/patch';
import type { UnavailableReason } from '../src/fills/fill';
import { importWarningText, unavailableFillText } from '../src/i18n/messages';
import type { ImportWarning } from '../src/fills/import-last-year';

/** A few cell addresses for a sentence: the first six, then how many more. */
function listCells(cells: string[]): string {
  return cells.length > 6 ? `${cells.slice(0, 6).join('、')}… +${cells.length - 6}` : cells.join('、');
}

const zh = {
  appTitle: '绩效目标申报表助手',
  toolbarLabel: '申报表操作',
  actions: {
    check: '检查表单',
    fill: '填充计算列',
    undo: '撤销',
    clearMarks: '清除标记',
    template: '插入模板',
    roll: '开始新年度',
    importLast: '导入上年申报表',
    importWord: '从 Word 导入',
    settings: '设置',
    writeResults: '写入检查结果',
    help: '帮助',
  },
  actionHints: {
    check: '检查当前工作表上的申报表，并在表中标出问题单元格',
    fill: '计算合计、占比和增减变动率，先预览再写入',
    undo: '撤销助手最近一次写入',
    clearMarks: '去掉检查时加上的底色和批注，恢复原来的底色',
    template: '插入一张空白申报表工作表',
    roll: '把申报表滚动到下一预算年度，先预览再写入',
    importLast: '选择上年的申报表文件 (.xlsx)，把上年数据填入本表的近两年列',
    importWord: '选择 Word 申报表 (.docx)，转成本模板并填入其内容，在 Excel 中检查和填充',
    writeResults: '在工作簿中添加（或更新）“检查结果”工作表，列出每个问题并链接到相应单元格',
    help: '显示或隐藏使用说明',
  },
  busy: '正在处理…',
  busyAction: (what: string) => `正在${what}…`,
  apply: '应用',
  cancel: '取消',
  close: '关闭',
  errorTitle: '操作未完成',
  noticeTitle: '完成',
  commandStatusTitle: '功能区命令',

  // issue list
  issuesTitle: '检查结果',
  issuesRegion: '检查结果列表',
  summary: (errors: number, open: number, explained: number) =>
    `强制错误 ${errors} 个，待处理提示 ${open} 个` + (explained ? `，已说明 ${explained} 个` : ''),
  groupCounts: (errors: number, open: number, explained: number) =>
    [errors ? `错误 ${errors}` : '', open ? `提示 ${open}` : '', explained ? `已说明 ${explained}` : ''].filter(Boolean).join(' · '),
  noIssues: '检查完成，未发现问题。',
  notFound: (labels: string) => `当前工作表上没有找到申报表（查找的标签：${labels}）。`,
  notMarked: '发现的问题未能在表中标出（工作表受保护），请在此列表中查看。',
  stale: '检查之后表格已被修改，结果可能已过时，请重新检查。',
  severity: { error: '强制', warning: '提示', explained: '已说明' },
  expected: (v: string) => `应为：${v}`,
  cellsLabel: (cells: string) => `单元格：${cells}`,
  goToCells: (cells: string) => `选中单元格 ${cells}`,
  explainAdd: '添加审核说明',
  explainEdit: '修改审核说明',
  explainLabel: '审核说明',
  explainPlaceholder: '说明为何此提示可以保留，例如资金变动的原因',
  explainSave: '保存',
  explainSaved: '审核说明已保存到工作簿。',
  explainSavedVisible: (sheet: string) =>
    `审核说明已保存到工作表“${sheet}”。隐藏工作表在此版本 Excel 中无法撤销、会清空撤销记录，所以该表未隐藏；如需隐藏，可右键点击工作表标签。`,
  explainCleared: '审核说明已删除。',
  explainedAs: (text: string) => `说明：${text}`,
  errorsCannotBeExplained: '强制错误须修改，不能通过说明放行。',
  staleSheet: (checked: string, now: string) => `以上是工作表“${checked}”的检查结果；当前工作表已换为“${now}”，请在要检查的工作表上重新检查。`,

  // 改为应为值, 写入检查结果
  fixButton: '改为应为值',
  fixHint: (cells: string) => `把 ${cells} 改为应为值：先预览，确认后写入，可以撤销`,
  fixTitle: '改为应为值',
  fixIntro: '以下单元格将改为检查给出的应为值，原来的内容（包括您输入的数值和公式）会被替换，可以撤销。',
  replacesFormula: '将替换公式',
  fixed: (n: number) => `已改为应为值，写入 ${n} 个单元格。可以撤销。`,
  fixGone: '这个问题在当前表格中已不存在（表格已被修改），请重新检查。',
  fixedBadge: '已改为应为值',
  resultsWritten: (name: string, n: number, created: boolean) =>
    created
      ? `已添加“${name}”工作表，列出 ${n} 个问题，点其中的单元格链接可跳到相应位置。可以撤销（撤销会删除该工作表）。`
      : `已更新“${name}”工作表，列出 ${n} 个问题。可以撤销。`,
  resultsNeedCheck: '请先检查表单，再写入检查结果。',

  // first-run guide
  guideTitle: '使用说明',
  guideSteps: [
    '在申报表所在的工作表上点“检查表单”：问题按部分列出，强制错误标红，提示标黄。',
    '点一条问题即可选中相关单元格；带“应为”值的问题可点“改为应为值”，预览后再写入。',
    '“填充计算列”计算合计、占比和变动率；“写入检查结果”在工作簿中添加“检查结果”工作表。',
    '助手写入的内容都可以点“撤销”恢复；“清除标记”去掉检查时加的底色和批注。',
  ],
  guideDismiss: '知道了',
  guideLater: '以后可点“帮助”再次查看。',

  // previews
  previewRegion: '预览',
  colCell: '单元格',
  colOld: '原值',
  colNew: '新值',
  colKind: '类型',
  empty: '（空）',
  reasons: {
    share: '占比',
    total: '合计',
    change: '变动率',
    roll: '结转',
    import: '导入',
    template: '模板',
    undo: '撤销',
    hygiene: '整理',
    fix: '改为应为值',
  } as Record<WriteReason, string>,
  because: {
    'user-value': '您输入的值，保留不动',
    formula: '公式，保留不动',
    'not-computable': '无法计算',
    'not-a-number': '不是数字（文字或带单位），无法计算',
    'no-amount': '旁边的金额为空，占比保留不动',
    'total-kept': '合计是您输入的值且与各项之和不符，不按它计算占比',
    'items-likely-wrong': '合计与另一组合计一致，更可能是某项金额有误，合计保留不动',
    unbalanced: '收入合计与支出合计不相等，请核对金额',
  } as Record<SkippedWrite['because'], string>,
  overwriting: '将覆盖您输入的内容',
  fillTitle: '填充计算列',
  fillKinds: '填充内容',
  fillTotals: '合计',
  fillShares: '占比',
  fillChanges: '增减变动率',
  overwrite: '覆盖已输入的值和公式',
  overwriteHint: '打开后，您手工输入的数值和公式也会被替换（仍可撤销）。',
  writeMode: '写入方式',
  modeValues: '数值',
  modeFormulas: 'Excel 公式',
  willWrite: (n: number) => `将写入 ${n} 个单元格：`,
  willSkip: (n: number) => `${n} 个单元格保留不动：`,
  nothingToWrite: '没有需要写入的单元格。',
  unavailable: '无法进行的填充：',
  unavailableReason: (reason: UnavailableReason) => unavailableFillText(reason, 'zh-CN'),
  importWarning: (w: ImportWarning) => importWarningText(w, 'zh-CN'),
  filled: (n: number, skipped: number) =>
    `已填充 ${n} 个单元格` + (skipped ? `，${skipped} 个含您输入内容或公式的单元格未改动` : '') + '。可以撤销。',
  rollTitle: '开始新年度',
  rollSummary: (from: number | null, to: number | null, n: number) =>
    (from === null ? '表中没有年份（无填报日期，近两年列也未标年份）：' : `申报表将从 ${from} 年度滚动到 ${to} 年度：`) +
    `近两年列后移，当年金额清空，年份更新，填报日期清空待填。共修改 ${n} 个单元格。`,
  rolled: (to: number | null) => (to === null ? '已滚动到下一年度，请填写填报日期。可以撤销。' : `已开始 ${to} 年度的申报表，请填写填报日期。可以撤销。`),
  importTitle: '导入上年申报表',
  importFileLabel: '选择上年申报表文件',
  wordFileLabel: '选择 Word 申报表文件',
  wordImported: (sheet: string, table: string, leftOut: string) => `已把 Word 文档${table}中的申报表转成模板工作表“${sheet}”，请检查。${leftOut ? `模板中没有对应位置、未导入的行：${leftOut}。` : ''}`,
  wordNoForm: '这个 Word 文档的表格中没有找到申报表。',
  coverageRead: '已检查',
  coverageMissing: '未找到（未检查）',
  coverageAll: '（全部）',
  coverageFormulas: (n: number) => `自行计算了 ${n} 个没有结果的公式`,
  importReading: (file: string) => `正在读取“${file}”…`,
  importSummary: (file: string, matched: number, unmatched: number) =>
    `上年申报表“${file}”：匹配 ${matched} 行，未匹配 ${unmatched} 行。`,
  unmatchedTitle: '未能匹配的行（不会填入）',
  unmatchedWhere: (side: string, row: number) => `（${side}第 ${row} 行）`,
  unmatchedKind: { funding: '资金', indicator: '指标', project: '项目' } as Record<string, string>,
  unmatchedSide: { this: '本年表', last: '上年表' } as Record<string, string>,
  importWarnings: '提示：',
  imported: (n: number) => `已导入上年数据，写入 ${n} 个单元格。可以撤销。`,
  importNoFormInFile: '所选文件中没有找到申报表。',
  importNoFormHere: '当前工作表上没有找到申报表，无法导入。',
  fileUnreadable: (detail: string) => `无法读取该文件：${detail}`,
  fileNotXlsx: '这不是 .xlsx 文件（旧版 .xls 或加密文件请先在 Excel 中另存为 .xlsx）。',
  changedSincePreview: '预览之后工作表已被修改，预览已按当前内容重新计算，请再次确认。',
  undone: '已撤销。',
  nothingToUndo: '没有可以撤销的操作。',
  cleared: (n: number) => (n === 0 ? '没有需要清除的标记。' : `已清除 ${n} 处标记，原来的底色已恢复。`),
  templateInserted: (name: string) => `已插入模板工作表“${name}”。`,
  formNotFoundHere: '当前工作表上没有找到申报表。',

  // auto-calc
  autoCalc: '自动计算',
  autoCalcHint: '金额改动后自动更新合计和占比，不改动您输入的内容。',
  autoCalcOn: '自动计算已打开。',
  autoCalcUnsupported: (why: string) => `无法使用：${why}`,
  autoCalcUpdated: (n: number) => `自动计算：已更新 ${n} 个单元格。`,
  autoCalcOnTyped: (n: number) => `自动计算已打开。表中 ${n} 个合计、占比是手工填写的，自动计算不会改动它们；点“交给自动计算”可让它们随金额更新。`,
  autoCalcDone: (cells: string[], held: number) =>
    (cells.length ? `自动计算：已更新 ${cells.length} 个单元格（${listCells(cells)}）` : '自动计算：没有可以更新的单元格') +
    (held ? `；${held} 个单元格未改动，原因见“自动计算”下的列表。` : '。'),
  autoCalcHeldTitle: '自动计算未改动的单元格：',
  autoCalcTypedTitle: (n: number) => `手工填写的合计、占比（${n} 个，自动计算不改动）：`,
  autoCalcAdopt: '交给自动计算',
  autoCalcAdopted: (n: number, written: number) => `已将 ${n} 个单元格交给自动计算，随金额更新` + (written ? `；已更新 ${written} 个单元格（可撤销）。` : '。'),

  // settings
  settingsTitle: '设置',
  tailRule: '占比尾差',
  tailLargest: '尾差计入最大项（合计为 100.00%）',
  tailNone: '不处理尾差',
  fillMode: '填充方式',
  threshold: '资金变动提示阈值（%）',
  thresholdHint: '与上年相比变动超过此比例时提示说明原因。',
  language: '语言',
  langAuto: '跟随 Office',
  langZh: '中文',
  langEn: 'English',
  settingsSaved: '设置已保存。',

  unknownError: (detail: string) => `发生错误：${detail}`,

  // workbench
  wbTitle: '工作台（无需 Excel）',
  wbLoadSample: '载入示例申报表',
  wbLoadFile: '打开 .xlsx 文件',
  wbSheets: '工作表',
  wbGrid: '工作表内容',
  wbCellEditor: '编辑单元格',
  wbAddress: '单元格地址',
  wbValue: '内容',
  wbEnter: '输入',
  wbLanguage: 'English',
  wbApi: (v: string) => `模拟 ExcelApi ${v}`,
  wbLoaded: (name: string) => `已载入“${name}”。`,
};

export type Strings = typeof zh;

const en: Strings = {
  appTitle: 'Performance Target Form Assistant',
  toolbarLabel: 'Form actions',
  actions: {
    check: 'Check form',
    fill: 'Fill computed',
    undo: 'Undo',
    clearMarks: 'Clear marks',
    template: 'Insert template',
    roll: 'Start new year',
    importLast: 'Import last year',
    importWord: 'Import from Word',
    settings: 'Settings',
    writeResults: 'Write results',
    help: 'Help',
  },
  actionHints: {
    check: 'Check the form on the active sheet and mark the cells with issues',
    fill: 'Compute totals, shares and change rates; preview before writing',
    undo: 'Undo the assistant’s last write',
    clearMarks: 'Remove the highlights and notes of the check and restore the original fills',
    template: 'Insert a blank form as a new worksheet',
    roll: 'Roll the form on to the next budget year; preview before writing',
    importLast: 'Pick last year’s form (.xlsx) to fill this form’s prior-year columns',
    importWord: 'Pick a form filed in Word (.docx): it becomes our template filled with its content, to check and fill in Excel',
    writeResults: 'Add (or update) a 检查结果 sheet in the workbook listing every issue with a link to its cells',
    help: 'Show or hide the guide',
  },
  busy: 'Working…',
  busyAction: (what: string) => `${what}…`,
  apply: 'Apply',
  cancel: 'Cancel',
  close: 'Close',
  errorTitle: 'Not done',
  noticeTitle: 'Done',
  commandStatusTitle: 'Ribbon command',

  issuesTitle: 'Check results',
  issuesRegion: 'List of check results',
  summary: (errors: number, open: number, explained: number) =>
    `${errors} error${errors === 1 ? '' : 's'}, ${open} open warning${open === 1 ? '' : 's'}` + (explained ? `, ${explained} explained` : ''),
  groupCounts: (errors: number, open: number, explained: number) =>
    [errors ? `${errors} error${errors === 1 ? '' : 's'}` : '', open ? `${open} warning${open === 1 ? '' : 's'}` : '', explained ? `${explained} explained` : '']
      .filter(Boolean)
      .join(' · '),
  noIssues: 'Check finished: no issues.',
  notFound: (labels: string) => `No form was found on the active sheet (looked for: ${labels}).`,
  notMarked: 'The issues could not be marked on the sheet (it is protected); see them in this list.',
  stale: 'The sheet changed after the check; the results may be out of date. Check again.',
  severity: { error: 'Error', warning: 'Warning', explained: 'Explained' },
  expected: (v: string) => `Expected: ${v}`,
  cellsLabel: (cells: string) => `Cells: ${cells}`,
  goToCells: (cells: string) => `Select cells ${cells}`,
  explainAdd: 'Add explanation',
  explainEdit: 'Edit explanation',
  explainLabel: 'Review explanation',
  explainPlaceholder: 'Why this warning may stand, e.g. the reason for a funding change',
  explainSave: 'Save',
  explainSaved: 'Explanation saved in the workbook.',
  explainSavedVisible: (sheet: string) =>
    `Explanation saved on the sheet "${sheet}". Hiding a sheet cannot be undone in this Excel and would clear your undo history, so the sheet was left visible; right-click its tab to hide it.`,
  explainCleared: 'Explanation removed.',
  explainedAs: (text: string) => `Explanation: ${text}`,
  errorsCannotBeExplained: 'Errors must be corrected; they cannot be explained away.',
  staleSheet: (checked: string, now: string) => `These are the results for the sheet “${checked}”; the active sheet is now “${now}”. Check again on the sheet you want checked.`,

  fixButton: 'Use expected value',
  fixHint: (cells: string) => `Set ${cells} to the expected value: preview first, then write; can be undone`,
  fixTitle: 'Use the expected value',
  fixIntro: 'These cells will take the expected value from the check; what they hold now (typed numbers and formulas included) is replaced. You can undo this.',
  replacesFormula: 'replaces a formula',
  fixed: (n: number) => `Wrote the expected value into ${n} cell${n === 1 ? '' : 's'}. You can undo this.`,
  fixGone: 'This issue is no longer on the sheet (it was changed). Check again.',
  fixedBadge: 'Expected value written',
  resultsWritten: (name: string, n: number, created: boolean) =>
    created
      ? `Added the sheet “${name}” listing ${n} issue${n === 1 ? '' : 's'}; its cell links jump to the cells. You can undo this (undo deletes the sheet).`
      : `Updated the sheet “${name}” listing ${n} issue${n === 1 ? '' : 's'}. You can undo this.`,
  resultsNeedCheck: 'Check the form first, then write the results.',

  guideTitle: 'Getting started',
  guideSteps: [
    'On the sheet with the form, click “Check form”: issues are listed by part; errors are marked red, warnings amber.',
    'Click an issue to select its cells; an issue with an expected value has “Use expected value”, previewed before it writes.',
    '“Fill computed” computes totals, shares and change rates; “Write results” adds a 检查结果 sheet to the workbook.',
    'Everything the assistant writes can be undone with “Undo”; “Clear marks” removes the check’s highlights and notes.',
  ],
  guideDismiss: 'Got it',
  guideLater: 'Click “Help” to see this again.',

  previewRegion: 'Preview',
  colCell: 'Cell',
  colOld: 'Now',
  colNew: 'New',
  colKind: 'Kind',
  empty: '(empty)',
  reasons: {
    share: 'Share',
    total: 'Total',
    change: 'Change rate',
    roll: 'Roll-over',
    import: 'Import',
    template: 'Template',
    undo: 'Undo',
    hygiene: 'Tidy',
    fix: 'Expected value',
  },
  because: {
    'user-value': 'your value, left alone',
    formula: 'formula, left alone',
    'not-computable': 'cannot be computed',
    'not-a-number': 'not a number (words or a unit): cannot be computed',
    'no-amount': 'the amount beside it is empty; share left as it is',
    'total-kept': 'the total is your value and does not match its items; no share computed against it',
    'items-likely-wrong': 'the total agrees with the other group’s total; an item is the likelier mistake, total left as it is',
    unbalanced: 'income and expenditure totals differ: check the amounts',
  },
  overwriting: 'replaces what you typed',
  fillTitle: 'Fill computed cells',
  fillKinds: 'What to fill',
  fillTotals: 'Totals',
  fillShares: 'Shares',
  fillChanges: 'Change rates',
  overwrite: 'Overwrite typed values and formulas',
  overwriteHint: 'When on, numbers and formulas you typed are replaced too (still undoable).',
  writeMode: 'Write',
  modeValues: 'Values',
  modeFormulas: 'Excel formulas',
  willWrite: (n: number) => `${n} cell${n === 1 ? '' : 's'} will be written:`,
  willSkip: (n: number) => `${n} cell${n === 1 ? '' : 's'} left alone:`,
  nothingToWrite: 'Nothing to write.',
  unavailable: 'Fills that cannot run:',
  unavailableReason: (reason: UnavailableReason) => unavailableFillText(reason, 'en-US'),
  importWarning: (w: ImportWarning) => importWarningText(w, 'en-US'),
  filled: (n: number, skipped: number) =>
    `Filled ${n} cell${n === 1 ? '' : 's'}` +
    (skipped ? `; left ${skipped} cell${skipped === 1 ? '' : 's'} with your values or formulas alone` : '') +
    '. You can undo this.',
  rollTitle: 'Start new year',
  rollSummary: (from: number | null, to: number | null, n: number) =>
    (from === null ? 'The form carries no year (no filing date, no year over the prior-year columns): ' : `The form moves from ${from} to ${to}: `) +
    `prior-year columns shift, current amounts and the filing date are cleared, years move on. ${n} cell${n === 1 ? '' : 's'} change.`,
  rolled: (to: number | null) => (to === null ? 'The form moved on a year: enter its filing date. You can undo this.' : `The ${to} form is ready: enter its filing date. You can undo this.`),
  importTitle: 'Import last year’s form',
  importFileLabel: 'Choose last year’s form',
  wordFileLabel: 'Choose a Word form',
  wordImported: (sheet: string, table: string, leftOut: string) => `The form in the Word document’s ${table} is now the template sheet “${sheet}”: check it.${leftOut ? ` Rows the template has no place for, not imported: ${leftOut}.` : ''}`,
  wordNoForm: 'No form was found in the tables of this Word document.',
  coverageRead: 'Checked',
  coverageMissing: 'Not found (not checked)',
  coverageAll: ' (all parts)',
  coverageFormulas: (n: number) => `computed ${n} formulas saved without a result`,
  importReading: (file: string) => `Reading “${file}”…`,
  importSummary: (file: string, matched: number, unmatched: number) =>
    `Last year’s form “${file}”: ${matched} row${matched === 1 ? '' : 's'} matched, ${unmatched} unmatched.`,
  unmatchedTitle: 'Rows that could not be matched (not filled)',
  unmatchedWhere: (side: string, row: number) => `(${side}, row ${row})`,
  unmatchedKind: { funding: 'Funding', indicator: 'Indicator', project: 'Project' },
  unmatchedSide: { this: 'this year', last: 'last year' },
  importWarnings: 'Notes:',
  imported: (n: number) => `Imported last year’s data into ${n} cell${n === 1 ? '' : 's'}. You can undo this.`,
  importNoFormInFile: 'No form was found in the chosen file.',
  importNoFormHere: 'No form was found on the active sheet; nothing to import into.',
  fileUnreadable: (detail: string) => `The file could not be read: ${detail}`,
  fileNotXlsx: 'This is not an .xlsx file (save legacy .xls or encrypted files as .xlsx in Excel first).',
  changedSincePreview: 'The sheet changed after the preview; the preview was recomputed. Please confirm again.',
  undone: 'Undone.',
  nothingToUndo: 'There is nothing to undo.',
  cleared: (n: number) => (n === 0 ? 'There were no marks to clear.' : `Cleared ${n} mark${n === 1 ? '' : 's'}; the original fills are back.`),
  templateInserted: (name: string) => `Inserted the template sheet “${name}”.`,
  formNotFoundHere: 'No form was found on the active sheet.',

  autoCalc: 'Auto-calculate',
  autoCalcHint: 'When an amount changes, update totals and shares; never touches what you typed.',
  autoCalcOn: 'Auto-calculate is on.',
  autoCalcUnsupported: (why: string) => `Not available: ${why}`,
  autoCalcUpdated: (n: number) => `Auto-calculate: updated ${n} cell${n === 1 ? '' : 's'}.`,
  autoCalcOnTyped: (n: number) =>
    `Auto-calculate is on. ${n} total${n === 1 ? '' : 's'} and shares on the sheet were typed by hand; auto-calculate leaves them alone. “Hand over to auto-calculate” lets them follow the amounts.`,
  autoCalcDone: (cells: string[], held: number) =>
    (cells.length ? `Auto-calculate: updated ${cells.length} cell${cells.length === 1 ? '' : 's'} (${listCells(cells)})` : 'Auto-calculate: nothing it may update') +
    (held ? `; left ${held} cell${held === 1 ? '' : 's'} alone, listed under Auto-calculate.` : '.'),
  autoCalcHeldTitle: 'Cells auto-calculate left alone:',
  autoCalcTypedTitle: (n: number) => `Totals and shares typed by hand (${n}, left alone):`,
  autoCalcAdopt: 'Hand over to auto-calculate',
  autoCalcAdopted: (n: number, written: number) =>
    `Handed ${n} cell${n === 1 ? '' : 's'} over to auto-calculate` + (written ? `; updated ${written} (undoable).` : '.'),

  settingsTitle: 'Settings',
  tailRule: 'Share rounding tail',
  tailLargest: 'Into the largest item (total exactly 100.00%)',
  tailNone: 'Leave the tail',
  fillMode: 'Fill writes',
  threshold: 'Funding change threshold (%)',
  thresholdHint: 'A change against the year before beyond this asks for an explanation.',
  language: 'Language',
  langAuto: 'As in Office',
  langZh: '中文',
  langEn: 'English',
  settingsSaved: 'Settings saved.',

  unknownError: (detail: string) => `Something went wrong: ${detail}`,

  wbTitle: 'Workbench (no Excel needed)',
  wbLoadSample: 'Load the sample form',
  wbLoadFile: 'Open an .xlsx file',
  wbSheets: 'Sheets',
  wbGrid: 'Sheet contents',
  wbCellEditor: 'Edit a cell',
  wbAddress: 'Cell address',
  wbValue: 'Content',
  wbEnter: 'Enter',
  wbLanguage: '中文',
  wbApi: (v: string) => `Simulating ExcelApi ${v}`,
  wbLoaded: (name: string) => `Loaded “${name}”.`,
};

export const STRINGS: Record<Locale, Strings> = { 'zh-CN': zh, 'en-US': en };

export function strings(locale: Locale): Strings {
  return STRINGS[locale];
}

/** zh-* display languages get Chinese, everything else English. */
export function localeFromLanguage(language: string | null | undefined): Locale {
  return /^zh(?:[-_]|$)/i.test(language ?? '') ? 'zh-CN' : 'en-US';
}
