/**
 * Builds for the legacy tests: the production build exactly as `npm run build` makes it (no options but
 * the output directory), and the office.js stand-in (office-stub.ts) as one ES5 file that changes no
 * global but Office, Excel and __strictExcel (Babel's runtime with core-js-pure instead of polyfills).
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const ROOT = path.join(__dirname, '..', '..', '..');
const WEBPACK_CLI = path.join(path.dirname(require.resolve('webpack-cli/package.json')), 'bin', 'cli.js');

/** `npm run build` into a temporary directory; resolves to the directory. */
export function buildProduction(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-legacy-'));
  const env = { ...process.env };
  for (const k of ['OFFICE_JS', 'SHARED_RUNTIME', 'WORKBENCH', 'ADDIN_ORIGIN', 'NODE_ENV', 'LEGACY']) delete env[k];
  env.OUTPUT_DIR = dir;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WEBPACK_CLI, '--mode', 'production'], { cwd: ROOT, env });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0 && /compiled/.test(output) && !/\bERROR\b/.test(output)) resolve(dir);
      else reject(new Error(`webpack failed (exit ${code}):\n${output.slice(-4000)}`));
    });
  });
}

/** The office.js stand-in as one ES5 file; resolves to its path. */
export function buildOfficeStub(): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack') as typeof import('webpack');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { LEGACY_TARGETS } = require(path.join(ROOT, 'webpack.config.js')) as { LEGACY_TARGETS: Record<string, string> };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-office-stub-'));
  const babel = {
    loader: 'babel-loader',
    options: {
      babelrc: false,
      configFile: false,
      presets: [[require.resolve('@babel/preset-env'), { targets: LEGACY_TARGETS, modules: false, useBuiltIns: false }]],
      plugins: [[require.resolve('@babel/plugin-transform-runtime'), { corejs: 3 }]],
    },
  };
  return new Promise((resolve, reject) => {
    webpack(
      {
        mode: 'production',
        devtool: false,
        context: ROOT,
        target: ['web', 'es5'],
        entry: path.join(__dirname, 'office-stub.ts'),
        output: { path: dir, filename: 'office-stub.js', environment: { arrowFunction: false, const: false, destructuring: false, forOf: false } },
        resolve: { extensions: ['.ts', '.js', '.json'] },
        module: {
          rules: [
            {
              test: /\.ts$/,
              exclude: /node_modules/,
              use: [babel, { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'es2020', target: 'es2020' } } }],
            },
            {
              test: /\.m?js$/,
              include: /[\\/]node_modules[\\/]/,
              exclude: /[\\/]node_modules[\\/](core-js|core-js-pure|@babel[\\/]runtime[^\\/]*|webpack)[\\/]/,
              use: [{ ...babel, options: { ...babel.options, sourceType: 'unambiguous' } }],
            },
          ],
        },
        optimization: { minimize: false },
        performance: { hints: false },
      },
      (err, stats) => {
        if (err || !stats) return reject(err ?? new Error('no stats'));
        if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
        resolve(path.join(dir, 'office-stub.js'));
      },
    );
  });
}
