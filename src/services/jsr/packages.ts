// jsr packages: @scope/name. Versions and publishing build on these.
import { jsrPackageWithCounts, type JsrPackageRow } from "../../storage/queries/jsr-package-read";
import type { SqlReader } from "../../storage/sql-reader";
import { packageScore, scorePercentage, type VersionScore } from "./docs/package-score";
import type { Package } from "../../generated/prisma/client";
import { WharfError } from "../../errors";
import type { Tx } from "../../storage/database";
import type { ServiceContext } from "../shared/context";
import { assertName } from "../shared/names";
import { requireScopeAdmin, requireScopeMember, requireStaff } from "../shared/policies";
import { createScope, getScope, scopeQuotas } from "../accounts/scopes";
import { isUniqueViolation } from "../../storage/pg-errors";
import { lockPackage, lockRow } from "../../storage/queries/locks";
import { packageChanged } from "./package-events";
import { readTag, type Keep } from "../shared/kept-reads";
import { latestOf } from "./versions";
import type { Loaders } from "../shared/loaders";

export async function getPackage(db: Tx, scope: string, name: string): Promise<Package> {
  const pkg = await db.package.findUnique({ where: { scope_name: { scope, name } } });
  if (!pkg) throw new WharfError("packageNotFound");
  return pkg;
}

export async function listScopePackages(db: Tx, scope: string): Promise<Package[]> {
  await getScope(db, scope);
  return db.package.findMany({ where: { scope }, orderBy: { name: "asc" } });
}

/**
 * Creates a package in a scope; any member may, within the scope's quotas. With `createScope`, a scope that does not
 * exist is made first, by createScope's rules, with the caller as its admin (the page deno's "create it" link opens).
 */
export async function createPackage(ctx: ServiceContext, scope: string, name: string, options: { createScope?: boolean } = {}): Promise<Package> {
  assertName("package", name);
  if (options.createScope) await ensureScope(ctx, scope);
  await getScope(ctx.db, scope);
  await requireScopeMember(ctx, scope);
  try {
    return await ctx.db.$transaction(async (tx) => {
      // Serialise creations in one scope, so that two at once cannot both slip under a quota.
      await lockRow(tx, "scopes", "scope", scope);
      const quotas = await scopeQuotas(tx, await getScope(tx, scope));
      if (quotas.packageUsage >= quotas.packageLimit) {
        throw new WharfError("packageLimitExceeded", `Exceeded limit of ${quotas.packageLimit} packages for scope.`);
      }
      if (quotas.newPackagePerWeekUsage >= quotas.newPackagePerWeekLimit) {
        throw new WharfError(
          "weeklyPackageLimitExceeded",
          `Exceeded weekly limit of ${quotas.newPackagePerWeekLimit} new packages for scope.`,
        );
      }
      return tx.package.create({ data: { scope, name } });
    }).finally(() => ctx.loaders.jsrPackagesByScope.clear(scope));
  } catch (err) {
    if (isUniqueViolation(err)) throw new WharfError("packageAlreadyExists");
    throw err;
  }
}

/** Makes the scope unless it exists; one made by someone else at the same moment is taken as it is. */
async function ensureScope(ctx: ServiceContext, scope: string): Promise<void> {
  if (await ctx.db.scope.findUnique({ where: { scope }, select: { scope: true } })) return;
  try {
    await createScope(ctx, { scope });
  } catch (err) {
    const madeMeanwhile = err instanceof WharfError && err.code === "scopeAlreadyExists" && (await ctx.db.scope.count({ where: { scope } })) > 0;
    if (!madeMeanwhile) throw err;
  }
}

/** The figures jsr shows with a package. */
export interface PackageSummary {
  versionCount: number;
  latestVersion: string | null;
  dependencyCount: number;
  dependentCount: number;
  /** jsr's score of the latest version, as a percentage; null when it has none. */
  score: number | null;
}

/** A package and its counts, as GET /api/scopes/{scope}/packages/{package} shows them: one statement. */
export async function readPackage(
  sql: SqlReader,
  scope: string,
  name: string,
): Promise<{ pkg: Omit<JsrPackageRow, "versions" | "dependents">; summary: PackageSummary; keep: Keep }> {
  const row = await jsrPackageWithCounts(sql, scope, name);
  if (!row) throw new WharfError("packageNotFound");
  const { versions, dependents, ...pkg } = row;
  const latest = latestOf(versions);
  const score = latest?.score ? scorePercentage(packageScore(latest.score as unknown as VersionScore, { description: pkg.description, runtimeCompat: pkg.runtimeCompat as never })) : null;
  return {
    pkg,
    summary: { versionCount: versions.length, latestVersion: latest?.version ?? null, dependencyCount: latest?.dependencies ?? 0, dependentCount: dependents, score },
    // The same for every caller until a jsr package changes: this one, or one that comes to depend on it.
    keep: { tags: [readTag.jsrPackages] },
  };
}

/** Counts and latest version for a package, through the request's loaders: a list of packages costs three statements, not three per package. */
export async function summarize(loaders: Loaders, pkg: Package): Promise<PackageSummary> {
  const [versions, dependents] = await Promise.all([
    loaders.versionsByPackage.load(`${pkg.scope}/${pkg.name}`),
    loaders.dependentsByPackage.load(`@${pkg.scope}/${pkg.name}`),
  ]);
  const latest = latestOf(versions);
  const latestKey = latest && `${pkg.scope}/${pkg.name}/${latest.version}`;
  const [dependencies, versionScore] = latestKey
    ? await Promise.all([loaders.dependenciesByVersion.load(latestKey), loaders.versionScoreByVersion.load(latestKey)])
    : [[], undefined];
  const score = versionScore ? scorePercentage(packageScore(versionScore, { description: pkg.description, runtimeCompat: pkg.runtimeCompat as never })) : null;
  return { versionCount: versions.length, latestVersion: latest?.version ?? null, dependencyCount: dependencies.length, dependentCount: dependents.length, score };
}

export interface PackageUpdate {
  description?: string;
  githubRepository?: { owner: string; name: string } | null;
  runtimeCompat?: Record<string, boolean | null>;
  isArchived?: boolean;
  isFeatured?: boolean;
  /** Accepted as jsr's API does, and not kept: Wharf always shows the readme. */
  readmeSource?: "readme" | "jsdoc";
}

/** Scope admins change a package's settings; only staff feature packages. */
export async function updatePackage(ctx: ServiceContext, scope: string, name: string, update: PackageUpdate): Promise<Package> {
  const pkg = await getPackage(ctx.db, scope, name);
  if (update.isFeatured !== undefined) requireStaff(ctx);
  else await requireScopeAdmin(ctx, scope);
  // An archived package keeps its settings until it is unarchived.
  if (pkg.isArchived && update.isArchived === undefined && update.isFeatured === undefined) throw new WharfError("packageArchived");
  const updated = await ctx.db.package.update({
    where: { scope_name: { scope, name } },
    data: {
      description: update.description,
      githubRepository: update.githubRepository === undefined ? undefined : update.githubRepository && `${update.githubRepository.owner}/${update.githubRepository.name}`,
      runtimeCompat: update.runtimeCompat,
      isArchived: update.isArchived,
      whenFeatured: update.isFeatured === undefined ? undefined : update.isFeatured ? new Date() : null,
    },
  });
  packageChanged(scope, name);
  return updated;
}

/** Deletes a package that has never had a version (nor a publish under way). */
export async function deletePackage(ctx: ServiceContext, scope: string, name: string): Promise<void> {
  await getPackage(ctx.db, scope, name);
  await requireScopeAdmin(ctx, scope);
  await ctx.db.$transaction(async (tx) => {
    // Uploads hold the package's row while they open their task: after this, none can be under way unseen.
    if (!(await lockPackage(tx, scope, name, "update"))) throw new WharfError("packageNotFound");
    const versions = await tx.packageVersion.count({ where: { scope, name } });
    // Tasks under way; a succeeded one whose version staff deleted does not keep the package.
    const live = await tx.publishingTask.count({ where: { scope, name, status: { notIn: ["failure", "success"] } } });
    if (versions + live > 0) throw new WharfError("packageNotEmpty");
    await tx.package.delete({ where: { scope_name: { scope, name } } });
  });
  packageChanged(scope, name);
  ctx.loaders.jsrPackagesByScope.clear(scope);
}
