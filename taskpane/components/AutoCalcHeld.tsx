/**
 * Under the 自动计算 switch: the cells auto-calc left alone after the last edit, each with why (a value the
 * user typed, a total kept as typed, an amount typed as words…), and the 合计/占比 the user typed, with the
 * one button that hands them over to auto-calc.
 */
import { Button, Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useController, usePaneState, useStrings } from '../useController';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, marginTop: tokens.spacingVerticalXS },
  // flexShrink 0: in the column flex box the list would otherwise shrink under its own text.
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: '12em', overflowY: 'auto', flexShrink: 0 },
  item: { overflowWrap: 'anywhere' },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  caption: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  button: { alignSelf: 'flex-start' },
});

export function AutoCalcHeld({ locked }: { locked: boolean }) {
  const styles = useStyles();
  const c = useController();
  const state = usePaneState();
  const s = useStrings();
  const { on, held, typed } = state.autoCalc;
  if (!on || (held.length === 0 && typed.length === 0)) return null;
  return (
    <div className={styles.box} data-testid="autocalc-status">
      {held.length ? (
        <>
          <Caption1>{s.autoCalcHeldTitle}</Caption1>
          <ul className={styles.list} tabIndex={0} aria-label={s.autoCalcHeldTitle}>
            {held.map((k, i) => (
              <li key={`${k.address}-${k.because}-${i}`} className={styles.item} data-testid="autocalc-held" data-addr={k.address} data-because={k.because}>
                <Caption1>
                  <span className={styles.mono}>{k.address}</span> {s.reasons[k.reason] ?? k.reason}：{s.because[k.because] ?? k.because}
                  {k.blockedBy ? `（${k.blockedBy}）` : ''}
                </Caption1>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {typed.length ? (
        <>
          <Caption1 className={mergeClasses(styles.caption)} data-testid="autocalc-typed" data-cells={typed.join(',')}>
            {s.autoCalcTypedTitle(typed.length)} {typed.join('、')}
          </Caption1>
          <Button size="small" className={styles.button} disabledFocusable={locked} onClick={() => void c.adoptTyped()} data-testid="autocalc-adopt">
            {s.autoCalcAdopt}
          </Button>
        </>
      ) : null}
    </div>
  );
}
