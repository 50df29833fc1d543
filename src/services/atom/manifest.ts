// An Atom package's package.json, as Wharf stores it for each version (and, for
// the package, its latest version's). It was checked when published (releaseAt in
// packages.ts): it has a name, a semver version, and engines.atom is a valid range
// when it is there.
import semver from "semver";
import type { Prisma } from "../../generated/prisma/client";

export interface AtomManifest {
  name: string;
  version: string;
  engines?: { atom?: string };
  [field: string]: unknown;
}

/** A stored package.json: checked before it was stored, so it is read as it was written. */
export function storedManifest(json: Prisma.JsonValue): AtomManifest {
  return json as unknown as AtomManifest;
}

/** Whether an editor of version `engine` can run it: a package.json without engines.atom runs on any. */
export function runsOn(manifest: AtomManifest, engine: string): boolean {
  const range = manifest.engines?.atom;
  return !range || semver.satisfies(engine, range);
}
