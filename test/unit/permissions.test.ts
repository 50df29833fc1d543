// Token permissions: jsr's three shapes, and what each lets a token publish.
import { WharfError } from "../../src/errors";
import { parsePermissions, publishGrant } from "../../src/services/shared/permissions";

const scope = { permission: "package/publish", scope: "acme" } as const;
const pkg = { ...scope, package: "tools" };
const version = { ...pkg, version: "1.0.0", tarballHash: "sha256-ab" };

it("takes jsr's three shapes and nothing else", () => {
  expect(parsePermissions([scope, pkg, version])).toEqual([scope, pkg, version]);
  expect(parsePermissions(null)).toBeNull();
  for (const bad of [[{ permission: "package/delete", scope: "acme" }], [{ ...pkg, version: "1.0.0" }], [{ ...scope, scope: "Bad" }], "all"]) {
    expect(() => parsePermissions(bad)).toThrow(WharfError);
  }
  expect(() => parsePermissions([scope, pkg], { exactlyOne: true })).toThrow(/exactly one/);
});

it("grants publishing where a permission names the scope, package or version", () => {
  expect(publishGrant([scope], "acme", "any", "2.0.0")).toEqual({ tarballHashes: null });
  expect(publishGrant([pkg], "acme", "other", "1.0.0")).toBeNull();
  expect(publishGrant([version], "acme", "tools", "1.0.0")).toEqual({ tarballHashes: ["sha256-ab"] });
  expect(publishGrant([version], "acme", "tools", "1.0.1")).toBeNull();
  expect(publishGrant([scope], "other", "tools", "1.0.0")).toBeNull();
});
