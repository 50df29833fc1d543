// The tests that time the server's answers (a health check answered promptly while heavy work runs): run after the
// rest, one file at a time, since two busy servers on a 2-core machine would slow each other past any bound.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["<rootDir>/test/graphql-abuse.test.ts", "<rootDir>/test/publish-many-files.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  // One migrated storage that every test server starts from a copy of (test/support/storage-template.ts).
  globalSetup: "<rootDir>/test/support/global-setup.ts",
  globalTeardown: "<rootDir>/test/support/global-teardown.ts",
  testTimeout: 120000,
  maxWorkers: 1,
};
