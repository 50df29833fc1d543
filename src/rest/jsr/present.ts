// jsr's JSON shapes (openapi.yaml, components/schemas), from Wharf's rows.
import type { Package, PackageDependency, PackageVersion, Prisma, PublishingTask, Scope, Token, User } from "../../generated/prisma/client";
import { storedPermissions } from "../../services/shared/permissions";
import type { components } from "../contract";
import type { PackageSummary } from "../../services/jsr/packages";
import type { Dependent } from "../../services/jsr/versions";
import type { FullScope } from "../../services/accounts/scopes";
import type { InviteWithUsers, MemberWithUser } from "../../services/accounts/scope-members";

const iso = (d: Date) => d.toISOString();

type RuntimeCompat = components["schemas"]["RuntimeCompat"];
const RUNTIMES = ["browser", "deno", "node", "workerd", "bun"] as const;

/** The stored runtimeCompat (only ever written from a body checked against RuntimeCompat), field by field. */
function runtimeCompatOf(stored: Prisma.JsonValue): RuntimeCompat {
  const fields = (typeof stored === "object" && stored !== null && !Array.isArray(stored) ? stored : {}) as Record<string, unknown>;
  return Object.fromEntries(RUNTIMES.flatMap((r) => (typeof fields[r] === "boolean" || fields[r] === null ? [[r, fields[r]]] : []))) as RuntimeCompat;
}

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
    permissions: storedPermissions(token.permissions),
    createdAt: iso(token.createdAt),
    updatedAt: iso(token.updatedAt),
  };
}

export function presentPackage(pkg: Package, summary: PackageSummary) {
  const [owner, name] = pkg.githubRepository?.split("/") ?? [];
  return {
    scope: pkg.scope,
    name: pkg.name,
    description: pkg.description,
    runtimeCompat: runtimeCompatOf(pkg.runtimeCompat),
    createdAt: iso(pkg.createdAt),
    updatedAt: iso(pkg.updatedAt),
    ...(owner && { githubRepository: { id: 0, owner, name, createdAt: iso(pkg.createdAt), updatedAt: iso(pkg.updatedAt) } }),
    ...summary,
    whenFeatured: pkg.whenFeatured && iso(pkg.whenFeatured),
    isArchived: pkg.isArchived,
    readmeSource: "readme" as const,
  };
}

export function presentVersion(version: PackageVersion, newerVersionsCount: number) {
  return {
    scope: version.scope,
    package: version.name,
    version: version.version,
    yanked: version.yanked,
    usesNpm: version.usesNpm,
    newerVersionsCount,
    lifetimeDownloadCount: 0,
    rekorLogId: null,
    readmePath: version.readme,
    createdAt: iso(version.createdAt),
    updatedAt: iso(version.updatedAt),
  };
}

export function presentTask(task: PublishingTask) {
  return {
    id: task.id,
    status: task.status,
    error: task.errorCode ? { code: task.errorCode, message: task.errorMessage ?? "" } : null,
    userId: task.userId,
    packageScope: task.scope,
    packageName: task.name,
    packageVersion: task.version,
    createdAt: iso(task.createdAt),
    updatedAt: iso(task.updatedAt),
  };
}

export function presentDependency(dependency: PackageDependency) {
  return { kind: dependency.kind, name: dependency.dependency, constraint: dependency.constraint, path: dependency.path };
}

export function presentDependent(dependent: Dependent) {
  return { scope: dependent.scope, package: dependent.name, versions: dependent.versions, totalVersions: dependent.versions.length };
}
