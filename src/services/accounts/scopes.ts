// Scopes: creating, reading, updating and deleting them.
import { RESERVED_SCOPES } from "./reserved-scopes";
import type { Scope, User } from "../../generated/prisma/client";
import { malformed, WharfError } from "../../errors";
import type { Tx } from "../../storage/database";
import type { ServiceContext } from "../shared/context";
import { actsAsStaff, canAdministerScope, requireScopeAdmin, requireStaff, requireUser } from "../shared/policies";
import { assertName } from "../shared/names";
import { isUniqueViolation } from "../../storage/pg-errors";
import { lockOwnerName, lockRow } from "../../storage/queries/locks";
import { readsChanged, readTag, type Keep } from "../shared/kept-reads";

export interface ScopeQuotas {
  packageUsage: number;
  packageLimit: number;
  newPackagePerWeekUsage: number;
  newPackagePerWeekLimit: number;
  publishAttemptsPerWeekUsage: number;
  publishAttemptsPerWeekLimit: number;
}

/** What a scope admin sees: the scope with its creator and quotas. */
export interface FullScope {
  scope: Scope;
  creator: User;
  quotas: ScopeQuotas;
}

export async function getScope(db: Tx, name: string): Promise<Scope> {
  const scope = await db.scope.findUnique({ where: { scope: name } });
  if (!scope) throw new WharfError("scopeNotFound");
  return scope;
}

export async function fullScope(db: Tx, scope: Scope): Promise<FullScope> {
  const creator = await db.user.findUniqueOrThrow({ where: { id: scope.creatorId } });
  return { scope, creator, quotas: await scopeQuotas(db, scope) };
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export async function scopeQuotas(db: Tx, scope: Scope): Promise<ScopeQuotas> {
  const weekAgo = new Date(Date.now() - WEEK_MS);
  const [packageUsage, newPackagePerWeekUsage, publishAttemptsPerWeekUsage] = await Promise.all([
    db.package.count({ where: { scope: scope.scope } }),
    db.package.count({ where: { scope: scope.scope, createdAt: { gte: weekAgo } } }),
    db.publishingTask.count({ where: { scope: scope.scope, createdAt: { gte: weekAgo } } }),
  ]);
  return {
    packageUsage,
    packageLimit: scope.packageLimit,
    newPackagePerWeekUsage,
    newPackagePerWeekLimit: scope.newPackagePerWeekLimit,
    publishAttemptsPerWeekUsage,
    publishAttemptsPerWeekLimit: scope.publishAttemptsPerWeekLimit,
  };
}

/**
 * Creates a scope with the actor as its creator and first admin. Scope names
 * and logins are one namespace (an Atom repository's owner is either): a
 * scope may take a user's login only if that user creates it.
 */
export async function createScope(ctx: ServiceContext, input: { scope: string; description?: string }): Promise<FullScope> {
  const user = requireUser(ctx);
  const name = assertName("scope", input.scope);
  if (RESERVED_SCOPES.has(name.replace(/-/g, "")) && !actsAsStaff(ctx, user)) {
    throw new WharfError("scopeNameReserved", "The provided scope name is reserved. If you want to claim it, ask this registry's staff.");
  }
  let created: FullScope;
  try {
    created = await ctx.db.$transaction(async (tx) => {
      // Serialise one user's creations, so that two at once cannot both slip under the limit.
      await lockRow(tx, "users", "id", user.id);
      // Held until commit, as user creation holds it: of a scope and a user named alike at once, only one is made.
      await lockOwnerName(tx, name);
      const namesake = await tx.user.findUnique({ where: { login: name }, select: { id: true } });
      if (namesake && namesake.id !== user.id) {
        throw new WharfError("scopeNameReserved", "The provided scope name is reserved: it is another user's login.");
      }
      if (!user.isStaff) {
        const usage = await tx.scope.count({ where: { creatorId: user.id } });
        if (usage >= user.scopeLimit) throw new WharfError("scopeLimitReached");
      }
      const scope = await tx.scope.create({
        data: {
          scope: name,
          creatorId: user.id,
          description: input.description ?? "",
          members: { create: { userId: user.id, isAdmin: true } },
        },
      });
      return { scope, creator: user, quotas: await scopeQuotas(tx, scope) };
    });
  } catch (err) {
    // The unique index also covers names that differ only by hyphens.
    if (isUniqueViolation(err)) throw new WharfError("scopeAlreadyExists");
    throw err;
  }
  ctx.loaders.scopeByName.clear(name);
  ctx.loaders.membersByScope.clear(name);
  ctx.loaders.scopesByUser.clear(user.id);
  return created;
}

/** The settings a scope admin may change; jsr's PATCH sends one at a time, GraphQL any of them. */
export interface ScopeUpdate {
  description?: string | null;
  ghActionsVerifyActor?: boolean;
  requirePublishingFromCI?: boolean;
}

export async function updateScope(ctx: ServiceContext, name: string, update: ScopeUpdate): Promise<FullScope> {
  await getScope(ctx.db, name);
  await requireScopeAdmin(ctx, name);
  const scope = await ctx.db.scope.update({
    where: { scope: name },
    data: {
      description: update.description === undefined ? undefined : (update.description ?? ""),
      ghActionsVerifyActor: update.ghActionsVerifyActor,
      requirePublishingFromCI: update.requirePublishingFromCI,
    },
  });
  ctx.loaders.scopeByName.clear(name);
  readsChanged([readTag.jsrScope(name)]);
  return fullScope(ctx.db, scope);
}

/** The limits on a scope that staff set (as jsr's admin API does); those left out stay as they are. */
export interface ScopeLimits {
  packageLimit?: number;
  newPackagePerWeekLimit?: number;
  publishAttemptsPerWeekLimit?: number;
}

const MAX_LIMIT = 1_000_000;

export async function setScopeLimits(ctx: ServiceContext, name: string, limits: ScopeLimits): Promise<FullScope> {
  requireStaff(ctx);
  await getScope(ctx.db, name);
  for (const [field, value] of Object.entries(limits)) {
    if (value !== undefined && value !== null && (!Number.isInteger(value) || value < 0 || value > MAX_LIMIT)) {
      throw malformed(`${field} must be a whole number from 0 to ${MAX_LIMIT}`);
    }
  }
  const { packageLimit, newPackagePerWeekLimit, publishAttemptsPerWeekLimit } = limits;
  const scope = await ctx.db.scope.update({
    where: { scope: name },
    data: { packageLimit: packageLimit ?? undefined, newPackagePerWeekLimit: newPackagePerWeekLimit ?? undefined, publishAttemptsPerWeekLimit: publishAttemptsPerWeekLimit ?? undefined },
  });
  ctx.loaders.scopeByName.clear(name);
  readsChanged([readTag.jsrScope(name)]);
  return fullScope(ctx.db, scope);
}

/** Deletes an empty scope (no jsr and no Atom packages), with its members and invites. */
export async function deleteScope(ctx: ServiceContext, name: string): Promise<void> {
  await getScope(ctx.db, name);
  await requireScopeAdmin(ctx, name);
  await ctx.db.$transaction(async (tx) => {
    await lockRow(tx, "scopes", "scope", name);
    if ((await tx.package.count({ where: { scope: name } })) > 0) throw new WharfError("scopeNotEmpty");
    // Its Atom packages are owned by it; its old Atom names go to nobody with it (atom_names' owner is set null).
    if ((await tx.atomPackage.count({ where: { ownerScope: name } })) > 0) throw new WharfError("scopeNotEmpty");
    await tx.scope.delete({ where: { scope: name } });
  });
  ctx.loaders.scopeByName.clear(name);
  ctx.loaders.membersByScope.clear(name);
  readsChanged([readTag.jsrScope(name)]);
}

/** The scopes a user is a member of. */
export function listUserScopes(ctx: ServiceContext, userId: string): Promise<Scope[]> {
  return ctx.loaders.scopesByUser.load(userId);
}

/** A scope's quotas: only its admins may see them. */
export async function viewScopeQuotas(ctx: ServiceContext, scope: Scope): Promise<ScopeQuotas> {
  await requireScopeAdmin(ctx, scope.scope);
  return scopeQuotas(ctx.db, scope);
}

/**
 * A scope as the caller may see it: in full (creator, quotas, settings) for its admins, else its public part, which
 * is the same for every caller until the scope is changed (updated, its owner handed over, deleted).
 */
export async function viewScope(ctx: ServiceContext, name: string): Promise<{ full: FullScope } | { scope: Scope; keep: Keep }> {
  const scope = await getScope(ctx.db, name);
  return (await canAdministerScope(ctx, scope.scope)) ? { full: await fullScope(ctx.db, scope) } : { scope, keep: { tags: [readTag.jsrScope(scope.scope)] } };
}
