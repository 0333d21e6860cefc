/**
 * The check results: grouped by section with error / open-warning counts per group and overall. Each issue
 * is a real button (Tab to it, Enter selects its cells); a warning carries its 审核说明 box, an error none.
 * Severity is spelled out (强制 / 提示 / 已说明), never shown by colour alone. All text is React text.
 */
import { useId, useState } from 'react';
import { Badge, Button, Field, MessageBar, MessageBarBody, Textarea, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { SECTION_NAMES } from '../../src/i18n/messages';
import { issueMessage } from '../../src/engine';
import { countStatuses, statusOf } from '../../src/review/explanations';
import type { Issue } from '../../src/rules/rule';
import { cellsText, groupIssues, issueId } from '../issues';
import { BACKGROUND } from '../controller';
import { useController, usePaneState, useStrings } from '../useController';

export const MAX_EXPLANATION = 1000;

const useStyles = makeStyles({
  region: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  h2: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  summary: { margin: 0 },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  h3: {
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    margin: 0,
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalXXS,
  },
  counts: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    borderLeft: `3px solid ${tokens.colorPaletteYellowBorderActive}`,
    paddingLeft: tokens.spacingHorizontalS,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  itemError: { borderLeftColor: tokens.colorPaletteRedBorderActive },
  itemExplained: { borderLeftColor: tokens.colorPaletteGreenBorderActive },
  issueButton: {
    display: 'block',
    width: '100%',
    textAlign: 'start',
    background: 'none',
    border: 'none',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    font: 'inherit',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  line: { display: 'block', marginTop: tokens.spacingVerticalXXS },
  meta: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  badge: { marginRight: tokens.spacingHorizontalXS },
  explanation: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  explainBox: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export function IssueList() {
  const styles = useStyles();
  const state = usePaneState();
  const s = useStrings();
  const check = state.check;
  const titleId = useId();
  if (!check) return null;
  const locale = state.locale;
  const total = countStatuses(check.issues);
  const groups = groupIssues(check.issues);
  let index = 0;
  const fixed = new Set((check.fixed ?? []).map((i) => check.issues[i]));
  return (
    <section className={styles.region} aria-labelledby={titleId} data-testid="issues">
      <h2 id={titleId} className={styles.h2}>
        {s.issuesTitle}
      </h2>
      {!check.found ? (
        <MessageBar intent="warning">
          <MessageBarBody>{s.notFound(check.lookedFor.join('、'))}</MessageBarBody>
        </MessageBar>
      ) : (
        <p className={styles.summary} data-testid="summary" data-errors={total.errors} data-open={total.openWarnings} data-explained={total.explainedWarnings}>
          {check.issues.length === 0 ? s.noIssues : s.summary(total.errors, total.openWarnings, total.explainedWarnings)}
        </p>
      )}
      {check.found ? <WriteResultsButton /> : null}
      {check.stale ? (
        <MessageBar intent="info" data-testid="stale" data-moved-to={check.movedTo ?? ''}>
          <MessageBarBody>{check.movedTo ? s.staleSheet(check.sheetName, check.movedTo) : s.stale}</MessageBarBody>
        </MessageBar>
      ) : null}
      {check.notMarked ? (
        <MessageBar intent="warning">
          <MessageBarBody>{s.notMarked}</MessageBarBody>
        </MessageBar>
      ) : null}
      {groups.map((g) => {
        const headId = `${titleId}-${g.section}`;
        return (
          <section key={g.section} className={styles.group} aria-labelledby={headId} data-section={g.section}>
            <h3 id={headId} className={styles.h3}>
              <span>{SECTION_NAMES[g.section]?.[locale] ?? g.section}</span>
              <span className={styles.counts} data-testid="group-counts">
                {s.groupCounts(g.counts.errors, g.counts.openWarnings, g.counts.explainedWarnings)}
              </span>
            </h3>
            <ul className={styles.list}>
              {g.issues.map((issue) => {
                const id = issueId(issue, index++);
                return <IssueItem key={id} id={id} issue={issue} fixed={fixed.has(issue)} />;
              })}
            </ul>
          </section>
        );
      })}
    </section>
  );
}

function WriteResultsButton() {
  const c = useController();
  const state = usePaneState();
  const s = useStrings();
  const locked = !!state.busy && !BACKGROUND.includes(state.busy);
  return (
    <div>
      <Button size="small" disabledFocusable={locked} title={s.actionHints.writeResults} onClick={() => void c.writeResults()} data-action="writeResults">
        {s.actions.writeResults}
      </Button>
    </div>
  );
}

function IssueItem({ issue, id, fixed }: { issue: Issue; id: string; fixed: boolean }) {
  const styles = useStyles();
  const c = useController();
  const state = usePaneState();
  const s = useStrings();
  const status = statusOf(issue);
  const cells = cellsText(issue);
  const message = issueMessage(issue, state.locale);
  const badge =
    status === 'error' ? (
      <Badge className={styles.badge} appearance="filled" color="danger" shape="rounded">
        {s.severity.error}
      </Badge>
    ) : status === 'open' ? (
      <Badge className={styles.badge} appearance="tint" color="warning" shape="rounded">
        {s.severity.warning}
      </Badge>
    ) : (
      <Badge className={styles.badge} appearance="tint" color="success" shape="rounded">
        {s.severity.explained}
      </Badge>
    );
  return (
    <li
      className={mergeClasses(styles.item, status === 'error' && styles.itemError, status === 'explained' && styles.itemExplained)}
      data-testid="issue"
      data-rule={issue.rule}
      data-severity={issue.severity}
      data-status={status}
      data-cells={cells}
    >
      <button type="button" className={styles.issueButton} onClick={() => void c.selectIssue(issue)} title={cells ? s.goToCells(cells) : undefined}>
        {badge}
        <span>{message}</span>
        {issue.expected ? <span className={styles.line}>{s.expected(issue.expected)}</span> : null}
        {cells ? <span className={styles.meta}>{s.cellsLabel(cells)}</span> : null}
      </button>
      {issue.fix?.length ? <FixButton issue={issue} cells={cells} fixed={fixed} /> : null}
      {issue.explanation ? (
        <p className={styles.explanation} data-testid="explanation">
          {s.explainedAs(issue.explanation)}
        </p>
      ) : null}
      {issue.severity === 'warning' ? <ExplainBox issue={issue} id={id} /> : null}
    </li>
  );
}

/** 改为应为值: opens the preview of the expected value; once written, says so instead. */
function FixButton({ issue, cells, fixed }: { issue: Issue; cells: string; fixed: boolean }) {
  const c = useController();
  const state = usePaneState();
  const s = useStrings();
  const locked = !!state.busy && !BACKGROUND.includes(state.busy);
  if (fixed) {
    return (
      <div>
        <Badge appearance="tint" color="success" shape="rounded" data-testid="fixed">
          {s.fixedBadge}
        </Badge>
      </div>
    );
  }
  return (
    <div>
      <Button size="small" appearance="subtle" disabledFocusable={locked} title={s.fixHint(cells)} onClick={() => void c.previewFix(issue)} data-testid="fix">
        {s.fixButton}
      </Button>
    </div>
  );
}

function ExplainBox({ issue, id }: { issue: Issue; id: string }) {
  const styles = useStyles();
  const c = useController();
  const state = usePaneState();
  const s = useStrings();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState(issue.explanation ?? '');
  const boxId = `${id}-explain`;
  const locked = !!state.busy && !BACKGROUND.includes(state.busy);
  const save = async () => {
    await c.saveExplanation(issue, draft);
    if (c.getState().message?.intent !== 'error') setOpen(false);
  };
  return (
    <div>
      <Button
        size="small"
        appearance="subtle"
        aria-expanded={open}
        aria-controls={boxId}
        onClick={() => {
          if (!open) setDraft(issue.explanation ?? '');
          setOpen(!open);
        }}
        data-testid="explain-toggle"
      >
        {issue.explanation ? s.explainEdit : s.explainAdd}
      </Button>
      {open ? (
        <div id={boxId} className={styles.explainBox}>
          <Field label={s.explainLabel} size="small">
            <Textarea
              value={draft}
              maxLength={MAX_EXPLANATION}
              resize="vertical"
              placeholder={s.explainPlaceholder}
              onChange={(_, d) => setDraft(d.value)}
              data-testid="explain-text"
            />
          </Field>
          <div className={styles.row}>
            <Button size="small" appearance="primary" disabledFocusable={locked} onClick={() => void save()} data-testid="explain-save">
              {s.explainSave}
            </Button>
            <Button size="small" onClick={() => setOpen(false)}>
              {s.cancel}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
