// Pulsar's JSON shapes for packages (../shared/reference/pulsar-package-*.json).
import semver from "semver";
import type { User } from "../../generated/prisma/client";
import { latestOf, type AtomPackageWithDetail } from "../../services/atom-packages";

function tarballUrl(publicUrl: string, name: string, version: string): string {
  return `${publicUrl}/atom/api/packages/${encodeURIComponent(name)}/versions/${encodeURIComponent(version)}/tarball`;
}

/** A package as lists show it; with `versions`, as GET /packages/:name does (optionally only those the engine can run). */
export function presentAtomPackage(pkg: AtomPackageWithDetail, publicUrl: string, full?: { engine?: string }) {
  const shown = pkg.versions.filter((v) => {
    const range = (v.metadata as { engines?: { atom?: string } }).engines?.atom;
    return !full?.engine || !range || semver.satisfies(full.engine, range);
  });
  return {
    name: pkg.name,
    owner: pkg.owner,
    repository: { type: "git", url: pkg.repository },
    downloads: pkg.downloads,
    stargazers_count: pkg._count.stars,
    releases: { latest: latestOf(shown)?.version ?? null },
    readme: pkg.readme,
    metadata: pkg.metadata,
    ...(full && {
      versions: Object.fromEntries(
        shown.map((v) => [v.version, { ...(v.metadata as object), dist: { tarball: tarballUrl(publicUrl, pkg.name, v.version) } }]),
      ),
    }),
  };
}

export function presentStargazer(user: User) {
  return { login: user.login };
}
