/**
 * boot.js: the only bundle script on taskpane.html and commands.html, and the only one every webview runs.
 * Kept to ES5 syntax and ES5 built-ins by hand (it is compiled without polyfills; a test parses it as ES5).
 *
 * 1. Picks the build: engines with the ES2020 built-ins the modern bundles rely on load the modern list
 *    (React + Fluent UI pane), everything else (Internet Explorer 11, Edge Legacy / EdgeHTML 18, which
 *    understands <script type="module"> and so cannot be told apart by module/nomodule) loads the legacy
 *    ES5 list (classic pane). `?shell=classic` forces the legacy list, to try it in any browser.
 * 2. Loads that list in order (async = false keeps the order of dynamically added scripts, IE 10+).
 * 3. No dead end: when office.js did not load, never gets ready, or the page is open outside Office, the
 *    pane says so, in zh-CN and en-US, with what to do. A pane that starts later replaces the text.
 * Microsoft on these webviews and on failing gracefully in them:
 * https://learn.microsoft.com/office/dev/add-ins/develop/support-ie-11
 */

/** Seconds Office.js gets to call back Office.onReady before the pane explains itself. */
const READY_TIMEOUT_MS = 4000;

type Problem = 'no-office-js' | 'not-ready' | 'outside-office';

interface OfficeGlobal {
  onReady?: (callback: (info: { host?: string | null } | undefined) => void) => unknown;
}

function modernEngine(): boolean {
  try {
    return (
      typeof globalThis === 'object' &&
      typeof Promise === 'function' &&
      typeof (Promise as unknown as { allSettled?: unknown }).allSettled === 'function' &&
      // String.prototype.replaceAll shipped in the same engine versions as optional chaining (ES2020 syntax).
      typeof (String.prototype as unknown as { replaceAll?: unknown }).replaceAll === 'function' &&
      typeof (Array.prototype as unknown as { flatMap?: unknown }).flatMap === 'function' &&
      typeof (Object as unknown as { fromEntries?: unknown }).fromEntries === 'function' &&
      'noModule' in document.createElement('script')
    );
  } catch (_e) {
    return false;
  }
}

function officeJsAddress(): string {
  const scripts = document.getElementsByTagName('script');
  for (let i = 0; i < scripts.length; i++) {
    const src = scripts[i].src || '';
    if (/office(\.debug)?\.js(\?|$)/i.test(src)) return src;
  }
  return '';
}

const VERSIONS_ZH =
  '可用的 Excel：Windows 版 Excel 2016、2019、2021、2024 和 Microsoft 365（Office 2016/2019 使用精简版助手），Mac 版 Excel 和 Excel 网页版。Excel 2013 及更早版本不能运行本助手。';
const VERSIONS_EN =
  'Works in: Excel 2016, 2019, 2021, 2024 and Microsoft 365 on Windows (Office 2016/2019 get the lightweight pane), Excel for Mac and Excel on the web. Excel 2013 and older cannot run it.';

/** [title, what happened, what users do, what IT does] per problem and language. */
function texts(problem: Problem, address: string): { zh: string[]; en: string[] } {
  const where = address ? `（${address}）` : '';
  const whereEn = address ? ` (${address})` : '';
  const itZh = `信息技术人员：单位内网不能访问微软的 office.js 地址时，请把 office.js 放到内网：用 OFFICE_JS=local 重新构建并部署本加载项，或按 README 的“内网部署”一节把微软当前的 office.js 放在加载项所在的服务器上，然后重新发布清单。`;
  const itEn = `IT: where the intranet cannot reach Microsoft's office.js, host office.js on the intranet: rebuild and deploy the add-in with OFFICE_JS=local, or put Microsoft's current office.js on the add-in's own server as the README's "Intranet deployment" section describes, then publish the manifest again.`;
  if (problem === 'outside-office') {
    return {
      zh: [
        '请在 Excel 中打开本助手',
        '这个页面是 Excel 加载项“绩效目标申报表助手”的任务窗格，不能单独在浏览器中使用。',
        `用户：在 Excel 中添加本加载项（信息技术人员提供的清单 manifest.xml），然后点击“绩效申报”选项卡上的“打开助手”。${VERSIONS_ZH}`,
        '信息技术人员：部署方法见 README 的“内网部署”一节。',
      ],
      en: [
        'Open the assistant in Excel',
        'This page is the task pane of the Excel add-in "Performance Target Form Assistant"; it does not work on its own in a browser.',
        `Users: add the add-in in Excel (the manifest.xml your IT provides), then click 打开助手 (Open assistant) on the 绩效申报 tab. ${VERSIONS_EN}`,
        'IT: see the README, section "Intranet deployment".',
      ],
    };
  }
  const happenedZh =
    problem === 'no-office-js'
      ? `未能加载 Office.js${where}。Office.js 是微软提供、每个 Excel 加载项都必需的脚本，通常是因为电脑不能访问这个地址。`
      : `Office.js${where} 已加载，但 ${READY_TIMEOUT_MS / 1000} 秒内没有就绪。可能是在浏览器中而不是在 Excel 中打开了本页，或者 Office.js 的其他文件无法下载。`;
  const happenedEn =
    problem === 'no-office-js'
      ? `Office.js could not be loaded${whereEn}. Office.js is Microsoft's script that every Excel add-in needs; usually this computer cannot reach that address.`
      : `Office.js${whereEn} loaded but did not get ready within ${READY_TIMEOUT_MS / 1000} seconds. The page may be open in a browser rather than in Excel, or Office.js cannot download its other files.`;
  return {
    zh: ['助手无法启动', happenedZh, `用户：请关闭并重新打开助手；如果仍然出现本提示，请联系信息技术人员。${VERSIONS_ZH}`, itZh],
    en: ['The assistant cannot start', happenedEn, `Users: close and reopen the assistant; if this message stays, contact your IT. ${VERSIONS_EN}`, itEn],
  };
}

function paragraph(parent: HTMLElement, tag: string, text: string, style: string): void {
  const el = document.createElement(tag);
  el.appendChild(document.createTextNode(text));
  el.setAttribute('style', style);
  parent.appendChild(el);
}

/** Shows the explanation in #root (pages without #root, the function file, have nobody to tell). */
function explain(problem: Problem): void {
  const root = document.getElementById('root');
  if (!root) return;
  const t = texts(problem, officeJsAddress());
  const box = document.createElement('div');
  box.id = 'jixiao-startup-problem';
  box.setAttribute('role', 'alert');
  box.setAttribute('data-problem', problem);
  box.setAttribute('style', 'font-family: "Microsoft YaHei", "Segoe UI", sans-serif; font-size: 14px; line-height: 1.5; padding: 12px; color: #201f1e; word-wrap: break-word; overflow-wrap: break-word;');
  const langs: [string, string[]][] = [
    ['zh-CN', t.zh],
    ['en-US', t.en],
  ];
  for (let i = 0; i < langs.length; i++) {
    const section = document.createElement('div');
    section.setAttribute('lang', langs[i][0]);
    const lines = langs[i][1];
    paragraph(section, 'h2', lines[0], 'font-size: 16px; margin: 0 0 8px 0;');
    for (let j = 1; j < lines.length; j++) paragraph(section, 'p', lines[j], 'margin: 0 0 8px 0;');
    if (i === 0) section.setAttribute('style', 'border-bottom: 1px solid #c8c6c4; margin-bottom: 12px; padding-bottom: 4px;');
    box.appendChild(section);
  }
  while (root.firstChild) root.removeChild(root.firstChild);
  root.appendChild(box);
}

function load(list: string): void {
  const files = list.split(' ');
  const head = document.getElementsByTagName('head')[0] || document.documentElement;
  for (let i = 0; i < files.length; i++) {
    if (!files[i]) continue;
    const script = document.createElement('script');
    script.src = files[i];
    script.async = false;
    head.appendChild(script);
  }
}

function boot(): void {
  const me = document.getElementById('jixiao-boot');
  if (!me) return;
  const forced = /[?&]shell=classic(&|$)/.test(window.location.search);
  const legacyList = me.getAttribute('data-legacy') || '';
  const modern = !forced && (modernEngine() || !legacyList);
  document.documentElement.setAttribute('data-shell', modern ? 'modern' : 'classic');

  const office = (window as unknown as { Office?: OfficeGlobal }).Office;
  if (!office || typeof office.onReady !== 'function') {
    explain('no-office-js');
    return;
  }
  load((modern ? me.getAttribute('data-modern') : legacyList) || '');

  let settled = false;
  const timer = window.setTimeout(() => {
    if (!settled) explain('not-ready');
  }, READY_TIMEOUT_MS);
  try {
    office.onReady((info) => {
      settled = true;
      window.clearTimeout(timer);
      // Outside an Office host Office.js still gets ready, with no host.
      if (!info || !info.host) explain('outside-office');
    });
  } catch (_e) {
    // Office.js too broken to register a callback: the timer explains.
  }
}

boot();
