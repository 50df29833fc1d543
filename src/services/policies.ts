// Named authorization rules. Every face (jsr REST, Atom REST, GraphQL) reaches
// them through the services, so a rule answers the same everywhere.
import type { User } from "../generated/prisma/client";
import { WharfError } from "../errors";
import type { ServiceContext } from "./context";

/** The acting user; anonymous requests are refused. */
export function requireUser(ctx: ServiceContext): User {
  if (!ctx.actor) throw new WharfError("missingAuthentication");
  return ctx.actor;
}

export function requireStaff(ctx: ServiceContext): User {
  const user = requireUser(ctx);
  if (!user.isStaff) throw new WharfError("actorNotStaff");
  return user;
}

/** A scope admin, or staff, who may manage any scope. */
export async function requireScopeAdmin(ctx: ServiceContext, scope: string): Promise<User> {
  const user = requireUser(ctx);
  if (user.isStaff) return user;
  const member = await ctx.db.scopeMember.findUnique({ where: { scope_userId: { scope, userId: user.id } } });
  if (!member?.isAdmin) throw new WharfError("actorNotScopeAdmin");
  return user;
}

/** A member of the scope (admin or not), or staff. */
export async function requireScopeMember(ctx: ServiceContext, scope: string): Promise<User> {
  const user = requireUser(ctx);
  if (user.isStaff) return user;
  const member = await ctx.db.scopeMember.findUnique({ where: { scope_userId: { scope, userId: user.id } } });
  if (!member) throw new WharfError("actorNotScopeMember");
  return user;
}
