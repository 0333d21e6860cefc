// ESLint (flat config): the recommended sets of ESLint, typescript-eslint and React's hooks rules, and the
// Office add-in rules (load before read, sync after load, no sync in a loop) of eslint-plugin-office-addins.
// `npm run lint` runs it; `npm test` counts it as one test, so CI fails on a lint error.
import js from '@eslint/js';
import officeAddins from 'eslint-plugin-office-addins';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The plugin's own "recommended" also turns on Prettier formatting and an old parser setup; only its Office
// rules are taken, with the severities it recommends, but two. call-sync-after-load and call-sync-before-read
// recognise only a literal `context.sync()` earlier in the file's text; the adapter queues its reads in one
// function, syncs once in the caller through a SyncCounter (`counter.sync(ctx)`, which the tests and the
// benchmark count) and reads in a closure after it. What those rules guard is enforced at run time instead:
// the strict in-memory Excel of the tests throws PropertyNotLoaded on any read before load and sync.
const STATICALLY_BLIND = ['office-addins/call-sync-after-load', 'office-addins/call-sync-before-read'];
const officeRules = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((config) => Object.entries(config.rules ?? {}))
    .filter(([name]) => name.startsWith('office-addins/') && !STATICALLY_BLIND.includes(name)),
);

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-cli/', 'coverage/', 'out/', 'scratch/', 'test/artifacts/', 'test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // Names starting with _ are deliberately unused (a callback's position, a destructured rest).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      // Comments quote what people type into the form, full-width spaces (合　计) included.
      'no-irregular-whitespace': ['error', { skipComments: true }],
    },
  },
  {
    files: ['src/excel/**/*.ts', 'src/commands/**/*.ts', 'taskpane/**/*.{ts,tsx}', 'workbench/**/*.{ts,tsx}'],
    plugins: { 'office-addins': officeAddins },
    rules: officeRules,
  },
  {
    files: ['taskpane/**/*.{ts,tsx}', 'workbench/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // ES5 scripts run inside Duktape by the legacy test: they define the page's globals themselves (window,
    // timers, console) and talk to the driver through __-prefixed globals.
    files: ['test/support/legacy/*.js'],
    languageOptions: {
      ecmaVersion: 5,
      sourceType: 'script',
      globals: { __timers: 'writable', __functionNames: 'readonly', __command: 'readonly', __log: 'readonly', print: 'readonly', Office: 'writable' },
    },
    // Duktape has none of the browser's globals, so defining window or setTimeout here redeclares nothing.
    rules: { 'no-redeclare': 'off', '@typescript-eslint/no-this-alias': 'off', '@typescript-eslint/no-unused-vars': ['error', { vars: 'local', args: 'none' }] },
  },
  {
    // CommonJS config files of the build and jest.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
