// Integration tests: each file starts real Wharf servers (test/support/server.ts)
// and talks to them over HTTP. With DATABASE_URL set, every server gets its own
// fresh database on that PostgreSQL; without it, its own embedded one.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // test/unit runs on its own, first (jest.unit.config.js); the tests that time the server's answers run last,
  // alone (jest.alone.config.js), so that other test files' servers do not slow them.
  testPathIgnorePatterns: ["/node_modules/", "/test/unit/", ...require("./jest.alone.config.js").testMatch],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  // One migrated storage that every test server starts from a copy of (test/support/storage-template.ts).
  globalSetup: "<rootDir>/test/support/global-setup.ts",
  globalTeardown: "<rootDir>/test/support/global-teardown.ts",
  testTimeout: 120000,
  maxWorkers: 2,
};
