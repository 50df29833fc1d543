// Named authorization rules. Every face (jsr REST, Atom REST, GraphQL) reaches
// them through the services, so a rule answers the same everywhere.
import type { User } from "../../generated/prisma/client";
import { WharfError } from "../../errors";
import type { ServiceContext } from "./context";
import { publishGrant } from "./permissions";

/**
 * The acting user; anonymous requests are refused, and so are tokens limited
 * to certain actions (device tokens for publishing): those pass only the
 * policies of the actions they name.
 */
export function requireUser(ctx: ServiceContext): User {
  if (!ctx.actor) throw new WharfError("missingAuthentication");
  if (ctx.permissions) throw new WharfError("missingPermission");
  return ctx.actor;
}

export function requireStaff(ctx: ServiceContext): User {
  const user = requireUser(ctx);
  if (!user.isStaff) throw new WharfError("actorNotStaff");
  return user;
}

/** The user themself, or staff: for what concerns only that user (tokens, invites). */
export function requireSelfOrStaff(ctx: ServiceContext, userId: string): User {
  const user = requireUser(ctx);
  if (user.id !== userId && !user.isStaff) throw new WharfError("actorNotAuthorized");
  return user;
}

/** The actor's membership of a scope, if any (batched with the request's other lookups). */
async function membershipOf(ctx: ServiceContext, scope: string, userId: string) {
  return (await ctx.loaders.membersByScope.load(scope)).find((m) => m.userId === userId);
}

/** Staff acting as staff: on the jsr face only with the sudo header, as upstream (iam.rs) requires. */
export function actsAsStaff(ctx: ServiceContext, user: User): boolean {
  return user.isStaff && ctx.sudo !== false;
}

/** A scope admin, or staff, who may manage any scope. Outsiders and plain members are told which they are. */
export async function requireScopeAdmin(ctx: ServiceContext, scope: string): Promise<User> {
  const user = requireUser(ctx);
  const member = await membershipOf(ctx, scope, user.id);
  if (member?.isAdmin || actsAsStaff(ctx, user)) return user;
  if (!member) throw new WharfError("actorNotScopeMember");
  throw new WharfError("actorNotScopeAdmin");
}

/** A member of the scope (admin or not), or staff. */
export async function requireScopeMember(ctx: ServiceContext, scope: string): Promise<User> {
  const user = requireUser(ctx);
  if (actsAsStaff(ctx, user)) return user;
  if (!(await membershipOf(ctx, scope, user.id))) throw new WharfError("actorNotScopeMember");
  return user;
}

/** Who may publish a version, and which uploads their token allows. */
export interface Publisher {
  user: User;
  /** The uploaded tarball must hash to one of these ("sha256-<hex>"); null: any tarball. */
  tarballHashes: string[] | null;
}

/**
 * Who may publish a version: a scope member (or staff) whose token is not
 * limited, or whose token's permissions name this scope, package and version.
 */
export async function requirePublisher(ctx: ServiceContext, scope: string, pkg: string, version: string): Promise<Publisher> {
  const user = ctx.actor;
  if (!user) throw new WharfError("missingAuthentication");
  const grant = ctx.permissions ? publishGrant(ctx.permissions, scope, pkg, version) : { tarballHashes: null };
  if (!grant) throw new WharfError("missingPermission");
  if (!user.isStaff && !(await membershipOf(ctx, scope, user.id))) throw new WharfError("actorNotScopeMember");
  return { user, tarballHashes: grant.tarballHashes };
}

/** A device token approved for one tarball publishes that tarball only (upstream answers missingPermission too). */
export function requirePermittedTarball(tarballHashes: string[] | null, sha256: string): void {
  if (tarballHashes && !tarballHashes.includes(`sha256-${sha256}`)) throw new WharfError("missingPermission");
}

/** Who owns an Atom package: a user (by id) or a scope; `name` is only for messages. Neither: staff alone. */
export interface AtomOwner {
  userId: string | null;
  scope: string | null;
  name: string;
}

/** Who may publish or remove an Atom package: its owning user, a member of its owning scope, or staff. Never by name. */
export async function requireAtomOwner(ctx: ServiceContext, owner: AtomOwner): Promise<User> {
  const user = requireUser(ctx);
  if (user.isStaff || (owner.userId !== null && owner.userId === user.id)) return user;
  if (owner.scope !== null && (await membershipOf(ctx, owner.scope, user.id))) return user;
  throw new WharfError("actorNotAuthorized", `Only ${owner.name} (or a member of that scope) may do this.`);
}

/**
 * The acting user for reading what only they may see (their email, stars):
 * a token limited to publishing reads like no token at all.
 */
export function viewerOf(ctx: ServiceContext): User | undefined {
  return ctx.permissions ? undefined : ctx.actor;
}

/** Whether the caller may see a user's private fields (email): the user themself and staff may. */
export function canSeePrivateUserFields(ctx: ServiceContext, user: { id: string }): boolean {
  const viewer = viewerOf(ctx);
  return !!viewer && (viewer.id === user.id || viewer.isStaff);
}

/** Whether the actor may administer the scope; for showing or hiding what only admins see. */
export function canAdministerScope(ctx: ServiceContext, scope: string): Promise<boolean> {
  return requireScopeAdmin(ctx, scope).then(
    () => true,
    () => false,
  );
}

/** Whether the actor is a member of the scope (or staff); for showing or hiding what members may do (yank). */
export function canActInScope(ctx: ServiceContext, scope: string): Promise<boolean> {
  return requireScopeMember(ctx, scope).then(
    () => true,
    () => false,
  );
}
