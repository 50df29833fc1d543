// Users and scopes by their keys, for the request's loaders: a 100-package GraphQL page asks for each package's
// scope and its creator, and Prisma's compiling of those two small reads cost more than the rest of the page.
import type { Scope, User } from "../../generated/prisma/client";
import type { SqlReader } from "../sql-reader";

/** A users row as Prisma reads it. */
type UserRow = User;
/** A scopes row as Prisma reads it. */
type ScopeRow = Scope;

const USERS = `
  SELECT id, login, name, email, avatar_url AS "avatarUrl", is_staff AS "isStaff", is_blocked AS "isBlocked",
    password_hash AS "passwordHash", scope_limit AS "scopeLimit", created_at AS "createdAt", updated_at AS "updatedAt"
  FROM users WHERE id = ANY($1::uuid[])`;

const SCOPES = `
  SELECT scope, creator_id AS "creatorId", description, package_limit AS "packageLimit",
    new_package_per_week_limit AS "newPackagePerWeekLimit", publish_attempts_per_week_limit AS "publishAttemptsPerWeekLimit",
    gh_actions_verify_actor AS "ghActionsVerifyActor", require_publishing_from_ci AS "requirePublishingFromCI",
    created_at AS "createdAt", updated_at AS "updatedAt"
  FROM scopes WHERE scope = ANY($1::text[])`;

/** The users with these ids, in no particular order. */
export function usersWithIds(sql: SqlReader, ids: readonly string[]): Promise<UserRow[]> {
  return sql.query<UserRow>(USERS, [[...ids]]);
}

/** The scopes with these names, in no particular order. */
export function scopesNamed(sql: SqlReader, names: readonly string[]): Promise<ScopeRow[]> {
  return sql.query<ScopeRow>(SCOPES, [[...names]]);
}
