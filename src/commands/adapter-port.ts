/**
 * The one place where the ribbon functions reach the Office.js adapter (src/excel). Tests replace this
 * module with jest.mock, so they never load Office.js code.
 */
export { officeHost, checkAndHighlight, applyFill, clearMarks } from '../excel';
