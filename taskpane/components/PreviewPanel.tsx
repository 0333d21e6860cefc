/**
 * What an action is about to write, before it writes: cell, old → new, and what it leaves alone because
 * the user typed it. 应用 writes exactly this (the controller checks again first), 取消 writes nothing.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import {
  Badge,
  Button,
  Checkbox,
  Field,
  Radio,
  RadioGroup,
  Switch,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { FillKind } from '../../src/engine';
import type { SkippedWrite } from '../../src/patch';
import type { ChangeRow, FillChoice, FillPreview, ImportPreview, Preview, RollPreview } from '../controller';
import { BACKGROUND, canApply } from '../controller';
import { describeCellContent, displayValue } from '../format';
import type { Strings } from '../i18n';
import { useController, usePaneState, useStrings } from '../useController';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  h2: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0, ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  h3: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  p: { margin: 0 },
  scroll: { maxHeight: '260px', overflowY: 'auto', border: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground1 },
  options: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  kinds: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: 0 },
  buttons: {
    // Apply / Cancel stay in view while a long list of changes scrolls past in a narrow pane.
    position: 'sticky',
    bottom: 0,
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} 0`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  unmatched: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  where: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  th: {
    position: 'sticky',
    top: 0,
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    whiteSpace: 'nowrap',
  },
  kind: { whiteSpace: 'nowrap' },
  td: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, verticalAlign: 'top' },
  mono: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'nowrap' },
  cellText: { overflowWrap: 'anywhere' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export function PreviewPanel() {
  const styles = useStyles();
  const state = usePaneState();
  const c = useController();
  const s = useStrings();
  const heading = useRef<HTMLHeadingElement>(null);
  const preview = state.preview;
  const kind = preview?.kind;
  useEffect(() => {
    // A keyboard user lands on the preview that just opened.
    if (kind) heading.current?.focus();
  }, [kind]);
  if (!preview) return null;
  const locked = !!state.busy && !BACKGROUND.includes(state.busy);
  const title = { fill: s.fillTitle, roll: s.rollTitle, import: s.importTitle, fix: s.fixTitle }[preview.kind];
  const apply = { fill: c.applyFill, roll: c.applyRoll, import: c.applyImport, fix: c.applyFix }[preview.kind];
  return (
    <section className={styles.panel} aria-labelledby="jx-preview-title" data-testid="preview" data-kind={preview.kind}>
      <h2 id="jx-preview-title" ref={heading} tabIndex={-1} className={styles.h2}>
        {title}
      </h2>
      {preview.kind === 'fill' ? <FillBody preview={preview} /> : null}
      {preview.kind === 'roll' ? <RollBody preview={preview} /> : null}
      {preview.kind === 'import' ? <ImportBody preview={preview} /> : null}
      {preview.kind === 'fix' ? <p className={styles.p}>{s.fixIntro}</p> : null}
      <Changes preview={preview} />
      <div className={styles.buttons}>
        <Button appearance="primary" disabledFocusable={locked || !canApply(preview)} onClick={() => void apply()} data-testid="apply">
          {s.apply}
        </Button>
        <Button disabledFocusable={locked} onClick={c.cancelPreview} data-testid="cancel">
          {s.cancel}
        </Button>
      </div>
    </section>
  );
}

function FillBody({ preview }: { preview: FillPreview }) {
  const styles = useStyles();
  const c = useController();
  const s = useStrings();
  const state = usePaneState();
  const locked = !!state.busy && !BACKGROUND.includes(state.busy);
  const choice = preview.choice;
  const change = (next: Partial<FillChoice>) => void c.previewFill({ ...choice, ...next });
  const toggleKind = (k: FillKind, on: boolean) => {
    const only = on ? [...new Set([...choice.only, k])] : choice.only.filter((x) => x !== k);
    change({ only });
  };
  const kinds: [FillKind, string][] = [
    ['totals', s.fillTotals],
    ['shares', s.fillShares],
    ['changes', s.fillChanges],
  ];
  return (
    <div className={styles.options}>
      <Field label={s.fillKinds}>
        <div className={styles.kinds} role="group" aria-label={s.fillKinds}>
          {kinds.map(([k, label]) => (
            <Checkbox key={k} label={label} checked={choice.only.includes(k)} disabled={locked} onChange={(_, d) => toggleKind(k, d.checked === true)} data-kind={k} />
          ))}
        </div>
      </Field>
      <Switch label={s.overwrite} checked={choice.overwrite} disabled={locked} onChange={(_, d) => change({ overwrite: d.checked })} data-testid="overwrite" />
      {choice.overwrite ? <p className={styles.hint}>{s.overwriteHint}</p> : null}
      <Field label={s.writeMode}>
        <RadioGroup layout="horizontal" value={choice.mode} disabled={locked} onChange={(_, d) => change({ mode: d.value === 'formulas' ? 'formulas' : 'values' })}>
          <Radio value="values" label={s.modeValues} />
          <Radio value="formulas" label={s.modeFormulas} />
        </RadioGroup>
      </Field>
      {preview.unavailable.length ? (
        <div>
          <p className={styles.hint}>{s.unavailable}</p>
          <ul className={styles.list}>
            {preview.unavailable.map((u) => (
              <li key={u.kind} className={styles.hint}>
                {s.unavailableReason(u.reason)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function RollBody({ preview }: { preview: RollPreview }) {
  const styles = useStyles();
  const s = useStrings();
  return <p className={styles.p}>{s.rollSummary(preview.fromYear, preview.toYear, preview.rows.length)}</p>;
}

function ImportBody({ preview }: { preview: ImportPreview }) {
  const styles = useStyles();
  const s = useStrings();
  return (
    <>
      <p className={styles.p} data-testid="import-summary" data-matched={preview.matched} data-unmatched={preview.unmatched.length}>
        {s.importSummary(preview.fileName, preview.matched, preview.unmatched.length)}
      </p>
      {preview.unmatched.length ? (
        <>
          <h3 className={styles.h3}>{s.unmatchedTitle}</h3>
          <div className={styles.scroll} tabIndex={0} role="region" aria-label={s.unmatchedTitle}>
            <ul className={styles.unmatched} data-testid="unmatched">
              {preview.unmatched.map((u, i) => (
                <li key={`${u.side}-${u.row}-${i}`} data-side={u.side} data-kind={u.kind}>
                  <span className={styles.cellText}>
                    [{s.unmatchedKind[u.kind] ?? u.kind}] {u.label}
                  </span>{' '}
                  <span className={styles.where}>{s.unmatchedWhere(s.unmatchedSide[u.side] ?? u.side, u.row + 1)}</span>
                </li>
              ))}
            </ul>
          </div>
        </>
      ) : null}
      {preview.warnings.length ? (
        <div>
          <p className={styles.hint}>{s.importWarnings}</p>
          <ul className={styles.list}>
            {preview.warnings.map((w, i) => (
              <li key={i} className={styles.hint}>
                {s.importWarning(w)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}

function oldText(r: ChangeRow, s: Strings): string {
  return describeCellContent(r.oldValue, r.oldFormula, r.oldFormat, s.empty);
}

function newText(r: ChangeRow, s: Strings): string {
  return describeCellContent(r.newValue, r.newFormula, r.newFormat, s.empty);
}

function skippedText(k: SkippedWrite, s: Strings): { found: string; wanted: string } {
  const wanted = typeof k.wanted === 'string' && k.wanted.startsWith('=') ? k.wanted : displayValue(k.wanted ?? null);
  return { found: k.formula ?? displayValue(k.found ?? null), wanted: wanted || s.empty };
}

function Changes({ preview }: { preview: Preview }) {
  const styles = useStyles();
  const s = useStrings();
  const scrollable = (label: string, child: ReactNode) => (
    <div className={styles.scroll} tabIndex={0} role="region" aria-label={label}>
      {child}
    </div>
  );
  // The change table and the skipped table share one header: cell, old, new, kind.
  const tableHead = (
    <thead>
      <tr>
        <th scope="col" className={styles.th}>{s.colCell}</th>
        <th scope="col" className={styles.th}>{s.colOld}</th>
        <th scope="col" className={styles.th}>{s.colNew}</th>
        <th scope="col" className={styles.th}>{s.colKind}</th>
      </tr>
    </thead>
  );
  return (
    <>
      <p className={styles.p} data-testid="will-write" data-count={preview.rows.length}>
        {preview.rows.length ? s.willWrite(preview.rows.length) : s.nothingToWrite}
      </p>
      {preview.rows.length
        ? scrollable(
            s.willWrite(preview.rows.length),
            <table className={styles.table} data-testid="changes">
              {tableHead}
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.address} data-addr={r.address}>
                    <td className={mergeClasses(styles.td, styles.mono)}>{r.address}</td>
                    <td className={mergeClasses(styles.td, styles.cellText)}>{oldText(r, s)}</td>
                    <td className={mergeClasses(styles.td, styles.cellText)}>
                      {newText(r, s)}
                      {(r.overwrites && preview.kind === 'fill' && preview.choice.overwrite) || (preview.kind === 'fix' && r.overwrites) ? (
                        <>
                          {' '}
                          <Badge appearance="tint" color="warning" size="small" data-testid="overwrites">
                            {r.oldFormula ? s.replacesFormula : s.overwriting}
                          </Badge>
                        </>
                      ) : null}
                    </td>
                    <td className={mergeClasses(styles.td, styles.kind)}>{s.reasons[r.reason] ?? r.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>,
          )
        : null}
      {preview.skipped.length ? (
        <>
          <p className={styles.p} data-testid="will-skip" data-count={preview.skipped.length}>
            {s.willSkip(preview.skipped.length)}
          </p>
          {scrollable(
            s.willSkip(preview.skipped.length),
            <table className={styles.table} data-testid="skipped">
              {tableHead}
              <tbody>
                {preview.skipped.map((k, i) => {
                  const t = skippedText(k, s);
                  return (
                    <tr key={`${k.address}-${i}`} data-addr={k.address} data-because={k.because}>
                      <td className={mergeClasses(styles.td, styles.mono)}>{k.address}</td>
                      <td className={mergeClasses(styles.td, styles.cellText)}>{t.found}</td>
                      <td className={mergeClasses(styles.td, styles.cellText)}>{t.wanted}</td>
                      <td className={styles.td}>
                        {s.reasons[k.reason] ?? k.reason}：{s.because[k.because] ?? k.because}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>,
          )}
        </>
      ) : null}
    </>
  );
}
