// Two projects: `unit` (pure, milliseconds) and `int` (real SQLite/MariaDB/Redis/HTTP, seconds).
const { swcOptions, libs } = require('./tools/swc-options.cjs');

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcOptions({ withPaths: false }), swcrc: false }] },
  moduleNameMapper: Object.fromEntries(
    libs.map((lib) => [`^@quizbook/${lib}$`, `<rootDir>/libs/${lib}/src`]),
  ),
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,tools}/**/*.unit.spec.ts'] },
    {
      ...shared,
      displayName: 'int',
      testMatch: ['<rootDir>/{apps,libs,tools}/**/*.int.spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/environment/announce-suites.global-setup.js',
    },
  ],
  // A global option: jest ignores testTimeout inside a project. Integration specs on 2 cores under
  // a full parallel run need more than the 5 s default; no spec asserts a duration.
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/libs/testing/src/environment/summary-line.reporter.js'],
};
