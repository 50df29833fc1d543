// Published jsr versions: reading them, yanking them, what they depend on and
// what depends on them.
import semver from "semver";
import type { PackageDependency, PackageFile, PackageVersion } from "../../generated/prisma/client";
import { WharfError } from "../../errors";
import type { Tx } from "../../storage/database";
import type { ServiceContext } from "../shared/context";
import { packageChanged } from "./package-events";
import { getPackage } from "./packages";
import { requireScopeMember, requireStaff } from "../shared/policies";

/** Newest first, by semver. */
export function bySemverDescending(a: { version: string }, b: { version: string }): number {
  return semver.rcompare(a.version, b.version);
}

export async function listVersions(db: Tx, scope: string, name: string): Promise<PackageVersion[]> {
  await getPackage(db, scope, name);
  return (await db.packageVersion.findMany({ where: { scope, name } })).sort(bySemverDescending);
}

/** The highest version that is neither yanked nor a prerelease (jsr's "latest"). */
export function latestOf<V extends Pick<PackageVersion, "version" | "yanked">>(versions: V[]): V | undefined {
  return [...versions].sort(bySemverDescending).find((v) => !v.yanked && semver.prerelease(v.version) === null);
}

export async function getVersion(db: Tx, scope: string, name: string, version: string): Promise<PackageVersion> {
  await getPackage(db, scope, name);
  const found = await db.packageVersion.findUnique({ where: { scope_name_version: { scope, name, version } } });
  if (!found) throw new WharfError("packageVersionNotFound");
  return found;
}

/** Yanked versions stay downloadable for lockfiles, but are no longer "latest". Scope members may yank. */
export async function setYanked(ctx: ServiceContext, scope: string, name: string, version: string, yanked: boolean): Promise<PackageVersion> {
  await getVersion(ctx.db, scope, name, version);
  await requireScopeMember(ctx, scope);
  const updated = await ctx.db.packageVersion.update({ where: { scope_name_version: { scope, name, version } }, data: { yanked } });
  packageChanged(scope, name);
  return updated;
}

/**
 * Deletes a version with its files, dependencies and download counts: staff only, and only a version no other
 * package's version depends on (upstream counts dependents of the package, as this does).
 */
export async function deleteVersion(ctx: ServiceContext, scope: string, name: string, version: string): Promise<void> {
  requireStaff(ctx);
  await getVersion(ctx.db, scope, name, version);
  const dependents = await ctx.db.packageDependency.count({ where: { kind: "jsr", dependency: `@${scope}/${name}` } });
  if (dependents > 0) throw new WharfError("deleteVersionHasDependents");
  await ctx.db.packageVersion.deleteMany({ where: { scope, name, version } });
  packageChanged(scope, name);
}

export async function listDependencies(db: Tx, scope: string, name: string, version: string): Promise<PackageDependency[]> {
  await getVersion(db, scope, name, version);
  return db.packageDependency.findMany({ where: { scope, name, version }, orderBy: [{ kind: "asc" }, { dependency: "asc" }] });
}

export async function listFiles(db: Tx, scope: string, name: string, version: string): Promise<PackageFile[]> {
  return db.packageFile.findMany({ where: { scope, name, version }, orderBy: { path: "asc" } });
}

/** One file of a version, or undefined. */
export function findFile(db: Tx, scope: string, name: string, version: string, path: string): Promise<PackageFile | null> {
  return db.packageFile.findUnique({ where: { scope_name_version_path: { scope, name, version, path } } });
}

export interface Dependent {
  scope: string;
  name: string;
  versions: string[];
}

/** The packages with a version that imports this one, each with those versions (newest first). */
export async function listDependents(
  db: Tx,
  scope: string,
  name: string,
  page: { offset: number; limit: number },
): Promise<{ items: Dependent[]; total: number }> {
  await getPackage(db, scope, name);
  const rows = await db.packageDependency.findMany({
    where: { kind: "jsr", dependency: `@${scope}/${name}` },
    select: { scope: true, name: true, version: true },
    distinct: ["scope", "name", "version"],
  });
  const grouped = new Map<string, Dependent>();
  for (const row of rows) {
    const key = `@${row.scope}/${row.name}`;
    const dependent = grouped.get(key) ?? { scope: row.scope, name: row.name, versions: [] };
    dependent.versions.push(row.version);
    grouped.set(key, dependent);
  }
  const all = [...grouped.values()].sort((a, b) => `${a.scope}/${a.name}`.localeCompare(`${b.scope}/${b.name}`));
  for (const d of all) d.versions.sort((a, b) => semver.rcompare(a, b));
  return { items: all.slice(page.offset, page.offset + page.limit), total: all.length };
}
