/**
 * The workbench page: the real task pane beside the in-memory workbook it works on, with a sample or an
 * .xlsx of the user's, a formula bar to type into cells as a user would, and a language toggle.
 */
import { useEffect, useState, useSyncExternalStore, type ChangeEvent, type FormEvent } from 'react';
import { Button, Caption1, FluentProvider, Input, Label, makeStaticStyles, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { parseA1 } from '../src/grid/address';
import { PaneRoot } from '../taskpane/App';
import { strings } from '../taskpane/i18n';
import type { ThemeKind } from '../taskpane/theme';
import { XLSX_ACCEPT } from '../taskpane/components/ActionBar';
import { GridView } from './GridView';
import type { Session } from './session';

export interface WorkbenchStore {
  get(): Session;
  subscribe(listener: () => void): () => void;
  loadSample(): Promise<void>;
  loadFile(name: string, data: ArrayBuffer): Promise<void>;
  /** The last load problem, if any (shown in the header). */
  problem(): string | null;
}

const usePageStyles = makeStaticStyles({ 'html, body': { margin: 0, padding: 0, height: '100%', overflow: 'hidden' } });

const useStyles = makeStyles({
  page: { display: 'grid', gridTemplateRows: 'auto 1fr', height: '100vh', backgroundColor: tokens.colorNeutralBackground3 },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  h1: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  body: { display: 'grid', gridTemplateColumns: 'minmax(320px, 380px) 1fr', minHeight: 0 },
  paneCol: { overflowY: 'auto', borderRight: `1px solid ${tokens.colorNeutralStroke1}`, minHeight: 0 },
  sheetCol: { display: 'flex', flexDirection: 'column', minWidth: 0, minHeight: 0, backgroundColor: tokens.colorNeutralBackground1 },
  tabs: { display: 'flex', gap: tokens.spacingHorizontalXS, padding: tokens.spacingHorizontalXS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, alignItems: 'center', flexWrap: 'wrap' },
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', padding: tokens.spacingHorizontalXS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  address: { width: '6em' },
  content: { flexGrow: 1 },
  problem: { color: tokens.colorPaletteRedForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function Workbench({ store, theme }: { store: WorkbenchStore; theme: ThemeKind }) {
  usePageStyles();
  const styles = useStyles();
  const session = useSyncExternalStore(store.subscribe, store.get, store.get);
  const state = useSyncExternalStore(session.controller.subscribe, session.controller.getState, session.controller.getState);
  useSyncExternalStore(session.subscribe, session.getVersion, session.getVersion);
  const s = strings(state.locale);
  // Its own subscription: a failed load keeps the session, so the session snapshot alone would not redraw.
  const problem = useSyncExternalStore(store.subscribe, store.problem, store.problem);
  const sheets = session.excel.wb.sheets;
  const active = session.excel.activeSheet;
  const hidden = sheets.filter((x) => x.visibility !== 'Visible').length;

  useEffect(() => {
    document.documentElement.lang = state.locale;
  }, [state.locale]);

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = '';
    if (f) void f.arrayBuffer().then((data) => store.loadFile(f.name, data));
  };

  return (
    <FluentProvider theme={webLightTheme}>
      <div className={styles.page}>
        <header className={styles.header}>
          <h1 className={styles.h1}>
            {s.appTitle} · {s.wbTitle}
          </h1>
          <Button size="small" onClick={() => void store.loadSample()} data-testid="wb-sample">
            {s.wbLoadSample}
          </Button>
          <Label size="small">
            {s.wbLoadFile}{' '}
            <input type="file" accept={XLSX_ACCEPT} onChange={onFile} data-testid="wb-file" />
          </Label>
          <Button
            size="small"
            onClick={() => session.controller.updateSettings({ language: state.locale === 'zh-CN' ? 'en-US' : 'zh-CN' })}
            data-testid="wb-lang"
          >
            {s.wbLanguage}
          </Button>
          <Caption1 className={styles.muted}>{s.wbApi(session.excel.level.excelApi)}</Caption1>
          <Caption1 className={problem ? styles.problem : styles.muted} role={problem ? 'alert' : 'status'} data-testid="wb-status" data-problem={problem ? 'true' : 'false'}>
            {problem ?? s.wbLoaded(session.name)}
          </Caption1>
        </header>
        <div className={styles.body}>
          <aside className={styles.paneCol} aria-label={s.appTitle}>
            <PaneRoot key={session.id} controller={session.controller} theme={theme} />
          </aside>
          <section className={styles.sheetCol} aria-label={s.wbGrid}>
            <nav className={styles.tabs} aria-label={s.wbSheets}>
              {sheets
                .filter((x) => x.visibility === 'Visible')
                .map((x) => (
                  <Button
                    key={x.id}
                    size="small"
                    appearance={x.id === active.id ? 'primary' : 'subtle'}
                    aria-pressed={x.id === active.id}
                    onClick={() => session.showSheet(x.name)}
                    data-testid="wb-tab"
                  >
                    {x.name}
                  </Button>
                ))}
              {hidden ? <Caption1 className={styles.muted}>+{hidden} hidden</Caption1> : null}
            </nav>
            <FormulaBar session={session} label={s.wbCellEditor} addressLabel={s.wbAddress} valueLabel={s.wbValue} enter={s.wbEnter} />
            <GridView session={session} label={s.wbGrid} emptyText="—" />
          </section>
        </div>
      </div>
    </FluentProvider>
  );
}

/** What the formula bar shows for a cell: its formula, else its value as text. */
function contentAt(session: Session, address: string): string {
  try {
    const { row, col } = parseA1(address);
    const cell = session.excel.activeSheet.cells.get(`${row},${col}`);
    const v = cell?.value;
    return cell?.formula ?? (v === null || v === undefined ? '' : typeof v === 'object' ? v.error : String(v));
  } catch {
    return '';
  }
}

function FormulaBar({ session, label, addressLabel, valueLabel, enter }: { session: Session; label: string; addressLabel: string; valueLabel: string; enter: string }) {
  const styles = useStyles();
  // Redraws with the session, so a click in the grid (session.picked) reaches the effect below.
  useSyncExternalStore(session.subscribe, session.getVersion, session.getVersion);
  const [address, setAddress] = useState(session.picked);
  const [content, setContent] = useState(() => contentAt(session, session.picked));
  const [error, setError] = useState<string | null>(null);
  // A new pick (or a new session) resets both fields, during render rather than in an effect, as React
  // recommends for state that follows a prop (https://react.dev/learn/you-might-not-need-an-effect).
  const [shownFor, setShownFor] = useState({ session, picked: session.picked });
  if (shownFor.session !== session || shownFor.picked !== session.picked) {
    setShownFor({ session, picked: session.picked });
    setAddress(session.picked);
    setContent(contentAt(session, session.picked));
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    try {
      parseA1(address);
      session.userEdit(address.trim().toUpperCase(), content);
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <form className={styles.bar} onSubmit={submit} aria-label={label}>
      <Input className={styles.address} size="small" aria-label={addressLabel} value={address} onChange={(_, d) => setAddress(d.value)} data-testid="wb-address" />
      <Input className={styles.content} size="small" aria-label={valueLabel} value={content} onChange={(_, d) => setContent(d.value)} data-testid="wb-content" />
      <Button size="small" type="submit" data-testid="wb-enter">
        {enter}
      </Button>
      {error ? <Caption1 className={styles.problem}>{error}</Caption1> : null}
    </form>
  );
}
