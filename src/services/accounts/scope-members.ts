// Scope membership: inviting, accepting, promoting, removing. Adding a member
// makes an invite; the invited user accepts or declines it. A scope always
// keeps at least one admin.
import { readsChanged, readTag } from "../shared/kept-reads";
import type { ScopeInvite, ScopeMember, User } from "../../generated/prisma/client";
import { WharfError } from "../../errors";
import type { Tx } from "../../storage/database";
import type { ServiceContext } from "../shared/context";
import { requireScopeAdmin, requireScopeMember, requireSelfOrStaff, requireUser } from "../shared/policies";
import { getScope } from "./scopes";
import { isUniqueViolation } from "../../storage/pg-errors";
import { lockRow } from "../../storage/queries/locks";
import { getUserById, getUserByLogin } from "./users";

export type MemberWithUser = ScopeMember & { user: User };
export type InviteWithUsers = ScopeInvite & { targetUser: User; requestingUser: User };

const withUser = { user: true } as const;
const withInviteUsers = { targetUser: true, requestingUser: true } as const;

export async function listMembers(ctx: ServiceContext, scope: string): Promise<MemberWithUser[]> {
  await getScope(ctx.db, scope);
  return ctx.loaders.membersByScope.load(scope);
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
  const members = await ctx.loaders.membersByScope.load(scope);
  if (members.some((m) => m.userId === user.id)) throw new WharfError("alreadyScopeMember");
  try {
    const invite = await ctx.db.scopeInvite.create({
      data: { scope, targetUserId: user.id, requestingUserId: inviter.id },
      include: withInviteUsers,
    });
    forgetInvites(ctx, scope, user.id);
    return invite;
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
  const member = await ctx.db.$transaction(async (tx) => {
    const current = await lockedMember(tx, scope, userId);
    if (current.isAdmin && !isAdmin) await assertAnotherAdmin(tx, scope, userId);
    const updated = await tx.scopeMember.update({
      where: { scope_userId: { scope, userId } },
      data: { isAdmin },
      include: withUser,
    });
    if (!isAdmin) await handOverOwnership(tx, scope, userId);
    return updated;
  });
  forgetMembers(ctx, scope, userId);
  return member;
}

/** Removes a member. Admins may remove anyone; any member may leave. */
export async function removeMember(ctx: ServiceContext, scope: string, userId: string): Promise<void> {
  await getScope(ctx.db, scope);
  const actor = await requireScopeMember(ctx, scope);
  if (actor.id !== userId) await requireScopeAdmin(ctx, scope);
  await ctx.db.$transaction(async (tx) => {
    const member = await lockedMember(tx, scope, userId);
    if (member.isAdmin) await assertAnotherAdmin(tx, scope, userId);
    await tx.scopeMember.delete({ where: { scope_userId: { scope, userId } } });
    await handOverOwnership(tx, scope, userId);
  });
  forgetMembers(ctx, scope, userId);
}

// The scope row is locked first, so two admins demoting each other at once
// cannot both succeed and leave the scope with none.
async function lockedMember(tx: Tx, scope: string, userId: string): Promise<ScopeMember> {
  await lockRow(tx, "scopes", "scope", scope);
  const member = await tx.scopeMember.findUnique({ where: { scope_userId: { scope, userId } } });
  if (!member) throw new WharfError("scopeMemberNotFound");
  return member;
}

/**
 * When the scope's creator (its owner, whose scope limit it counts against) stops being an admin, the longest-standing
 * admin with room under their own scope limit becomes the owner; with none, the change is refused (upstream's
 * transfer_scope).
 */
async function handOverOwnership(tx: Tx, scope: string, leavingUserId: string): Promise<void> {
  const owner = await tx.scope.findUnique({ where: { scope }, select: { creatorId: true } });
  if (owner?.creatorId !== leavingUserId) return;
  const admins = await tx.scopeMember.findMany({
    where: { scope, isAdmin: true, userId: { not: leavingUserId } },
    include: { user: { select: { scopeLimit: true, _count: { select: { createdScopes: true } } } } },
    orderBy: { createdAt: "asc" },
  });
  const heir = admins.find((a) => a.user._count.createdScopes < a.user.scopeLimit);
  if (!heir) throw new WharfError("noScopeOwnerAvailable");
  await tx.scope.update({ where: { scope }, data: { creatorId: heir.userId } });
}

async function assertAnotherAdmin(tx: Tx, scope: string, userId: string): Promise<void> {
  const others = await tx.scopeMember.count({ where: { scope, isAdmin: true, userId: { not: userId } } });
  if (others === 0) throw new WharfError("scopeMustHaveAdmin");
}

export async function listScopeInvites(ctx: ServiceContext, scope: string): Promise<InviteWithUsers[]> {
  await getScope(ctx.db, scope);
  await requireScopeAdmin(ctx, scope);
  return ctx.loaders.invitesByScope.load(scope);
}

/** A scope admin withdraws an invite. Like upstream, withdrawing one that is not there is no error. */
export async function withdrawInvite(ctx: ServiceContext, scope: string, userId: string): Promise<void> {
  await getScope(ctx.db, scope);
  await requireScopeAdmin(ctx, scope);
  await removeInvite(ctx, scope, userId);
}

/** The invited user declines. Like upstream, declining an invite that is not there is no error. */
export async function declineInvite(ctx: ServiceContext, scope: string): Promise<void> {
  await removeInvite(ctx, scope, requireUser(ctx).id);
}

async function removeInvite(ctx: ServiceContext, scope: string, userId: string): Promise<void> {
  await ctx.db.scopeInvite.deleteMany({ where: { scope, targetUserId: userId } });
  forgetInvites(ctx, scope, userId);
}

/** The invites a user has received: only they (and staff) may see them. */
export async function listUserInvites(ctx: ServiceContext, userId: string): Promise<InviteWithUsers[]> {
  requireSelfOrStaff(ctx, userId);
  return ctx.loaders.invitesByUser.load(userId);
}

export function listOwnInvites(ctx: ServiceContext): Promise<InviteWithUsers[]> {
  return listUserInvites(ctx, requireUser(ctx).id);
}

/** Accepts the actor's invite to a scope: the invite becomes a (non-admin) membership. */
export async function acceptInvite(ctx: ServiceContext, scope: string): Promise<MemberWithUser> {
  const user = requireUser(ctx);
  const member = await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.scopeInvite.deleteMany({ where: { scope, targetUserId: user.id } });
    if (count === 0) throw new WharfError("scopeInviteNotFound");
    return tx.scopeMember.create({ data: { scope, userId: user.id, isAdmin: false }, include: withUser });
  });
  forgetInvites(ctx, scope, user.id);
  forgetMembers(ctx, scope, user.id);
  return member;
}

/** The actor's own membership of a scope. */
export async function getOwnMembership(ctx: ServiceContext, scope: string): Promise<MemberWithUser> {
  const user = requireUser(ctx);
  const member = (await listMembers(ctx, scope)).find((m) => m.userId === user.id);
  if (!member) throw new WharfError("scopeMemberNotFound");
  return member;
}

// What this request has loaded about a membership or an invite is stale once it changes.
function forgetMembers(ctx: ServiceContext, scope: string, userId: string): void {
  ctx.loaders.membersByScope.clear(scope);
  ctx.loaders.scopeByName.clear(scope); // its owner may have changed
  readsChanged([readTag.jsrScope(scope)]); // and with it the scope's updated_at
  ctx.loaders.scopesByUser.clear(userId);
}

function forgetInvites(ctx: ServiceContext, scope: string, userId: string): void {
  ctx.loaders.invitesByScope.clear(scope);
  ctx.loaders.invitesByUser.clear(userId);
}
