/**
 * The classic pane: plain DOM over the same PaneController as the React pane (../controller), for webviews
 * that cannot run React 19 and Fluent UI (Internet Explorer 11, Edge Legacy). It renders the controller's
 * state after every change and calls the controller's actions; it holds no state of its own beyond focus.
 * Text only goes in as text nodes, never as HTML.
 */
import { issueMessage } from '../../src/engine';
import { SECTION_NAMES } from '../../src/i18n/messages';
import type { Issue } from '../../src/rules/rule';
import type { CommandStatus } from '../../src/commands/status';
import { BACKGROUND, type PaneController, type PaneState, type FillPreview } from '../controller';
import { describeCellContent } from '../format';
import { STRINGS } from '../i18n';
import { cellsText, groupIssues } from '../issues';
import { CLASSIC_STRINGS } from './strings';

type Child = Node | string | null | undefined | false;

function h(tag: string, attrs: Record<string, string | undefined> | null, ...children: (Child | Child[])[]): HTMLElement {
  const el = document.createElement(tag);
  if (attrs) {
    for (const name in attrs) {
      const v = attrs[name];
      if (v !== undefined) el.setAttribute(name, v);
    }
  }
  const add = (c: Child | Child[]): void => {
    if (c === null || c === undefined || c === false) return;
    if (Array.isArray(c)) {
      for (let i = 0; i < c.length; i++) add(c[i]);
    } else el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  };
  for (let i = 0; i < children.length; i++) add(children[i]);
  return el;
}

function on(el: HTMLElement, handler: () => void): HTMLElement {
  el.addEventListener('click', (event) => {
    event.preventDefault();
    handler();
  });
  return el;
}

export interface ClassicOptions {
  /** Which ExcelApi sets the host has, for the "needs a newer Excel" lines. */
  isSetSupported(name: string, version: string): boolean;
  /** The last ribbon command's outcome, if one is fresh. */
  commandStatus?: () => CommandStatus | null;
}

/** The highest ExcelApi 1.x the host reports, for people to quote to IT. */
function apiLevel(isSetSupported: ClassicOptions['isSetSupported']): string {
  let best = '1.1';
  for (let minor = 2; minor <= 30; minor++) {
    let ok = false;
    try {
      ok = isSetSupported('ExcelApi', `1.${minor}`);
    } catch (_e) {
      ok = false;
    }
    if (!ok) break;
    best = `1.${minor}`;
  }
  return best;
}

export class ClassicPane {
  private readonly unsubscribe: () => void;

  constructor(
    private readonly root: HTMLElement,
    private readonly controller: PaneController,
    private readonly options: ClassicOptions,
  ) {
    this.unsubscribe = controller.subscribe(() => this.render());
    this.render();
  }

  dispose(): void {
    this.unsubscribe();
  }

  render(): void {
    const active = document.activeElement as HTMLElement | null;
    const focusKey = active && this.root.contains(active) ? active.getAttribute('data-key') : null;
    const state = this.controller.getState();
    const view = this.view(state);
    while (this.root.firstChild) this.root.removeChild(this.root.firstChild);
    this.root.appendChild(view);
    if (focusKey) {
      const again = this.root.querySelector(`[data-key="${focusKey}"]`) as HTMLElement | null;
      if (again) again.focus();
    }
  }

  private view(state: PaneState): HTMLElement {
    const s = STRINGS[state.locale];
    const c = CLASSIC_STRINGS[state.locale];
    const ctl = this.controller;
    const blocked = !!state.busy && BACKGROUND.indexOf(state.busy) < 0;
    const button = (key: string, label: string, title: string, action: () => void, disabled = false, primary = false) =>
      on(
        h('button', {
          type: 'button',
          'data-key': key,
          'data-testid': `classic-${key}`,
          title,
          class: primary ? 'jx-primary' : undefined,
          disabled: blocked || disabled ? 'disabled' : undefined,
        }, label),
        () => {
          if (!blocked && !disabled) action();
        },
      );

    const language = h(
      'select',
      { 'data-key': 'language', 'aria-label': c.language },
      h('option', { value: 'zh-CN', selected: state.locale === 'zh-CN' ? 'selected' : undefined }, '中文'),
      h('option', { value: 'en-US', selected: state.locale === 'en-US' ? 'selected' : undefined }, 'English'),
    ) as HTMLSelectElement;
    language.addEventListener('change', () => ctl.updateSettings({ language: language.value === 'en-US' ? 'en-US' : 'zh-CN' }));

    const status = this.options.commandStatus ? this.options.commandStatus() : null;
    return h(
      'div',
      { class: 'jx', 'data-testid': 'classic-pane', lang: state.locale },
      h('div', { class: 'jx-head' }, h('div', { class: 'jx-title' }, h('h1', null, s.appTitle)), h('label', null, `${c.language} `, language)),
      h('p', { class: 'jx-sub' }, c.subtitle),
      h(
        'div',
        { class: 'jx-bar', role: 'toolbar', 'aria-label': s.toolbarLabel },
        button('check', s.actions.check, s.actionHints.check, () => void ctl.check(), false, true),
        button('fill', s.actions.fill, s.actionHints.fill, () => void ctl.previewFill()),
        button('undo', s.actions.undo, s.actionHints.undo, () => void ctl.undo(), state.undoDepth === 0),
        button('clearMarks', s.actions.clearMarks, s.actionHints.clearMarks, () => void ctl.clearMarks()),
      ),
      state.busy && blocked ? h('p', { class: 'jx-note', role: 'status' }, s.busy) : null,
      status ? h('p', { class: 'jx-note', 'data-testid': 'classic-command-status' }, c.lastCommand + status.message) : null,
      state.message
        ? h('div', { class: `jx-msg jx-msg-${state.message.intent}`, role: state.message.intent === 'error' ? 'alert' : 'status', 'data-testid': 'classic-message' }, state.message.text[state.locale])
        : null,
      state.preview && state.preview.kind === 'fill' ? this.preview(state, state.preview, button) : null,
      this.checkView(state),
      this.newer(state),
    );
  }

  private preview(
    state: PaneState,
    p: FillPreview,
    button: (key: string, label: string, title: string, action: () => void, disabled?: boolean, primary?: boolean) => HTMLElement,
  ): HTMLElement {
    const s = STRINGS[state.locale];
    const c = CLASSIC_STRINGS[state.locale];
    const rows = p.rows.map((r) =>
      h(
        'tr',
        { 'data-testid': 'classic-preview-row', 'data-address': r.address },
        h('td', null, r.address),
        h('td', null, describeCellContent(r.oldValue, r.oldFormula, r.oldFormat, s.empty)),
        h('td', null, describeCellContent(r.newValue, r.newFormula, r.newFormat, s.empty)),
        h('td', null, s.reasons[r.reason] || r.reason),
      ),
    );
    return h(
      'div',
      { 'data-testid': 'classic-preview', role: 'region', 'aria-label': s.previewRegion },
      h('h2', null, s.fillTitle),
      rows.length
        ? [
            h('p', { class: 'jx-note' }, s.willWrite(rows.length)),
            h('table', null, h('thead', null, h('tr', null, h('th', null, s.colCell), h('th', null, s.colOld), h('th', null, s.colNew), h('th', null, s.colKind))), h('tbody', null, rows)),
          ]
        : h('p', { class: 'jx-note' }, s.nothingToWrite),
      p.skipped.length ? h('p', { class: 'jx-note' }, c.skippedTitle(p.skipped.length)) : null,
      p.unavailable.length ? h('p', { class: 'jx-note' }, s.unavailable + p.unavailable.map((u) => s.unavailableReason(u.reason)).join(state.locale === 'zh-CN' ? '；' : '; ')) : null,
      h(
        'div',
        { class: 'jx-bar' },
        button('apply', s.apply, s.apply, () => void this.controller.applyFill(), rows.length === 0, true),
        button('cancel', s.cancel, s.cancel, () => this.controller.cancelPreview()),
      ),
    );
  }

  private checkView(state: PaneState): HTMLElement | null {
    const check = state.check;
    if (!check) return null;
    const s = STRINGS[state.locale];
    const c = CLASSIC_STRINGS[state.locale];
    if (!check.found) return h('div', { class: 'jx-msg jx-msg-warning', role: 'status' }, s.notFound(check.lookedFor.join('、')));
    const errors = check.issues.filter((i) => i.severity === 'error').length;
    const groups = groupIssues(check.issues);
    return h(
      'div',
      { 'data-testid': 'classic-issues', role: 'region', 'aria-label': s.issuesRegion },
      h('h2', null, s.issuesTitle),
      h('p', { class: 'jx-note' }, c.sheet(check.sheetName)),
      check.issues.length ? h('p', { class: 'jx-note' }, c.issueCount(check.issues.length, errors, check.issues.length - errors)) : null,
      check.notMarked ? h('p', { class: 'jx-note' }, s.notMarked) : null,
      check.stale ? h('p', { class: 'jx-note' }, s.stale) : null,
      groups.map((g) =>
        h('div', null, h('h3', null, SECTION_NAMES[g.section] ? SECTION_NAMES[g.section][state.locale] : g.section), h('ul', null, g.issues.map((issue, n) => this.issue(state, issue, `${g.section}-${n}`)))),
      ),
    );
  }

  private issue(state: PaneState, issue: Issue, key: string): HTMLElement {
    const s = STRINGS[state.locale];
    const cells = cellsText(issue);
    const error = issue.severity === 'error';
    return h(
      'li',
      { 'data-testid': 'classic-issue', 'data-rule': issue.rule, 'data-severity': issue.severity, 'data-cells': cells },
      on(
        h(
          'button',
          { type: 'button', class: error ? 'jx-issue jx-issue-error' : 'jx-issue', 'data-key': `issue-${key}`, title: cells ? s.goToCells(cells) : undefined },
          h('span', { class: 'jx-tag' }, error ? s.severity.error : s.severity.warning),
          issueMessage(issue, state.locale),
          issue.expected ? h('span', { class: 'jx-line' }, s.expected(issue.expected)) : null,
          cells ? h('span', { class: 'jx-line' }, s.cellsLabel(cells)) : null,
        ),
        () => void this.controller.selectIssue(issue),
      ),
    );
  }

  private newer(state: PaneState): HTMLElement {
    const c = CLASSIC_STRINGS[state.locale];
    const has = (v: string) => {
      try {
        return this.options.isSetSupported('ExcelApi', v);
      } catch (_e) {
        return false;
      }
    };
    return h(
      'div',
      { class: 'jx-newer', 'data-testid': 'classic-newer' },
      h('h2', null, c.newerTitle),
      h('p', null, c.newerPane),
      !has('1.10') ? h('p', null, c.newerNotes) : null,
      !has('1.7') ? h('p', null, c.newerEvents) : null,
      h('p', null, c.api(apiLevel(this.options.isSetSupported))),
    );
  }
}
