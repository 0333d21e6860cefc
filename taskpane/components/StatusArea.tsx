/** Progress (after half a second), the outcome or error of the last action, and the last ribbon command's outcome. */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ActionName } from '../controller';
import type { Strings } from '../i18n';
import { useController, useDelayed, usePaneState, useStrings } from '../useController';

const useStyles = makeStyles({
  area: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  busy: { minHeight: '20px' },
  command: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

function actionLabel(s: Strings, a: ActionName): string {
  switch (a) {
    case 'check':
      return s.actions.check;
    case 'fill':
    case 'applyFill':
      return s.actions.fill;
    case 'undo':
      return s.actions.undo;
    case 'clearMarks':
      return s.actions.clearMarks;
    case 'template':
      return s.actions.template;
    case 'roll':
    case 'applyRoll':
      return s.actions.roll;
    case 'import':
    case 'applyImport':
      return s.actions.importLast;
    case 'explain':
      return s.explainSave;
    case 'autoCalc':
      return s.autoCalc;
    case 'importWord':
      return s.actions.importWord;
    case 'select':
      return s.busy;
    case 'fix':
    case 'applyFix':
      return s.fixButton;
    case 'writeResults':
      return s.actions.writeResults;
  }
}

export interface CommandStatusView {
  ok: boolean;
  message: string;
}

export function StatusArea({ commandStatus }: { commandStatus?: CommandStatusView | null }) {
  const styles = useStyles();
  const state = usePaneState();
  const controller = useController();
  const s = useStrings();
  const busy = state.busy;
  const showSpinner = useDelayed(!!busy && busy !== 'select', 500);
  const message = state.message;
  return (
    <div className={styles.area}>
      <div className={styles.busy} role="status" aria-live="polite">
        {busy && showSpinner ? <Spinner size="tiny" labelPosition="after" label={s.busyAction(actionLabel(s, busy))} data-testid="busy" /> : null}
      </div>
      {message ? (
        <MessageBar intent={message.intent} data-testid="message" data-intent={message.intent} data-code={message.code ?? ''} politeness={message.intent === 'error' ? 'assertive' : 'polite'}>
          <MessageBarBody>
            {message.intent === 'error' ? <MessageBarTitle>{s.errorTitle}</MessageBarTitle> : null}
            {message.text[state.locale]}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" size="small" aria-label={s.close} title={s.close} onClick={controller.dismissMessage}>
                ×
              </Button>
            }
          />
        </MessageBar>
      ) : null}
      {commandStatus ? (
        <p className={styles.command} data-testid="command-status">
          {s.commandStatusTitle}：{commandStatus.message}
        </p>
      ) : null}
    </div>
  );
}
