/**
 * The first-run guide: four short steps above the buttons until the user clicks 知道了 (remembered in the
 * pane's settings); 帮助 in the toolbar shows it again.
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useController, usePaneState, useStrings } from '../useController';

const useStyles = makeStyles({
  guide: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorBrandStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground2,
  },
  h2: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  later: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export function Guide() {
  const styles = useStyles();
  const c = useController();
  const state = usePaneState();
  const s = useStrings();
  if (state.settings.guideDismissed) return null;
  return (
    <section id="jx-guide" className={styles.guide} aria-labelledby="jx-guide-title" data-testid="guide">
      <h2 id="jx-guide-title" className={styles.h2}>
        {s.guideTitle}
      </h2>
      <ol className={styles.steps}>
        {s.guideSteps.map((step, i) => (
          <li key={i}>{step}</li>
        ))}
      </ol>
      <div className={styles.row}>
        <Button size="small" appearance="primary" onClick={c.dismissGuide} data-testid="guide-dismiss">
          {s.guideDismiss}
        </Button>
        <span className={styles.later}>{s.guideLater}</span>
      </div>
    </section>
  );
}
