// Integration tests: each file starts real Wharf servers (test/support/server.ts)
// and talks to them over HTTP. With DATABASE_URL set, every server gets its own
// fresh database on that PostgreSQL; without it, its own embedded one.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // test/unit runs on its own, first (jest.unit.config.js).
  testPathIgnorePatterns: ["/node_modules/", "/test/unit/"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  testTimeout: 120000,
  maxWorkers: 2,
};
