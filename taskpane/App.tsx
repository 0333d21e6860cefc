/**
 * The task pane as a React tree over a PaneController. Knows nothing of Office: taskpane/index.tsx builds
 * the controller over officeHost() once Office is ready; the workbench builds it over an in-memory Excel.
 */
import { useEffect, useState } from 'react';
import { FluentProvider, makeStaticStyles, makeStyles, tokens } from '@fluentui/react-components';
import type { PaneController } from './controller';
import { ActionBar } from './components/ActionBar';
import { Guide } from './components/Guide';
import { IssueList } from './components/IssueList';
import { CoverageSummary } from './components/CoverageSummary';
import { PreviewPanel } from './components/PreviewPanel';
import { SettingsPanel } from './components/SettingsPanel';
import { StatusArea, type CommandStatusView } from './components/StatusArea';
import { fluentTheme, type ThemeKind } from './theme';
import { ControllerContext, usePaneState, useStrings } from './useController';

const useStyles = makeStyles({
  pane: {
    // On <main>, not on the provider: Fluent copies the provider's classes onto its portal nodes (tooltips).
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  h1: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
});

/** The pane fills its page edge to edge (the task pane's own page only). */
const usePageStyles = makeStaticStyles({ 'html, body': { margin: 0, padding: 0 } });

export interface PaneRootProps {
  controller: PaneController;
  theme: ThemeKind;
  /** Outcomes of the ribbon commands (shared runtime or other pages of the add-in). */
  commandStatus?: { last(): CommandStatusView | null; subscribe(listener: (s: CommandStatusView) => void): () => void };
  /** Keep <html lang> in step with the pane's language (the task pane owns its page; the workbench does not). */
  ownsDocument?: boolean;
}

export function PaneRoot({ controller, theme, commandStatus, ownsDocument }: PaneRootProps) {
  return (
    <ControllerContext.Provider value={controller}>
      <ThemedPane theme={theme} commandStatus={commandStatus} ownsDocument={ownsDocument} />
    </ControllerContext.Provider>
  );
}

function PageStyles() {
  usePageStyles();
  return null;
}

function ThemedPane({ theme, commandStatus, ownsDocument }: Omit<PaneRootProps, 'controller'>) {
  const state = usePaneState();
  useEffect(() => {
    if (ownsDocument) document.documentElement.lang = state.locale;
  }, [ownsDocument, state.locale]);
  return (
    <FluentProvider theme={fluentTheme(theme)} lang={state.locale}>
      {ownsDocument ? <PageStyles /> : null}
      <Pane commandStatus={commandStatus} />
    </FluentProvider>
  );
}

function Pane({ commandStatus }: Pick<PaneRootProps, 'commandStatus'>) {
  const styles = useStyles();
  const s = useStrings();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [status, setStatus] = useState<CommandStatusView | null>(() => commandStatus?.last() ?? null);
  useEffect(() => commandStatus?.subscribe(setStatus), [commandStatus]);
  return (
    <main className={styles.pane} aria-labelledby="jx-title" data-testid="pane">
      <h1 id="jx-title" className={styles.h1}>
        {s.appTitle}
      </h1>
      <Guide />
      <ActionBar settingsOpen={settingsOpen} onToggleSettings={() => setSettingsOpen(!settingsOpen)} />
      <StatusArea commandStatus={status} />
      {settingsOpen ? <SettingsPanel /> : null}
      <PreviewPanel />
      <CoverageSummary />
      <IssueList />
    </main>
  );
}
