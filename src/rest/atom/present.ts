// Pulsar's JSON shapes for packages (../shared/reference/pulsar-package-*.json).
import type { User } from "../../generated/prisma/client";
import { storedManifest } from "../../services/atom/manifest";
import type { AtomPackageSummary } from "../../services/atom/package-listing";
import { atomTarballUrl, summarize, versionsRunningOn, type AtomPackageWithDetail } from "../../services/atom/packages";

/** A package as lists show it. */
export function presentAtomPackage(pkg: AtomPackageSummary) {
  return {
    name: pkg.name,
    owner: pkg.owner,
    repository: { type: "git", url: pkg.repository },
    downloads: pkg.downloads,
    stargazers_count: pkg.starCount,
    releases: { latest: pkg.latest },
    readme: pkg.readme,
    metadata: storedManifest(pkg.metadata),
  };
}

/** A package with its versions, as GET /packages/:name shows it: with an engine, only the versions that engine can run. */
export function presentAtomPackageWithVersions(pkg: AtomPackageWithDetail, publicUrl: string, engine?: string) {
  const shown = versionsRunningOn(pkg, engine);
  return {
    ...presentAtomPackage(summarize(pkg, shown)),
    versions: Object.fromEntries(
      shown.map((v) => [v.version, { ...storedManifest(v.metadata), dist: { tarball: atomTarballUrl(publicUrl, pkg.name, v.version) } }]),
    ),
  };
}

export function presentStargazer(user: User) {
  return { login: user.login };
}
