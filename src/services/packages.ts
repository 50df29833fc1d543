// jsr packages: @scope/name. Versions and publishing build on these.
import type { Package } from "../generated/prisma/client";
import { WharfError } from "../errors";
import type { Tx } from "../storage/database";
import type { ServiceContext } from "./context";
import { assertName } from "./names";
import { requireScopeMember } from "./policies";
import { getScope, scopeQuotas } from "./scopes";
import { isUniqueViolation, lockRow } from "./sql";

export async function getPackage(db: Tx, scope: string, name: string): Promise<Package> {
  const pkg = await db.package.findUnique({ where: { scope_name: { scope, name } } });
  if (!pkg) throw new WharfError("packageNotFound");
  return pkg;
}

export async function listScopePackages(db: Tx, scope: string): Promise<Package[]> {
  await getScope(db, scope);
  return db.package.findMany({ where: { scope }, orderBy: { name: "asc" } });
}

/** Creates a package in a scope; any member may, within the scope's quotas. */
export async function createPackage(ctx: ServiceContext, scope: string, name: string): Promise<Package> {
  assertName("package", name);
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
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new WharfError("packageAlreadyExists");
    throw err;
  }
}
