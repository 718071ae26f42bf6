// Lint, and the architecture's boundaries: what each layer may import.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'util', 'stream', 'http', 'https', 'url', 'node:*'];
const noClock = (layer, message = `${layer} reads no clock: take the date as an input`) => [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message },
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message },
];

export default tseslint.config(
  { ignores: ['dist/**', 'lib/**', 'node_modules/**', 'coverage/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // core: pure domain code. No Office, no files, no clock, no other layer.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodeBuiltins, message: 'core does no I/O' },
          { group: ['exceljs', 'office-*', '@microsoft/*'], message: 'core knows no spreadsheet library or Office' },
          { group: ['../*', '!../core/*'], message: 'core imports only core' },
        ],
      }],
      'no-restricted-globals': ['error', { name: 'Office', message: 'core knows no Office' }, { name: 'Excel', message: 'core knows no Office' }, { name: 'process', message: 'core reads no environment' }],
      'no-restricted-syntax': ['error', ...noClock('core'),
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'core is deterministic' },
      ],
    },
  },
  {
    // layout: pure code that turns results into a plan of what to write. It may use the core.
    files: ['src/layout/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodeBuiltins, message: 'layout does no I/O' },
          { group: ['exceljs', 'office-*', '@microsoft/*'], message: 'layout knows no spreadsheet library or Office: hosts apply its plan' },
          { group: ['../hosts/*', '../faces/*', '../app/*', '../../hosts/*', '../../faces/*', '../../app/*'], message: 'layout knows no host, use case or face' },
        ],
      }],
      'no-restricted-syntax': ['error', ...noClock('layout')],
    },
  },
  {
    // app: the use cases both faces call (one run). Pure: it takes what hosts read and a clock, and
    // returns the analysis and the plan; it reads and writes nothing itself.
    files: ['src/app/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodeBuiltins, message: 'app does no I/O: hosts read and write' },
          { group: ['exceljs', 'office-*', '@microsoft/*'], message: 'app knows no spreadsheet library or Office' },
          { group: ['../hosts/*', '../faces/*'], message: 'app knows no host or face: it takes what they read' },
        ],
      }],
      'no-restricted-syntax': ['error', ...noClock('app')],
    },
  },
  {
    // hosts read and write workbooks; they make no layout or arithmetic decisions and know no face.
    files: ['src/hosts/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['../../faces/*', '../faces/*', '../../app/*', '../app/*'], message: 'hosts know no face or use case' },
          { group: ['../../layout/*', '!../../layout/plan', '../layout/*', '!../layout/plan'], message: 'hosts apply a plan; they make no layout decision' },
        ],
      }],
    },
  },
  {
    // The time is read in one place, hosts/system-clock.ts; everything else is given a clock.
    files: ['src/hosts/**/*.ts', 'src/faces/**/*.ts'],
    ignores: ['src/hosts/system-clock.ts'],
    rules: { 'no-restricted-syntax': ['error', ...noClock('', 'the time is read only in hosts/system-clock.ts: take a Clock')] },
  },
  {
    // Each face stands alone: what both need lives in app, layout or core.
    files: ['src/faces/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['../taskpane/*'], message: 'the CLI knows no pane: share through app, layout or core' }] }] },
  },
  {
    files: ['src/faces/taskpane/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['../cli/*'], message: 'the pane knows no CLI: share through app, layout or core' }] }] },
  },
  {
    files: ['bin/**/*.js', 'scripts/**/*.js', 'test/**/*.js', '*.config.js', 'webpack.config.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
