/**
 * Formulas without a stored result that the check could not compute itself (files written by scripts carry
 * formula text only; Excel computes it on open). Said once, with the cells, instead of one 未填 per cell.
 */
import { defineRule } from './rule';
import { toA1, type CellRef } from '../grid/address';

export default defineRule({
  meta: {
    id: 'formula-no-result',
    severity: 'warning',
    section: 'sheet',
    description: { 'zh-CN': '公式没有计算结果时，提示在 Excel 中重新计算', 'en-US': 'Formulas without a stored result: recalculate the workbook in Excel' },
    messages: {
      recalc: {
        'zh-CN': '工作簿中有 {count} 个公式没有保存计算结果（{cells}），无法检查；请在 Excel 中打开、重新计算（F9）并保存后再检查',
        'en-US': '{count} formulas have no stored result ({cells}) and were not checked; open the workbook in Excel, recalculate (F9), save, and check again',
      },
    },
  },
  check(ctx, report) {
    // The engine has computed every formula it could (grid/formulas.ts); a formula still without a value is beyond it.
    const cells: CellRef[] = [];
    for (const [key, cell] of ctx.grid.cells) {
      if (!cell.formula || (cell.value !== null && cell.value !== undefined)) continue;
      const [row, col] = key.split(',').map(Number);
      cells.push({ row, col });
    }
    if (cells.length === 0) return;
    cells.sort((a, b) => a.row - b.row || a.col - b.col);
    const shown = cells.slice(0, 5).map(toA1).join('、') + (cells.length > 5 ? '…' : '');
    report({ messageId: 'recalc', cells: [...cells], data: { count: cells.length, cells: shown } });
  },
});
