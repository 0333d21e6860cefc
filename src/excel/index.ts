/**
 * The Office.js adapter: what the ribbon commands and the task pane call. Each action takes an
 * ExcelHost (`officeHost()` in the add-in, an in-memory Excel in tests) and keeps its number of syncs
 * constant whatever the size of the sheet.
 */
export { officeHost, capabilities, type ExcelHost, type HostRunOptions, type Caps } from './host';
export { AdapterError, type AdapterErrorCode } from './errors';
export { readSheet } from './read';
export { checkAndHighlight, clearMarks, type CheckHighlightOptions, type CheckHighlightResult, type ClearMarksResult } from './highlight';
export {
  applyPatch,
  applyFill,
  previewFill,
  undo,
  undoDepth,
  clearUndo,
  type ApplyPatchResult,
  type FillActionOptions,
  type FillActionResult,
} from './patch-actions';
export { insertTemplate, TEMPLATE_SHEET_NAME } from './template';
export { AUTO_CALC_NEEDS, selectCells, watchAmounts, type AmountChange, type AmountWatch } from './interact';
export { MARK_COLORS } from './fills';
export { SETTING_KEY, RECORD_SHEET } from './marks-store';
export type { EnginePort } from './engine-port';
export { writeResultSheet, RESULT_SHEET, type WriteResultsOptions, type WriteResultsResult } from './result-sheet';
