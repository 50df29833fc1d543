// jsr's JSON shapes (openapi.yaml, components/schemas), from Wharf's rows.
import type { Package, Scope, Token, User } from "../../generated/prisma/client";
import type { FullScope } from "../../services/scopes";
import type { InviteWithUsers, MemberWithUser } from "../../services/scope-members";

const iso = (d: Date) => d.toISOString();

export function presentUser(user: User) {
  return {
    id: user.id,
    login: user.login,
    name: user.name,
    avatarUrl: user.avatarUrl,
    githubId: null,
    createdAt: iso(user.createdAt),
    updatedAt: iso(user.updatedAt),
  };
}

export function presentFullUser(user: User, usage: { scopeUsage: number; inviteCount: number }) {
  return {
    ...presentUser(user),
    email: user.email,
    isBlocked: user.isBlocked,
    isStaff: user.isStaff,
    scopeUsage: usage.scopeUsage,
    scopeLimit: user.scopeLimit,
    inviteCount: usage.inviteCount,
    newerTicketMessagesCount: 0,
  };
}

export function presentScope(scope: Scope) {
  return { scope: scope.scope, description: scope.description, createdAt: iso(scope.createdAt), updatedAt: iso(scope.updatedAt) };
}

export function presentFullScope({ scope, creator, quotas }: FullScope) {
  return {
    ...presentScope(scope),
    creator: presentUser(creator),
    quotas,
    ghActionsVerifyActor: scope.ghActionsVerifyActor,
    requirePublishingFromCI: scope.requirePublishingFromCI,
  };
}

export function presentMember(member: MemberWithUser) {
  return {
    scope: member.scope,
    user: presentUser(member.user),
    isAdmin: member.isAdmin,
    createdAt: iso(member.createdAt),
    updatedAt: iso(member.updatedAt),
  };
}

export function presentInvite(invite: InviteWithUsers) {
  return {
    scope: invite.scope,
    targetUser: presentUser(invite.targetUser),
    requestingUser: presentUser(invite.requestingUser),
    createdAt: iso(invite.createdAt),
    updatedAt: iso(invite.updatedAt),
  };
}

export function presentToken(token: Token) {
  return {
    id: token.id,
    description: token.description,
    userId: token.userId,
    type: token.kind,
    expiresAt: token.expiresAt && iso(token.expiresAt),
    permissions: token.permissions ?? null,
    createdAt: iso(token.createdAt),
    updatedAt: iso(token.updatedAt),
  };
}

// Version counts, dependencies and the latest version arrive with publishing.
export function presentPackage(pkg: Package) {
  const [owner, name] = pkg.githubRepository?.split("/") ?? [];
  return {
    scope: pkg.scope,
    name: pkg.name,
    description: pkg.description,
    runtimeCompat: pkg.runtimeCompat,
    createdAt: iso(pkg.createdAt),
    updatedAt: iso(pkg.updatedAt),
    ...(owner && { githubRepository: { id: 0, owner, name, createdAt: iso(pkg.createdAt), updatedAt: iso(pkg.updatedAt) } }),
    score: null,
    versionCount: 0,
    dependencyCount: 0,
    dependentCount: 0,
    latestVersion: null,
    whenFeatured: pkg.whenFeatured && iso(pkg.whenFeatured),
    isArchived: pkg.isArchived,
    readmeSource: "readme",
  };
}
