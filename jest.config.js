// The tests in three tiers, each a jest project that `--selectProjects` runs alone, so that CI
// runs the fast ones first: `pure` (the core, layout and pane model, no files or processes),
// `hosts` (the file and Office hosts against the fake Excel, the fake itself, the command in-process, and
// the property test of the whole file path, a sample of which LibreOffice recalculates) and
// `external` (LibreOffice, Chromium, the installed package, the test corpus and the manifest).
// Every test file is in exactly one: `external` is whatever the other two do not hold.
const common = { testEnvironment: 'node', testMatch: ['**/*.test.ts'], transform: { '^.+\\.ts$': 'ts-jest' }, setupFiles: ['<rootDir>/test/support/seed.ts'] };
const PURE = ['core', 'layout', 'faces', 'docs'];
const HOSTS = ['hosts', 'cli', 'app', 'fake-office'];
/** The fake Excel's own test in a real browser: external, though its folder is the hosts'. */
const IN_BROWSER = 'browser\\.test\\.ts$';
const under = (dirs) => dirs.map((dir) => `<rootDir>/test/${dir}/`);

/** @type {import('jest').Config} */
module.exports = {
  // bin/vfm.js runs the compiled command in lib/: build it from the sources first.
  globalSetup: '<rootDir>/test/support/build-cli.js',
  projects: [
    { displayName: 'pure', ...common, roots: under(PURE) },
    { displayName: 'hosts', ...common, roots: under(HOSTS), testPathIgnorePatterns: ['/node_modules/', `<rootDir>/test/fake-office/${IN_BROWSER}`] },
    {
      displayName: 'external', ...common, roots: ['<rootDir>/test'],
      testPathIgnorePatterns: ['/node_modules/', ...under(PURE), ...under(HOSTS).map((dir) => (dir.endsWith('/fake-office/') ? `${dir}(?!${IN_BROWSER})` : dir))],
    },
  ],
};
