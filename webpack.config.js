/**
 * Builds the add-in's pages into dist/ (or $OUTPUT_DIR).
 *
 *   npm run build                     production build; manifest URLs on $ADDIN_ORIGIN
 *   npm run build:dev / watch         development build; manifest URLs stay on https://localhost:3000
 *   npm run dev-server                https://localhost:3000 with hot reload
 *
 * Environment:
 *   ADDIN_ORIGIN    https origin (optionally with a path) the production files are served from, e.g.
 *                   https://addins.example.gov.cn or https://intranet.example.gov.cn/jixiao.
 *                   Unset: the dev origin is kept and a warning is printed.
 *   OFFICE_JS       cdn (default): office.js from https://appsforoffice.microsoft.com/lib/1/hosted/office.js
 *                   local: office.js and the files it loads are copied to office-js/ and served from the
 *                   add-in's own origin, for offices without internet access.
 *   SHARED_RUNTIME  on (default) | off: off writes a manifest without <Runtimes>, whose ribbon functions
 *                   load commands.html in their own runtime (see the comment at the top of manifest.xml).
 *   WORKBENCH       1 also builds workbench.html in production (development builds always have it).
 *   OUTPUT_DIR      output directory (default: dist).
 *
 * Pages: taskpane.html (bundles "commands" + "taskpane": it is the shared runtime's page),
 * commands.html ("commands" only) and, in development, workbench.html. A guard fails the build when the
 * .xlsx reader (exceljs) lands in a chunk the task pane or the commands load up front: it may only come in
 * by dynamic import().
 *
 * Two compilations, one output:
 *  - "legacy" (built first): ES5 with core-js polyfills for Internet Explorer 11 and Edge Legacy (EdgeHTML 18),
 *    the webviews of Office 2016/2019 on Windows without WebView2. Entries: "commands" (ribbon functions),
 *    "classic" (the lightweight task pane, taskpane/classic/) and "boot". Files under legacy/, but boot.js.
 *  - "modern": the React + Fluent UI pane and the ribbon functions for WebView2, Safari and browsers, ES2020.
 * The pages carry no bundle as a <script> tag of its own: boot.js (ES5, a few hundred bytes) is the only
 * script after office.js. It picks the modern or the legacy list by feature test (EdgeHTML 18 understands
 * <script type="module">, so module/nomodule alone would hand it the modern bundles it cannot run), loads
 * that list in order, and explains in zh-CN and en-US when office.js is missing, never gets ready, or the page
 * is open outside Office. LEGACY=off skips the legacy compilation (development only; the pages then load the
 * modern list everywhere).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const DEV_ORIGIN = 'https://localhost:3000';
const DEV_PORT = 3000;
const OFFICE_JS_CDN_ORIGIN = 'https://appsforoffice.microsoft.com';
const OFFICE_JS_CDN = `${OFFICE_JS_CDN_ORIGIN}/lib/1/hosted/office.js`;
const OFFICE_JS_LOCAL = 'office-js/office.js';
const OFFICE_JS_DIST = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
/** Files of the office-js package an Excel add-in never loads (other hosts, debug builds, typings). */
const OFFICE_JS_SKIP = [
  '**/*.debug.js',
  '**/*vsdoc*',
  '**/*.d.ts',
  '**/access-*',
  '**/onenote-*',
  '**/outlook*',
  '**/powerpoint*',
  '**/project-*',
  '**/word-*',
  '**/wordios-*',
];
/** Modules that must only ever be loaded on demand: never in a page's initial chunks. */
const LAZY_ONLY = [{ test: /[\\/]node_modules[\\/]exceljs[\\/]/, what: 'exceljs (the .xlsx reader)' }];

const ROOT = __dirname;
const CERT_DIRS = {
  officeAddinDevCerts: path.join(os.homedir(), '.office-addin-dev-certs'),
  selfSigned: path.join(ROOT, '.certs'),
};

function warn(message) {
  process.stderr.write(`\n[jixiao] WARNING: ${message}\n\n`);
}

/** Checks and normalises an https origin, optionally with a path; no trailing slash. */
function normaliseOrigin(raw) {
  let url;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`ADDIN_ORIGIN is not a URL: "${raw}"`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_ORIGIN must use https (Office loads add-ins over https only): "${raw}"`);
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`ADDIN_ORIGIN must be an origin with an optional path, nothing else: "${raw}"`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function addinOrigin(production) {
  if (!production) return DEV_ORIGIN;
  const raw = process.env.ADDIN_ORIGIN;
  if (!raw || !raw.trim()) {
    warn(`ADDIN_ORIGIN is not set: dist/manifest.xml keeps ${DEV_ORIGIN}. Set it to where the files will be served, e.g. ADDIN_ORIGIN=https://addins.example.gov.cn npm run build`);
    return DEV_ORIGIN;
  }
  return normaliseOrigin(raw);
}

function flag(name, fallback) {
  const raw = (process.env[name] || '').trim().toLowerCase();
  if (!raw) return fallback;
  if (['1', 'on', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'off', 'false', 'no'].includes(raw)) return false;
  throw new Error(`${name} must be on or off, not "${process.env[name]}"`);
}

function officeJsMode() {
  const mode = (process.env.OFFICE_JS || 'cdn').trim().toLowerCase();
  if (mode !== 'cdn' && mode !== 'local') throw new Error(`OFFICE_JS must be cdn or local, not "${process.env.OFFICE_JS}"`);
  return mode;
}

/**
 * The manifest for a deployment: comments dropped (they explain the source file, and would read wrong
 * after the rewrite), every dev-origin URL moved to `origin`; with `sharedRuntime: false`, no <Runtimes>
 * and the function file on Commands.Url.
 */
function manifestFor(xml, { origin = DEV_ORIGIN, sharedRuntime = true } = {}) {
  let out = xml.replace(/[ \t]*<!--[\s\S]*?-->[ \t]*\r?\n?/g, '').split(DEV_ORIGIN).join(origin);
  if (!sharedRuntime) {
    const runtimes = /[ \t]*<Runtimes>\s*<Runtime\b[^>]*\/>\s*<\/Runtimes>[ \t]*\r?\n?/;
    const functionFile = /<FunctionFile resid="Taskpane\.Url"\s*\/>/;
    if (!runtimes.test(out) || !functionFile.test(out)) {
      throw new Error('SHARED_RUNTIME=off: manifest.xml no longer has the <Runtimes> block or FunctionFile this build rewrites');
    }
    out = out.replace(runtimes, '').replace(functionFile, '<FunctionFile resid="Commands.Url"/>');
  }
  return out;
}

/**
 * The Content-Security-Policy of the pages: scripts from files on the add-in's origin only (plus the
 * Office.js CDN in the CDN build); no inline script, no eval. Styles may be inline because Fluent UI
 * (Griffel) inserts its rules at run time.
 */
function contentSecurityPolicy({ officeJs, dev }) {
  const scripts = ["'self'"];
  if (officeJs === 'cdn') scripts.push(OFFICE_JS_CDN_ORIGIN);
  const connect = ["'self'"];
  if (dev) connect.push(`wss://localhost:${DEV_PORT}`); // the dev server's live-reload socket
  return [
    "default-src 'self'",
    `script-src ${scripts.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    // Office.js also tries to frame a telemetry page of Microsoft's; left blocked on purpose.
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * https options for the dev server: the certificate of office-addin-dev-certs when it exists, else a
 * self-signed one in .certs/ (made with openssl on first use).
 */
function ensureCertificates({ log = () => {} } = {}) {
  const dev = CERT_DIRS.officeAddinDevCerts;
  const devCert = path.join(dev, 'localhost.crt');
  const devKey = path.join(dev, 'localhost.key');
  if (fs.existsSync(devCert) && fs.existsSync(devKey)) {
    const ca = path.join(dev, 'ca.crt');
    return {
      source: 'office-addin-dev-certs',
      cert: fs.readFileSync(devCert),
      key: fs.readFileSync(devKey),
      ...(fs.existsSync(ca) ? { ca: fs.readFileSync(ca) } : {}),
    };
  }
  const dir = CERT_DIRS.selfSigned;
  const cert = path.join(dir, 'localhost.crt');
  const key = path.join(dir, 'localhost.key');
  if (!fs.existsSync(cert) || !fs.existsSync(key)) {
    fs.mkdirSync(dir, { recursive: true });
    log('generating a self-signed certificate for localhost in .certs/ (openssl)');
    try {
      execFileSync(
        'openssl',
        [
          'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '825',
          '-subj', '/CN=localhost',
          '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
          '-keyout', key, '-out', cert,
        ],
        { stdio: 'pipe' },
      );
    } catch (error) {
      throw new Error(
        'No certificate for https://localhost: run `npx office-addin-dev-certs install`, or install openssl. ' +
          `(${error.message.split('\n')[0]})`,
      );
    }
  }
  return { source: 'self-signed', cert: fs.readFileSync(cert), key: fs.readFileSync(key) };
}

/** The certificate without its `source` note, as tls.createServer takes it. */
function tlsOptions({ source: _source, ...tls }) {
  return tls;
}

/** Fails the build when a LAZY_ONLY module is in an initial chunk of one of `entries`. */
class LazyOnlyGuard {
  constructor(entries) {
    this.entries = entries;
  }

  apply(compiler) {
    compiler.hooks.afterCompile.tap('LazyOnlyGuard', (compilation) => {
      for (const entry of this.entries) {
        const entrypoint = compilation.entrypoints.get(entry);
        if (!entrypoint) continue;
        const found = new Set();
        for (const chunk of entrypoint.chunks) {
          for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
            for (const inner of module.modules ? [...module.modules] : [module]) {
              const resource = inner.resource || '';
              for (const rule of LAZY_ONLY) if (rule.test.test(resource)) found.add(rule.what);
            }
          }
        }
        for (const what of found) {
          compilation.errors.push(
            new compiler.webpack.WebpackError(
              `${what} is in an initial chunk of "${entry}". Load it with a dynamic import() only, where a file is imported.`,
            ),
          );
        }
      }
    });
  }
}


/**
 * Browsers the legacy build is for: Office 2016/2019 webviews on Windows without WebView2. With <Runtimes> in
 * the manifest such hosts always use Internet Explorer 11
 * (https://learn.microsoft.com/javascript/api/manifest/runtimes); Edge Legacy otherwise
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins).
 */
const LEGACY_TARGETS = { ie: '11', edge: '18' };
const CORE_JS_VERSION = require('core-js/package.json').version;

/**
 * core-js modules for built-ins newer than ES2020, the library the sources are type-checked against (tsconfig
 * "lib"), so our code cannot call them; the legacy graph's only package (decimal.js) is ES3 code. Babel's
 * usage heuristics would add them anyway for any `.map(` (iterator helpers), `new Set` (the Set methods),
 * `new Uint8Array` (base64) and the like.
 */
const NEWER_THAN_SOURCES = [
  // (each also as its esnext.* alias, which Babel adds beside the es.* module)
  /^es(next)?\.iterator\./,
  /^es(next)?\.set\.[a-z-]+\.v2$/,
  /^es(next)?\.(weak-)?map\.get-or-insert/,
  /^es(next)?\.uint8-array\./,
  /^es(next)?\.array-buffer\.(detached|transfer)/,
  /^es(next)?\.(array|typed-array)\.(at|find-last|find-last-index|to-reversed|to-sorted|with)$/,
  /^es(next)?\.string\.at-alternative$/,
  /^es\.error\.cause$/,
];

/**
 * Babel for the legacy build: syntax down to ES5, and core-js polyfills by usage (each module gets an
 * import of exactly the core-js modules for the built-ins it mentions and IE 11 / EdgeHTML 18 lack).
 * `polyfills: false` for boot.ts, which must stay free of them.
 */
function legacyBabel({ polyfills = true, sourceType } = {}) {
  return {
    loader: 'babel-loader',
    options: {
      babelrc: false,
      configFile: false,
      cacheDirectory: path.join(ROOT, 'node_modules', '.cache', 'babel-legacy'),
      ...(sourceType ? { sourceType } : {}),
      presets: [
        [
          require.resolve('@babel/preset-env'),
          {
            targets: LEGACY_TARGETS,
            modules: false,
            bugfixes: true,
            ...(polyfills ? { useBuiltIns: 'usage', corejs: CORE_JS_VERSION, exclude: NEWER_THAN_SOURCES } : { useBuiltIns: false }),
          },
        ],
      ],
    },
  };
}

/** Records the files of each entry of the legacy compilation, for the pages the modern compilation writes. */
class EntryFiles {
  constructor() {
    this.files = {};
  }

  apply(compiler) {
    compiler.hooks.afterCompile.tap('EntryFiles', (compilation) => {
      for (const [name, entrypoint] of compilation.entrypoints) {
        this.files[name] = entrypoint.getFiles().filter((f) => f.endsWith('.js'));
      }
    });
  }

  /** An entry's scripts without the files of `without` (boot.js is listed apart). */
  of(name) {
    const files = this.files[name];
    if (!files) throw new Error(`the legacy compilation has no entry "${name}" (did it run first?)`);
    return files;
  }
}

/** Every file of `entries` in page order, each once (the runtime and shared chunks first). */
function scriptList(files, entries) {
  const out = [];
  for (const e of entries) for (const f of files.of(e)) if (!out.includes(f)) out.push(f);
  return out;
}

module.exports = (env = {}, argv = {}) => {
  // Required here so that scripts and tests can load this file's helpers cheaply.
  const HtmlWebpackPlugin = require('html-webpack-plugin');
  const CopyWebpackPlugin = require('copy-webpack-plugin');
  const production = (argv.mode || process.env.NODE_ENV) === 'production';
  const dev = !production;
  const serving = Boolean(env.WEBPACK_SERVE);
  const origin = addinOrigin(production);
  const officeJs = officeJsMode();
  const sharedRuntime = flag('SHARED_RUNTIME', true);
  const workbench = dev || flag('WORKBENCH', false);
  const legacy = flag('LEGACY', true);
  if (production && !legacy) throw new Error('LEGACY=off is for development builds only: Office 2016/2019 need the legacy build');
  const outputDir = process.env.OUTPUT_DIR ? path.resolve(process.env.OUTPUT_DIR) : path.join(ROOT, 'dist');
  const csp = contentSecurityPolicy({ officeJs, dev: serving });
  const officeJsSrc = officeJs === 'cdn' ? OFFICE_JS_CDN : OFFICE_JS_LOCAL;
  const legacyFiles = new EntryFiles();

  /**
   * A page whose only bundle script is boot.js: the modern chunks of `modern` and the legacy chunks of
   * `legacyEntries` go into its data attributes (see taskpane/boot.ts).
   */
  const page = (filename, template, modern, legacyEntries) =>
    new HtmlWebpackPlugin({
      filename,
      template,
      chunks: modern,
      chunksSortMode: 'manual',
      inject: false,
      minify: production ? { collapseWhitespace: true, removeComments: true, keepClosingSlash: true } : false,
      templateParameters: (compilation, assets) => ({
        csp,
        officeJs: officeJsSrc,
        boot: legacy ? legacyFiles.of('boot')[0] : compilation.entrypoints.get('boot').getFiles().find((f) => f.endsWith('.js')),
        modernScripts: assets.js.join(' '),
        legacyScripts: legacy ? scriptList(legacyFiles, legacyEntries).join(' ') : '',
      }),
    });

  const tsRule = (target, extraUse = []) => ({
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: [
      ...extraUse,
      {
        loader: 'ts-loader',
        options: {
          transpileOnly: true, // `npm run typecheck` runs tsc
          compilerOptions: {
            // ES modules, so that import() makes its own chunk and unused exports are dropped.
            module: 'es2020',
            target,
            sourceMap: true,
          },
        },
      },
    ],
  });

  const common = {
    mode: production ? 'production' : 'development',
    context: ROOT,
    // Never an eval-based source map: the pages' policy has no 'unsafe-eval'.
    devtool: production ? 'source-map' : 'cheap-module-source-map',
    resolve: {
      extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'],
    },
  };

  const legacyConfig = {
    ...common,
    name: 'legacy',
    target: ['web', 'es5'],
    entry: {
      // No runtime of its own and no imports: boot.js is one small self-contained file.
      boot: { import: './taskpane/boot.ts', runtime: false },
      commands: './src/commands/commands.ts',
      classic: './taskpane/classic/index.ts',
    },
    output: {
      path: outputDir,
      publicPath: '',
      uniqueName: 'jixiaoLegacy',
      // boot.js sits beside the pages (every webview loads it); the rest under legacy/.
      filename: (pathData) =>
        `${pathData.chunk && pathData.chunk.name === 'boot' ? '' : 'legacy/'}[name]${production ? '.[contenthash:8]' : ''}.js`,
      chunkFilename: production ? 'legacy/[name].[contenthash:8].js' : 'legacy/[name].js',
      // The legacy compilation runs first: it empties the output directory for both.
      clean: true,
      environment: { arrowFunction: false, const: false, destructuring: false, forOf: false, module: false, dynamicImport: false },
    },
    resolve: {
      ...common.resolve,
      // The classic pane has no file import: the .xlsx reader stays out of the legacy build altogether.
      alias: { exceljs$: false },
    },
    module: {
      rules: [
        { ...tsRule('es2020', [legacyBabel({ polyfills: false })]), include: path.join(ROOT, 'taskpane', 'boot.ts') },
        { ...tsRule('es2020', [legacyBabel()]), exclude: [/node_modules/, path.join(ROOT, 'taskpane', 'boot.ts')] },
        {
          // Packages' own code is lowered to ES5 and gets its polyfills too (core-js and Babel's helpers excepted).
          test: /\.m?js$/,
          include: /[\\/]node_modules[\\/]/,
          exclude: /[\\/]node_modules[\\/](core-js|core-js-pure|@babel[\\/]runtime[^\\/]*|webpack)[\\/]/,
          use: [legacyBabel({ sourceType: 'unambiguous' })],
        },
      ],
    },
    optimization: {
      // commands + classic share one runtime on taskpane.html (and so one module instance of each file).
      runtimeChunk: { name: (entry) => (entry.name === 'boot' ? undefined : 'runtime') },
      splitChunks: { chunks: (chunk) => chunk.name !== 'boot' },
    },
    performance: { hints: false },
    plugins: [legacyFiles, new LazyOnlyGuard(['classic', 'commands'])],
  };

  const modernConfig = {
    ...common,
    name: 'modern',
    dependencies: legacy ? ['legacy'] : [],
    // WebView2 (Chromium), Safari 14+ on the Mac, Excel on the web's browsers; older engines get the legacy build.
    target: ['web', 'es2020'],
    entry: {
      commands: './src/commands/commands.ts',
      taskpane: './taskpane/index.tsx',
      ...(workbench ? { workbench: './workbench/index.tsx' } : {}),
      ...(legacy ? {} : { boot: { import: './taskpane/boot.ts', runtime: false } }),
    },
    output: {
      path: outputDir,
      // Pages sit at the root of the output, so chunk URLs relative to the page work under any path.
      publicPath: '',
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: legacy ? { keep: /^(legacy\/|boot\.)/ } : true,
    },
    module: {
      rules: [
        tsRule('es2020'),
        {
          // Packages may ship syntax newer than the target: TypeScript lowers their JavaScript to ES2020 too
          // (imports and exports stay for webpack).
          test: /\.m?js$/,
          include: /[\\/]node_modules[\\/]/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              compilerOptions: { allowJs: true, checkJs: false, module: 'es2020', target: 'es2020', sourceMap: false },
            },
          },
        },
      ],
    },
    optimization: {
      // One webpack runtime per page: taskpane.html runs two entries that must share module instances.
      runtimeChunk: legacy ? 'single' : { name: (entry) => (entry.name === 'boot' ? undefined : 'runtime') },
      splitChunks: {
        chunks: legacy ? 'all' : (chunk) => chunk.name !== 'boot',
        cacheGroups: {
          react: {
            test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
            name: 'react',
            chunks: 'all',
            priority: 30,
          },
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            name: 'exceljs',
            chunks: 'async',
            priority: 40,
            enforce: true,
          },
        },
      },
    },
    performance: {
      hints: production ? 'warning' : false,
      maxEntrypointSize: 600 * 1024,
      maxAssetSize: 1536 * 1024,
      assetFilter: (file) => file.endsWith('.js') && !file.startsWith('office-js/') && !file.startsWith('legacy/'),
    },
    plugins: [
      page('taskpane.html', './taskpane/taskpane.html', ['commands', 'taskpane'], ['commands', 'classic']),
      page('commands.html', './src/commands/commands.html', ['commands'], ['commands']),
      ...(workbench
        ? [
            new HtmlWebpackPlugin({
              filename: 'workbench.html',
              template: './workbench/workbench.html',
              chunks: ['workbench'],
              chunksSortMode: 'manual',
              inject: 'head',
              scriptLoading: 'defer',
              csp,
            }),
          ]
        : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => manifestFor(content.toString(), { origin, sharedRuntime }),
          },
          ...(officeJs === 'local'
            ? [
                {
                  from: OFFICE_JS_DIST,
                  to: 'office-js',
                  globOptions: { ignore: OFFICE_JS_SKIP },
                  // Microsoft's files as published: already minified, and not to be rewritten.
                  info: { minimized: true },
                },
              ]
            : []),
        ],
      }),
      new LazyOnlyGuard(['taskpane', 'commands']),
    ],
    devServer: serving
      ? {
          host: 'localhost',
          port: DEV_PORT,
          server: { type: 'https', options: tlsOptions(ensureCertificates({ log: (m) => process.stderr.write(`[jixiao] ${m}\n`) })) },
          headers: { 'Access-Control-Allow-Origin': '*' },
          static: false,
          hot: true,
          client: { overlay: { errors: true, warnings: false } },
        }
      : undefined,
  };

  return legacy ? [modernConfig, legacyConfig] : modernConfig;
};

// For scripts/start.mjs and the tests.
Object.assign(module.exports, {
  DEV_ORIGIN,
  DEV_PORT,
  OFFICE_JS_CDN,
  OFFICE_JS_CDN_ORIGIN,
  CERT_DIRS,
  manifestFor,
  normaliseOrigin,
  contentSecurityPolicy,
  ensureCertificates,
  LazyOnlyGuard,
  LEGACY_TARGETS,
});
