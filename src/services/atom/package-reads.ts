// The Atom API's hot single-package reads, through plain prepared statements (storage/queries/atom-package-reads.ts):
// a package with its versions, one version, a tarball to download, stargazers, a user's stars. Each is one statement.
import { highestBy } from "../shared/highest-version";
import { WharfError } from "../../errors";
import type { SqlReader } from "../../storage/sql-reader";
import {
  atomPackagesStarredBy,
  atomPackageWithVersions,
  atomStargazerLogins,
  atomTarballOf,
  type AtomVersionSummaryRow,
} from "../../storage/queries/atom-package-reads";
import type { ServiceContext } from "../shared/context";
import { readTag, type Keep } from "../shared/kept-reads";
import { normalizeLogin } from "../accounts/users";
import { summaryOf, type AtomPackageSummary } from "../../storage/queries/atom-package-summary";

export type AtomVersionShown = AtomVersionSummaryRow;

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

/**
 * Reads of a package (itself, a version, its stargazers) are the same for every anonymous caller until the package
 * changes, by the name asked for or by its name now (a rename changes both).
 */
export function keepAtomPackageRead(requested: string, name: string): Keep {
  return { tags: [readTag.atomPackage(requested), readTag.atomPackage(name)] };
}

/** The tarball's blob key and the package's name now, without downloading it (a HEAD): nothing is counted. */
export async function findAtomTarball(ctx: Pick<ServiceContext, "sql">, requested: string, version: string): Promise<{ name: string; tarball: string }> {
  const found = await atomTarballOf(ctx.sql, requested.toLowerCase(), version);
  if (!found) throw new WharfError("atomPackageNotFound");
  return found;
}

/** The tarball's blob key; each call is a download, counted in memory and written in batches, as is each answer from memory. */
export async function downloadAtomTarball(ctx: Pick<ServiceContext, "sql" | "downloads">, requested: string, version: string): Promise<{ tarball: string; keep: Keep }> {
  const found = await findAtomTarball(ctx, requested, version);
  const counter = ctx.downloads.atom;
  counter.count(found.name);
  const tags = [readTag.atomTarballs(requested), readTag.atomTarballs(found.name)];
  return { tarball: found.tarball, keep: { tags, onServe: () => counter.count(found.name) } };
}

/** Who starred a package, earliest first (their logins), and the package's name now. */
export async function readStargazers(sql: SqlReader, requested: string): Promise<{ name: string; logins: string[] }> {
  const found = await atomStargazerLogins(sql, requested.toLowerCase());
  if (!found) throw new WharfError("atomPackageNotFound");
  return found;
}

/** The packages a user starred, newest star first. */
export async function readStarredBy(sql: SqlReader, login: string): Promise<{ packages: AtomPackageSummary[]; keep: Keep }> {
  const normalized = normalizeLogin(login);
  const rows = await atomPackagesStarredBy(sql, normalized);
  if (!rows) throw new WharfError("userNotFound");
  // Stale when the user stars or unstars (stars.ts), or when a package listed changes; logins never change.
  return { packages: rows.map(summaryOf), keep: { tags: [readTag.atomStarsOf(normalized), ...rows.map((row) => readTag.atomPackage(row.name))] } };
}

/** The highest of these versions. */
export function latestShown(versions: AtomVersionShown[]): AtomVersionShown | undefined {
  return highestBy(versions, (v) => v.version);
}
