/**
 * Entry of the ribbon functions (webpack entry "commands").
 *
 * Loaded by taskpane.html, the page manifest.xml names as the shared runtime and as the function file (so
 * hosts without a shared runtime load it, invisibly, for the ribbon too), and by commands.html, the
 * function file of the SHARED_RUNTIME=off manifest variant. Registers each
 * ExecuteFunction of manifest.xml with Office.actions.associate and, for hosts that look function-file
 * functions up by name, as a global function of the same name.
 */
import * as adapter from './adapter-port';
import { makeHandlers, localeOf, type CommandHandler, type CommandName } from './handlers';
import { publishStatus, type CommandStatus } from './status';

/** True when this page is the task pane's page and the host shares it with the ribbon. */
function inSharedTaskpane(): boolean {
  try {
    return (
      typeof document !== 'undefined' &&
      document.documentElement.getAttribute('data-page') === 'taskpane' &&
      Office.context.requirements.isSetSupported('SharedRuntime', '1.1')
    );
  } catch {
    return false;
  }
}

/** Errors are shown by the task pane: in a shared runtime, bring it up (it reads the status). */
function report(status: CommandStatus): void {
  publishStatus(status);
  if (!status.ok && inSharedTaskpane()) {
    const failed = (error: unknown) => console.error('jixiao: showAsTaskpane failed', error);
    try {
      Office.addin.showAsTaskpane().catch(failed);
    } catch (error) {
      failed(error);
    }
  }
}

export const handlers = makeHandlers({
  adapter,
  locale: () => localeOf(Office.context.displayLanguage),
  report,
});

function register(name: CommandName, handler: CommandHandler): void {
  const actions = typeof Office === 'undefined' ? undefined : Office.actions;
  if (actions && typeof actions.associate === 'function') actions.associate(name, handler);
  // Older hosts call the function file's global function of that name.
  (globalThis as Record<string, unknown>)[name] = handler;
}

// The names must match <FunctionName> in manifest.xml (test/manifest.test.ts checks both ways).
register('checkForm', handlers.checkForm);
register('fillComputed', handlers.fillComputed);
register('clearMarks', handlers.clearMarks);

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  // A function file must initialise Office.js; the handlers themselves run only after Office calls them.
  void Office.onReady();
}
