/** What the last check read: the parts of the form found and checked, and those not found (so not checked). */
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { PART_NAMES } from '../../src/read/coverage';
import { usePaneState, useStrings } from '../useController';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  missing: { color: tokens.colorPaletteRedForeground1 },
  read: { color: tokens.colorNeutralForeground2 },
});

export function CoverageSummary() {
  const styles = useStyles();
  const state = usePaneState();
  const s = useStrings();
  const coverage = state.check?.found ? state.check.coverage : undefined;
  if (!coverage) return null;
  const name = (part: keyof typeof PART_NAMES) => PART_NAMES[part][state.locale].replace(/（.*）|\s*\(.*\)/, '');
  const sep = state.locale === 'zh-CN' ? '、' : ', ';
  const read = coverage.parts.filter((p) => p.found).map((p) => name(p.part));
  const missing = coverage.parts.filter((p) => !p.found).map((p) => name(p.part));
  return (
    <div className={styles.box} data-testid="coverage" data-complete={coverage.complete ? 'true' : 'false'}>
      <Caption1 className={styles.read}>
        {s.coverageRead}：{read.join(sep) || '—'}
        {missing.length === 0 ? s.coverageAll : ''}
        {coverage.computedFormulas > 0 ? `；${s.coverageFormulas(coverage.computedFormulas)}` : ''}
      </Caption1>
      {missing.length > 0 ? (
        <Caption1 className={styles.missing} data-testid="coverage-missing">
          {s.coverageMissing}：{missing.join(sep)}
        </Caption1>
      ) : null}
    </div>
  );
}
