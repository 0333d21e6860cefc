/**
 * Entry of the classic pane (legacy ES5 build, loaded by boot.js on taskpane.html in Internet Explorer 11
 * and Edge Legacy). Like ../index.tsx it is the only file of its pane that touches the Office globals, and
 * it mounts the same PaneController over officeHost(); only the view differs (./view, plain DOM).
 */
import { officeHost } from '../../src/excel';
import { lastStatus, onStatus } from '../../src/commands/status';
import { PaneController } from '../controller';
import { browserStorage, officeEnv } from '../office-env';
import { loadSettings } from '../settings';
import { ClassicPane } from './view';
import { installStyle } from './style';

/** A ribbon outcome is news for a while; one from an earlier session is not shown. */
const STATUS_FRESH_MS = 10 * 60 * 1000;

function recentStatus() {
  const s = lastStatus();
  const at = s ? new Date(s.at).getTime() : NaN;
  return s && isFinite(at) && new Date().getTime() - at < STATUS_FRESH_MS ? s : null;
}

function mount(): void {
  const root = document.getElementById('root');
  if (!root) return;
  installStyle(document);
  const store = browserStorage();
  const env = officeEnv(Office);
  const host = officeHost();
  const controller = new PaneController({
    host,
    displayLanguage: env.displayLanguage,
    settings: loadSettings(store),
    storage: store,
  });
  const pane = new ClassicPane(root, controller, {
    isSetSupported: (name, version) => host.isSetSupported(name, version),
    commandStatus: recentStatus,
  });
  onStatus(() => pane.render());
  (window as unknown as { __jixiaoClassic?: unknown }).__jixiaoClassic = { controller, pane };
}

// Outside an Office host (no host in the info) boot.js explains instead.
void Office.onReady((info) => {
  if (info && info.host) mount();
});
