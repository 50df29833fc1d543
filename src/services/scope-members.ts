// Scope membership: inviting, accepting, promoting, removing. Adding a member
// makes an invite; the invited user accepts or declines it. A scope always
// keeps at least one admin.
import type { ScopeInvite, ScopeMember, User } from "../generated/prisma/client";
import { WharfError } from "../errors";
import type { Tx } from "../storage/database";
import type { ServiceContext } from "./context";
import { requireScopeAdmin, requireUser } from "./policies";
import { getScope } from "./scopes";
import { isUniqueViolation, lockRow } from "./sql";
import { getUserById, getUserByLogin } from "./users";

export type MemberWithUser = ScopeMember & { user: User };
export type InviteWithUsers = ScopeInvite & { targetUser: User; requestingUser: User };

const withUser = { user: true } as const;
const withInviteUsers = { targetUser: true, requestingUser: true } as const;

export async function listMembers(ctx: ServiceContext, scope: string): Promise<MemberWithUser[]> {
  await getScope(ctx.db, scope);
  return ctx.db.scopeMember.findMany({ where: { scope }, include: withUser, orderBy: { createdAt: "asc" } });
}

/** Invites a user, named by login or id, to the scope. */
export async function inviteMember(
  ctx: ServiceContext,
  scope: string,
  target: { login: string } | { id: string },
): Promise<InviteWithUsers> {
  await getScope(ctx.db, scope);
  const inviter = await requireScopeAdmin(ctx, scope);
  const user = "login" in target ? await getUserByLogin(ctx.db, target.login) : await getUserById(ctx.db, target.id);
  const member = await ctx.db.scopeMember.findUnique({ where: { scope_userId: { scope, userId: user.id } } });
  if (member) throw new WharfError("alreadyScopeMember");
  try {
    return await ctx.db.scopeInvite.create({
      data: { scope, targetUserId: user.id, requestingUserId: inviter.id },
      include: withInviteUsers,
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new WharfError("alreadyInvited");
    throw err;
  }
}

export async function updateMember(
  ctx: ServiceContext,
  scope: string,
  userId: string,
  isAdmin: boolean,
): Promise<MemberWithUser> {
  await getScope(ctx.db, scope);
  await requireScopeAdmin(ctx, scope);
  return ctx.db.$transaction(async (tx) => {
    const member = await lockedMember(tx, scope, userId);
    if (member.isAdmin && !isAdmin) await assertAnotherAdmin(tx, scope, userId);
    return tx.scopeMember.update({
      where: { scope_userId: { scope, userId } },
      data: { isAdmin },
      include: withUser,
    });
  });
}

/** Removes a member. Admins may remove anyone; any member may leave. */
export async function removeMember(ctx: ServiceContext, scope: string, userId: string): Promise<void> {
  await getScope(ctx.db, scope);
  const actor = requireUser(ctx);
  if (actor.id !== userId) await requireScopeAdmin(ctx, scope);
  await ctx.db.$transaction(async (tx) => {
    const member = await lockedMember(tx, scope, userId);
    if (member.isAdmin) await assertAnotherAdmin(tx, scope, userId);
    await tx.scopeMember.delete({ where: { scope_userId: { scope, userId } } });
  });
}

// The scope row is locked first, so two admins demoting each other at once
// cannot both succeed and leave the scope with none.
async function lockedMember(tx: Tx, scope: string, userId: string): Promise<ScopeMember> {
  await lockRow(tx, "scopes", "scope", scope);
  const member = await tx.scopeMember.findUnique({ where: { scope_userId: { scope, userId } } });
  if (!member) throw new WharfError("scopeMemberNotFound");
  return member;
}

async function assertAnotherAdmin(tx: Tx, scope: string, userId: string): Promise<void> {
  const others = await tx.scopeMember.count({ where: { scope, isAdmin: true, userId: { not: userId } } });
  if (others === 0) throw new WharfError("scopeMustHaveAdmin");
}

export async function listScopeInvites(ctx: ServiceContext, scope: string): Promise<InviteWithUsers[]> {
  await getScope(ctx.db, scope);
  await requireScopeAdmin(ctx, scope);
  return ctx.db.scopeInvite.findMany({ where: { scope }, include: withInviteUsers, orderBy: { createdAt: "asc" } });
}

/** Withdraws an invite (admins), or declines it (the invited user). */
export async function deleteInvite(ctx: ServiceContext, scope: string, userId: string): Promise<void> {
  await getScope(ctx.db, scope);
  const actor = requireUser(ctx);
  if (actor.id !== userId) await requireScopeAdmin(ctx, scope);
  const { count } = await ctx.db.scopeInvite.deleteMany({ where: { scope, targetUserId: userId } });
  if (count === 0) throw new WharfError("scopeInviteNotFound");
}

export async function listOwnInvites(ctx: ServiceContext): Promise<InviteWithUsers[]> {
  const user = requireUser(ctx);
  return ctx.db.scopeInvite.findMany({
    where: { targetUserId: user.id },
    include: withInviteUsers,
    orderBy: { createdAt: "asc" },
  });
}

/** Accepts the actor's invite to a scope: the invite becomes a (non-admin) membership. */
export async function acceptInvite(ctx: ServiceContext, scope: string): Promise<MemberWithUser> {
  const user = requireUser(ctx);
  return ctx.db.$transaction(async (tx) => {
    const { count } = await tx.scopeInvite.deleteMany({ where: { scope, targetUserId: user.id } });
    if (count === 0) throw new WharfError("scopeInviteNotFound");
    return tx.scopeMember.create({ data: { scope, userId: user.id, isAdmin: false }, include: withUser });
  });
}

export function declineInvite(ctx: ServiceContext, scope: string): Promise<void> {
  const user = requireUser(ctx);
  return deleteInvite(ctx, scope, user.id);
}

/** The actor's own membership of a scope. */
export async function getOwnMembership(ctx: ServiceContext, scope: string): Promise<MemberWithUser> {
  const user = requireUser(ctx);
  await getScope(ctx.db, scope);
  const member = await ctx.db.scopeMember.findUnique({
    where: { scope_userId: { scope, userId: user.id } },
    include: withUser,
  });
  if (!member) throw new WharfError("scopeMemberNotFound");
  return member;
}
