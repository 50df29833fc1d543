// Pulsar's JSON shapes for packages (../shared/reference/pulsar-package-*.json, and what
// pulsar-edit/package-backend's constructPackageObjectShort/Full send today).
import semver from "semver";
import type { Config } from "../../config";
import type { AtomPackageSummary } from "../../storage/queries/atom-package-summary";
import { ATOM_CREATION_METHOD, atomBadges, atomTarballUrl, versionsRunningOn } from "../../services/atom/packages";
import { storedManifest } from "../../services/atom/manifest";
import { latestShown, type AtomPackageRead, type AtomVersionShown } from "../../services/atom/package-reads";
import { cloneUrlOf } from "../../services/atom/git-repository";
import type { components } from "../contract";

type AtomPackageBody = components["schemas"]["AtomPackage"];
type AtomVersionBody = components["schemas"]["AtomVersion"];

type Where = Pick<Config, "publicUrl" | "gitBase" | "dataDir">;

/**
 * A package as lists show it. Counts are strings, as Pulsar sends them: the website takes a falsy count
 * (the number 0) for a malformed package. GraphQL keeps numbers.
 */
export function presentAtomPackage(pkg: AtomPackageSummary, where: Where): AtomPackageBody {
  const metadata = { ...(pkg.metadata as object), sha: pkg.sha, ...(pkg.latest ? { tarball_url: atomTarballUrl(where.publicUrl, pkg.name, pkg.latest) } : {}) };
  return {
    name: pkg.name,
    owner: pkg.owner,
    repository: { type: "git" as const, url: cloneUrlOf(where, pkg.repository) },
    downloads: String(pkg.downloads),
    stargazers_count: String(pkg.starCount),
    releases: { latest: pkg.latest },
    readme: pkg.readme,
    metadata,
    badges: atomBadges(),
    creation_method: ATOM_CREATION_METHOD,
  };
}

/** Lists of packages, in a list's shape. */
export const presentAtomPackages = (packages: AtomPackageSummary[], where: Where) => packages.map((pkg) => presentAtomPackage(pkg, where));

/**
 * A package with its versions, newest first (as Pulsar orders them), as GET /packages/:name shows it: with an
 * engine, only the versions that engine can run.
 */
export function presentAtomPackageWithVersions(pkg: AtomPackageRead, where: Where, engine?: string): AtomPackageBody {
  const shown = [...versionsRunningOn(pkg, engine)].sort((a, b) => semver.rcompare(a.version, b.version));
  return {
    ...presentAtomPackage({ ...pkg, latest: latestShown(shown)?.version ?? null }, where),
    versions: Object.fromEntries(shown.map((v) => [v.version, presentAtomVersion(pkg.name, v, where)])),
  };
}

/** A version: its package.json, with where its tarball is and the commit its tag named. */
export function presentAtomVersion(name: string, version: AtomVersionShown, where: Where): AtomVersionBody {
  const tarball = atomTarballUrl(where.publicUrl, name, version.version);
  return { ...storedManifest(version.metadata), sha: version.sha, tarball_url: tarball, dist: { tarball, sha: version.sha } };
}

export function presentStargazer(login: string) {
  return { login };
}
