/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // bin/vfm.js runs the compiled command in lib/: build it from the sources first.
  globalSetup: '<rootDir>/test/support/build-cli.js',
  transform: {
    // Type-checking is `npm run typecheck`'s job; tests compile each file on its own, fast.
    '^.+\\.ts$': 'ts-jest',
  },
};
