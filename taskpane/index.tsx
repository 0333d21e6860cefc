/**
 * Entry of the task pane (taskpane.html). Mounts once Office.js is ready, over officeHost(). This is the
 * only file of the pane that touches the Office globals: language, theme, storage and the ribbon's status
 * go into the controller and PaneRoot from here.
 */
import { createRoot } from 'react-dom/client';
import { officeHost } from '../src/excel';
import { lastStatus, onStatus } from '../src/commands/status';
import { PaneRoot } from './App';
import { PaneController } from './controller';
import { browserStorage, officeEnv } from './office-env';
import { loadSettings } from './settings';
import { themeKindOf } from './theme';

/** A ribbon outcome is news for a while; one from an earlier session is not shown. */
const STATUS_FRESH_MS = 10 * 60 * 1000;

function recentStatus() {
  const s = lastStatus();
  const at = s ? Date.parse(s.at) : NaN;
  return s && Number.isFinite(at) && Date.now() - at < STATUS_FRESH_MS ? s : null;
}

function mount(): void {
  const root = document.getElementById('root');
  if (!root) return;
  const store = browserStorage();
  const env = officeEnv(Office);
  const controller = new PaneController({
    host: officeHost(),
    displayLanguage: env.displayLanguage,
    settings: loadSettings(store),
    storage: store,
  });
  createRoot(root).render(
    <PaneRoot
      controller={controller}
      theme={themeKindOf(env.officeTheme)}
      commandStatus={{ last: recentStatus, subscribe: onStatus }}
      ownsDocument
    />,
  );
}

// Outside an Office host (no host in the info) boot.js explains instead.
void Office.onReady((info) => {
  if (info && info.host) mount();
});
