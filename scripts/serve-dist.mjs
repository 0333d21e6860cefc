#!/usr/bin/env node
/**
 * npm run serve:dist: serves the production build (dist/) over https, as a web server on the intranet would.
 *
 *   npm run build && npm run serve:dist                  https://localhost:3000 (certificate as for npm start)
 *   PORT=8443 DIST=out/dist npm run serve:dist           another port or directory
 *   TLS_CERT=server.crt TLS_KEY=server.key PORT=443 npm run serve:dist    the intranet server's own certificate
 *
 * For a quick local try of the real production files: build with ADDIN_ORIGIN=https://localhost:3000 so
 * that dist/manifest.xml points here, then sideload that manifest. It only reads files under the directory,
 * sends the types Office needs (text/javascript, application/xml), and never lists directories. On a real
 * intranet any static server does the same job (see the README's "Intranet deployment").
 */
import { createServer } from 'node:https';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { ensureCertificates } = require('../webpack.config.js');

const dir = resolve(ROOT, process.env.DIST || 'dist');
const port = Number(process.env.PORT || 3000);
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

if (!existsSync(join(dir, 'taskpane.html'))) {
  process.stderr.write(`No build in ${dir}: run \`npm run build\` first.\n`);
  process.exit(1);
}

function certificate() {
  if (process.env.TLS_CERT || process.env.TLS_KEY) {
    if (!process.env.TLS_CERT || !process.env.TLS_KEY) throw new Error('set both TLS_CERT and TLS_KEY (PEM files)');
    return { cert: readFileSync(process.env.TLS_CERT), key: readFileSync(process.env.TLS_KEY) };
  }
  const { source: _source, ...tls } = ensureCertificates({ log: (m) => process.stderr.write(`[jixiao] ${m}\n`) });
  return tls;
}

const tls = certificate();
const server = createServer(tls, (req, res) => {
  const url = new URL(req.url ?? '/', 'https://localhost');
  let file;
  try {
    file = resolve(dir, `.${decodeURIComponent(url.pathname)}`);
  } catch {
    file = '';
  }
  if (file === dir || url.pathname === '/') file = join(dir, 'taskpane.html');
  if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'x-content-type-options': 'nosniff' });
  createReadStream(file).pipe(res);
});

server.listen(port, () => {
  const manifest = readFileSync(join(dir, 'manifest.xml'), 'utf8');
  const origin = /<SourceLocation DefaultValue="(https:\/\/[^/"]+)/.exec(manifest)?.[1] ?? '?';
  process.stdout.write(`Serving ${dir} at https://localhost:${port}/ (Ctrl+C stops)\n`);
  if (origin !== `https://localhost:${port}`) {
    process.stdout.write(`Note: dist/manifest.xml points at ${origin}; to sideload from here build with ADDIN_ORIGIN=https://localhost:${port}\n`);
  }
});
