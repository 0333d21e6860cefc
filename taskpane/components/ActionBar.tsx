/** The pane's buttons: real <button>s in reading order, each its own Tab stop, and the auto-calc switch. */
import { useRef, type ChangeEvent } from 'react';
import { Button, Caption1, Switch, ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { BACKGROUND } from '../controller';
import { useController, usePaneState, useStrings } from '../useController';
import { AutoCalcHeld } from './AutoCalcHeld';

const useStyles = makeStyles({
  group: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(128px, 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  button: { justifyContent: 'flex-start', minWidth: 0 },
  hiddenInput: { display: 'none' },
  auto: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  autoWrap: { display: 'inline-flex', alignSelf: 'flex-start' },
  caption: { color: tokens.colorNeutralForeground3 },
});

export const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_ACCEPT = '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function ActionBar({ settingsOpen, onToggleSettings }: { settingsOpen: boolean; onToggleSettings(): void }) {
  const styles = useStyles();
  const c = useController();
  const state = usePaneState();
  const s = useStrings();
  const file = useRef<HTMLInputElement>(null);
  const wordFile = useRef<HTMLInputElement>(null);
  const locked = !!state.busy && !BACKGROUND.includes(state.busy);

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = ''; // the same file may be picked again
    if (f) void c.previewImport(f);
  };
  const onWordFile = (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = '';
    if (f) void c.importWord(f);
  };

  const common = { className: styles.button, disabledFocusable: locked };
  return (
    <>
      <div role="group" aria-label={s.toolbarLabel} className={styles.group}>
        <Button {...common} appearance="primary" title={s.actionHints.check} onClick={() => void c.check()} data-action="check">
          {s.actions.check}
        </Button>
        <Button {...common} title={s.actionHints.fill} onClick={() => void c.previewFill()} data-action="fill">
          {s.actions.fill}
        </Button>
        <Button
          {...common}
          title={s.actionHints.undo}
          disabledFocusable={locked || state.undoDepth === 0}
          onClick={() => void c.undo()}
          data-action="undo"
        >
          {s.actions.undo}
        </Button>
        <Button {...common} title={s.actionHints.clearMarks} onClick={() => void c.clearMarks()} data-action="clearMarks">
          {s.actions.clearMarks}
        </Button>
        <Button {...common} title={s.actionHints.template} onClick={() => void c.insertTemplate()} data-action="template">
          {s.actions.template}
        </Button>
        <Button {...common} title={s.actionHints.roll} onClick={() => void c.previewRoll()} data-action="roll">
          {s.actions.roll}
        </Button>
        <Button {...common} title={s.actionHints.importLast} onClick={() => file.current?.click()} data-action="import">
          {s.actions.importLast}
        </Button>
        <Button {...common} title={s.actionHints.importWord} onClick={() => wordFile.current?.click()} data-action="importWord">
          {s.actions.importWord}
        </Button>
        <ToggleButton
          className={styles.button}
          checked={settingsOpen}
          aria-expanded={settingsOpen}
          aria-controls="jx-settings"
          onClick={onToggleSettings}
          data-action="settings"
        >
          {s.actions.settings}
        </ToggleButton>
        <ToggleButton
          className={styles.button}
          checked={!state.settings.guideDismissed}
          aria-expanded={!state.settings.guideDismissed}
          aria-controls="jx-guide"
          title={s.actionHints.help}
          onClick={c.toggleGuide}
          data-action="help"
        >
          {s.actions.help}
        </ToggleButton>
        <input
          ref={file}
          className={styles.hiddenInput}
          type="file"
          accept={XLSX_ACCEPT}
          aria-label={s.importFileLabel}
          tabIndex={-1}
          onChange={onFile}
          data-testid="import-file"
        />
        <input
          ref={wordFile}
          className={styles.hiddenInput}
          type="file"
          accept={DOCX_ACCEPT}
          aria-label={s.wordFileLabel}
          tabIndex={-1}
          onChange={onWordFile}
          data-testid="word-file"
        />
      </div>
      <AutoCalcSwitch locked={locked} />
    </>
  );
}

function AutoCalcSwitch({ locked }: { locked: boolean }) {
  const styles = useStyles();
  const c = useController();
  const state = usePaneState();
  const s = useStrings();
  const { available, on, reason } = state.autoCalc;
  const why = !available && reason ? s.autoCalcUnsupported(reason[state.locale]) : s.autoCalcHint;
  const control = (
    <Switch
      label={s.autoCalc}
      checked={on}
      disabled={!available || locked}
      onChange={(_, d) => void c.setAutoCalc(d.checked)}
      aria-describedby="jx-autocalc-why"
      data-testid="autocalc"
    />
  );
  return (
    <div className={styles.auto}>
      {/* The tooltip sits on a wrapper: a disabled control gets no pointer events. The same words are shown
          below for keyboard and screen-reader users (aria-describedby). A native tooltip keeps the floating
          positioning code out of the pane's bundle. */}
      <span className={styles.autoWrap} title={why} data-testid="autocalc-wrap">
        {control}
      </span>
      <Caption1 id="jx-autocalc-why" className={styles.caption}>
        {why}
      </Caption1>
      <AutoCalcHeld locked={locked} />
    </div>
  );
}
