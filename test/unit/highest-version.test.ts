// A package's latest version: the highest by semver precedence, plain versions compared as numbers.
import fc from "fast-check";
import semver from "semver";
import { compareVersions, highestBy, highestVersion } from "../../src/services/shared/highest-version";

it("orders versions as semver does, plain or not", () => {
  const part = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.constant(123456789012345));
  const pre = fc.option(fc.constantFrom("alpha", "alpha.1", "beta.2", "rc.10", "0"), { nil: undefined });
  const build = fc.option(fc.constantFrom("build.5", "sha.abc"), { nil: undefined });
  const version = fc
    .tuple(part, part, part, pre, build)
    .map(([major, minor, patch, p, b]) => `${major}.${minor}.${patch}${p ? `-${p}` : ""}${b ? `+${b}` : ""}`);
  fc.assert(
    fc.property(version, version, (a, b) => {
      expect(compareVersions(a, b)).toBe(semver.compare(a, b));
    }),
    { seed: 15, numRuns: 2000 },
  );
});

it("finds the highest, the first of equals, and nothing in nothing", () => {
  expect(highestVersion(["1.2.0", "1.10.0", "1.9.9", "1.10.0+b"])).toBe("1.10.0");
  expect(highestVersion(["1.10.0", "2.0.0-rc.1"])).toBe("2.0.0-rc.1");
  expect(highestVersion(["2.0.0-rc.1", "2.0.0-rc.2", "1.0.0"])).toBe("2.0.0-rc.2");
  expect(highestVersion(["10.0.0", "9.0.0"])).toBe("10.0.0");
  expect(highestVersion([])).toBeNull();
  expect(highestBy([{ v: "1.0.0", n: 1 }, { v: "1.0.0+x", n: 2 }], (x) => x.v)?.n).toBe(1);
});
