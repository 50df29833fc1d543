// Unit tests (test/unit): the pure rules, without a server or a database. They
// run first in `npm test`, in well under a second once compiled; ts-jest only
// transpiles them here, `npm run typecheck` checks their types.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/unit"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", isolatedModules: true }] },
};
