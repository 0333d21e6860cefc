/**
 * The in-memory workbook as a plain HTML table: values as Excel would roughly show them, fills as
 * background colours, notes and comments as title tooltips, merged areas as spans, the selection outlined.
 * Every cell carries data-addr / data-value / data-fill for the browser tests. Text only, never HTML.
 */
import { useSyncExternalStore, type CSSProperties } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { columnName, toA1 } from '../src/grid/address';
import type { CellValue } from '../src/grid/types';
import type { CellState, SheetState } from '../test/support/strict-excel/model';
import { displayValue } from '../taskpane/format';
import type { Session } from './session';

const useStyles = makeStyles({
  wrap: { overflow: 'auto', flexGrow: 1, minHeight: 0, backgroundColor: '#FFFFFF', color: '#000000' },
  table: { borderCollapse: 'collapse', tableLayout: 'fixed', fontSize: '12px', fontFamily: "'Segoe UI', 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', sans-serif" },
  head: { position: 'sticky', top: 0, backgroundColor: '#F3F3F3', zIndex: 1, fontWeight: 400, color: '#555555', border: '1px solid #D4D4D4' },
  rowHead: { position: 'sticky', left: 0, backgroundColor: '#F3F3F3', color: '#555555', textAlign: 'right', paddingRight: '4px', border: '1px solid #D4D4D4' },
  cell: { border: '1px solid #E1E1E1', padding: '1px 4px', verticalAlign: 'top', cursor: 'cell' },
  clip: { display: '-webkit-box', WebkitLineClamp: 4, WebkitBoxOrient: 'vertical', overflow: 'hidden', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  noted: { backgroundImage: 'linear-gradient(225deg, #C00000 5px, transparent 5px)' },
  empty: { padding: tokens.spacingHorizontalL, color: '#555555' },
});

function storedToCell(v: CellState['value']): CellValue {
  return v === null ? null : typeof v === 'object' ? { error: v.error } : v;
}

function extent(sheet: SheetState): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const k of sheet.cells.keys()) {
    const [r, c] = k.split(',').map(Number);
    rows = Math.max(rows, r + 1);
    cols = Math.max(cols, c + 1);
  }
  for (const m of sheet.merges) {
    rows = Math.max(rows, m.bottom + 1);
    cols = Math.max(cols, m.right + 1);
  }
  return { rows, cols };
}

function widthOf(sheet: SheetState, col: number): number {
  const pt = sheet.columnWidths[col];
  if (pt) return Math.round((pt * 4) / 3);
  return col < 2 ? 96 : 120;
}

export function GridView({ session, label, emptyText }: { session: Session; label: string; emptyText: string }) {
  const styles = useStyles();
  useSyncExternalStore(session.subscribe, session.getVersion, session.getVersion);
  const excel = session.excel;
  const sheet = excel.activeSheet;
  const { rows, cols } = extent(sheet);
  const sel = excel.wb.selection?.sheetId === sheet.id ? excel.wb.selection.areas : [];
  const covered = new Set<string>();
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const m of sheet.merges) {
    spans.set(`${m.top},${m.left}`, { rowSpan: m.bottom - m.top + 1, colSpan: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  }
  const isSelected = (r: number, c: number) => sel.some((a) => r >= a.top && r <= a.bottom && c >= a.left && c <= a.right);

  if (rows === 0) return <p className={styles.empty}>{emptyText}</p>;
  const body = [];
  for (let r = 0; r < rows; r++) {
    const tds = [];
    for (let c = 0; c < cols; c++) {
      const key = `${r},${c}`;
      if (covered.has(key)) continue;
      const cell = sheet.cells.get(key);
      const addr = toA1({ row: r, col: c });
      const value = storedToCell(cell?.value ?? null);
      const text = displayValue(value, cell?.numberFormat);
      const tip = [cell?.note?.content, cell?.comment?.content].filter(Boolean).join('\n');
      const st: CSSProperties = {};
      if (cell?.fill) st.backgroundColor = cell.fill.color;
      if (cell?.style?.bold) st.fontWeight = 600;
      if (cell?.style?.fontColor) st.color = cell.style.fontColor;
      const h = cell?.style?.horizontal?.toLowerCase();
      st.textAlign = h === 'center' ? 'center' : h === 'right' ? 'right' : typeof value === 'number' ? 'right' : 'left';
      const span = spans.get(key);
      const classes = [styles.cell, isSelected(r, c) ? styles.selected : '', tip ? styles.noted : ''].filter(Boolean).join(' ');
      tds.push(
        <td
          key={key}
          className={classes}
          style={st}
          rowSpan={span?.rowSpan}
          colSpan={span?.colSpan}
          title={tip || undefined}
          data-addr={addr}
          data-value={JSON.stringify(value)}
          data-fill={cell?.fill?.color ?? ''}
          data-note={tip}
          data-selected={isSelected(r, c) ? 'true' : undefined}
          onClick={() => session.pick(addr)}
        >
          <span className={styles.clip}>{text}</span>
        </td>,
      );
    }
    body.push(
      <tr key={r}>
        <th scope="row" className={styles.rowHead}>
          {r + 1}
        </th>
        {tds}
      </tr>,
    );
  }
  return (
    <div className={styles.wrap} role="region" aria-label={label} tabIndex={0} data-testid="grid" data-sheet={sheet.name}>
      <table className={styles.table}>
        <colgroup>
          <col style={{ width: '40px' }} />
          {Array.from({ length: cols }, (_, c) => (
            <col key={c} style={{ width: `${widthOf(sheet, c)}px` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th className={styles.head} />
            {Array.from({ length: cols }, (_, c) => (
              <th key={c} scope="col" className={styles.head}>
                {columnName(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{body}</tbody>
      </table>
    </div>
  );
}
