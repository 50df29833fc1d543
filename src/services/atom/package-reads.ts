// The Atom API's hot single-package reads, through plain prepared statements (storage/queries/atom-package-reads.ts):
// a package with its versions, one version, a tarball to download, stargazers, a user's stars. Each is one statement.
import semver from "semver";
import { WharfError } from "../../errors";
import type { SqlReader } from "../../storage/sql-reader";
import {
  atomPackagesStarredBy,
  atomPackageWithVersions,
  atomStargazerLogins,
  atomTarballOf,
  type AtomVersionRow,
} from "../../storage/queries/atom-package-reads";
import type { ServiceContext } from "../shared/context";
import { normalizeLogin } from "../accounts/users";
import { summaryOf, type AtomPackageSummary } from "../../storage/queries/atom-package-pages";
import type { AtomPackageWithDetail } from "./packages";

export type AtomVersionShown = AtomVersionRow;

/** A package with its versions (not deleted), as GET /packages/:name shows it. */
export type AtomPackageRead = Omit<AtomPackageSummary, "latest"> & { versions: AtomVersionShown[] };

/** A package by its name, or by a name it had before a rename; any case finds it (as on Pulsar). */
export async function readAtomPackage(sql: SqlReader, requested: string): Promise<AtomPackageRead> {
  const row = await atomPackageWithVersions(sql, requested.toLowerCase());
  if (!row) throw new WharfError("atomPackageNotFound");
  const { latest: _latest, ...summary } = summaryOf(row);
  return { ...summary, versions: row.version_rows };
}

/** One version of a package, with the package. */
export async function readAtomVersion(sql: SqlReader, requested: string, version: string): Promise<{ pkg: AtomPackageRead; version: AtomVersionShown }> {
  const pkg = await readAtomPackage(sql, requested);
  const found = pkg.versions.find((v) => v.version === version);
  if (!found) throw new WharfError("atomPackageNotFound");
  return { pkg, version: found };
}

/** The tarball's blob key; each call is a download, counted in memory and written in batches. */
export async function downloadAtomTarball(ctx: Pick<ServiceContext, "sql" | "downloads">, requested: string, version: string): Promise<string> {
  const found = await atomTarballOf(ctx.sql, requested.toLowerCase(), version);
  if (!found) throw new WharfError("atomPackageNotFound");
  ctx.downloads.atom.count(found.name);
  return found.tarball;
}

/** Who starred a package, earliest first (their logins). */
export async function readStargazers(sql: SqlReader, requested: string): Promise<string[]> {
  const logins = await atomStargazerLogins(sql, requested.toLowerCase());
  if (!logins) throw new WharfError("atomPackageNotFound");
  return logins;
}

/** The packages a user starred, newest star first. */
export async function readStarredBy(sql: SqlReader, login: string): Promise<AtomPackageSummary[]> {
  const rows = await atomPackagesStarredBy(sql, normalizeLogin(login));
  if (!rows) throw new WharfError("userNotFound");
  return rows.map(summaryOf);
}

/** A package Prisma read (after a write), in the shape reads have. */
export function asRead({ versions, _count, ...pkg }: AtomPackageWithDetail): AtomPackageRead {
  return { ...pkg, starCount: _count.stars, versions };
}

/** The highest of these versions. */
export function latestShown(versions: AtomVersionShown[]): AtomVersionShown | undefined {
  return [...versions].sort((a, b) => semver.rcompare(a.version, b.version))[0];
}
