// The highest of several versions by semver precedence: a package's latest version. Lists ask it of every package on
// a page, so plain versions (major.minor.patch, most of them) are compared as three numbers, which orders them as
// semver does, without building a SemVer for each side of every comparison (a 100-package page spent 3% of its
// CPU there); anything else (a prerelease, build metadata) is left to semver.
import semver from "semver";

// Up to 15 digits: safe integers, as semver requires of each part.
const PLAIN = /^(0|[1-9]\d{0,14})\.(0|[1-9]\d{0,14})\.(0|[1-9]\d{0,14})$/;

/** semver.compare(a, b), faster for plain versions. */
export function compareVersions(a: string, b: string): number {
  const plainA = PLAIN.exec(a);
  const plainB = plainA && PLAIN.exec(b);
  if (!plainA || !plainB) return semver.compare(a, b);
  return Math.sign(Number(plainA[1]) - Number(plainB[1]) || Number(plainA[2]) - Number(plainB[2]) || Number(plainA[3]) - Number(plainB[3]));
}

/** The item of the highest version (the first of equals), or undefined if there is none. */
export function highestBy<T>(items: Iterable<T>, versionOf: (item: T) => string): T | undefined {
  let highest: T | undefined;
  let found = false;
  for (const item of items) {
    if (!found || compareVersions(versionOf(item), versionOf(highest as T)) > 0) highest = item;
    found = true;
  }
  return highest;
}

/** The highest of these versions, or null if there is none. */
export function highestVersion(versions: Iterable<string>): string | null {
  return highestBy(versions, (version) => version) ?? null;
}
