/** How `fill` reports a cell it left alone. */
import type { SkippedWrite } from '../patch';

/** One cell a fill left alone, and why: every cell that keeps a group from adding up is named. */
export function skippedLine(s: SkippedWrite, zh: boolean): string {
  const found = s.formula ?? (s.found === null || s.found === undefined ? '' : String(s.found));
  const wanted = s.wanted === null || s.wanted === undefined ? '' : String(s.wanted);
  const by = s.blockedBy ?? '';
  switch (s.because) {
    case 'formula':
      return zh ? `跳过 ${s.address}：含公式（${found}，计算值 ${wanted}；用 --overwrite 覆盖）` : `skipped ${s.address}: holds a formula (${found}; computed ${wanted}; --overwrite replaces it)`;
    case 'user-value':
      return zh ? `跳过 ${s.address}：已有用户输入（${found}，计算值 ${wanted}；用 --overwrite 覆盖）` : `skipped ${s.address}: the user typed a value (${found}; computed ${wanted}; --overwrite replaces it)`;
    case 'not-a-number':
      return zh ? `未计算 ${s.address}：金额“${found}”不是数字，合计和占比无法计算，请改为数字` : `not computed ${s.address}: the amount “${found}” is not a number, so no total or share can use it; type a number`;
    case 'not-computable':
      return zh ? `未计算 ${s.address}：${by} 不是数字，无法计算（现为 ${found || '空'}）` : `not computed ${s.address}: ${by} is not a number (now ${found || 'empty'})`;
    case 'no-amount':
      return zh ? `保留 ${s.address}：旁边的金额为空，占比 ${found} 未清除（用 --overwrite 清除）` : `kept ${s.address}: the amount beside it is empty; share ${found} left (--overwrite clears it)`;
    case 'total-kept':
      return zh ? `未计算 ${s.address}：合计 ${by} 保留为输入值且与各项之和不符，不按它计算占比` : `not computed ${s.address}: the total ${by} is kept as typed and does not match its items; no share computed against it`;
    case 'unbalanced':
      return zh
        ? `请核对 ${s.address}：支出合计 ${found} 与收入合计 ${by}（${wanted}）不相等，需核对金额`
        : `check ${s.address}: the expenditure total ${found} differs from the income total ${by} (${wanted}); check the amounts`;
    case 'items-likely-wrong':
      return zh
        ? `保留 ${s.address}：合计 ${found} 与 ${by} 一致，各项之和 ${wanted} 更可能有误，请核对各项金额（--overwrite 也不改动）`
        : `kept ${s.address}: the total ${found} agrees with ${by}; the items (adding to ${wanted}) are the likelier mistake, check them (kept even with --overwrite)`;
  }
}
