// Local accounts. Wharf has no GitHub: where the jsr API says githubLogin it
// means the Wharf login.
import { credentialsChanged } from "./credential-events";
import type { User } from "../../generated/prisma/client";
import { WharfError } from "../../errors";
import type { Db, Tx } from "../../storage/database";
import type { ServiceContext } from "../shared/context";
import { requireStaff } from "../shared/policies";
import { lockOwnerName } from "../../storage/queries/locks";
import { issueToken, hashSecret, type IssuedToken } from "./tokens";
import { hashPassword } from "./passwords";
import { endUserSessions } from "./sessions";

// GitHub's rules for a login, lowercased so that logins compare as people expect.
const LOGIN_PATTERN = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){0,38}$/;

export interface NewUser {
  login: string;
  name?: string;
  isStaff?: boolean;
  /** A password to sign in with (services/accounts); none: tokens only, until one is set. */
  password?: string | null;
}

export function normalizeLogin(login: string): string {
  return login.trim().toLowerCase();
}

/**
 * Creates a user and a first token for them. Callers decide who may. Logins
 * and scope names are one namespace (an Atom repository's owner is either):
 * a login may not be a scope's name.
 */
export async function addUser(db: Db, input: NewUser): Promise<{ user: User } & IssuedToken> {
  const login = normalizeLogin(input.login);
  if (!LOGIN_PATTERN.test(login)) throw new WharfError("invalidLogin");
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return db.$transaction(async (tx) => {
    // Held until commit, as scope creation holds it: of a user and a scope named alike at once, only one is made.
    await lockOwnerName(tx, login);
    if (await tx.user.findUnique({ where: { login } })) throw new WharfError("userAlreadyExists");
    if (await tx.scope.findUnique({ where: { scope: login } })) {
      throw new WharfError("userAlreadyExists", "A scope with this name already exists; logins and scope names may not be alike.");
    }
    const user = await tx.user.create({ data: { login, name: input.name?.trim() || login, isStaff: input.isStaff ?? false, passwordHash } });
    const issued = await issueToken(tx, user.id, { description: "first token" });
    return { user, ...issued };
  });
}

/** The staff-only way to add a user over the API. */
export function createUser(ctx: ServiceContext, input: NewUser): Promise<{ user: User } & IssuedToken> {
  requireStaff(ctx);
  return addUser(ctx.db, input);
}

/** Staff block (or unblock) a user: a blocked user's tokens stop working. */
export async function setUserBlocked(ctx: ServiceContext, login: string, isBlocked: boolean): Promise<User> {
  requireStaff(ctx);
  const user = await getUserByLogin(ctx.db, login);
  if (isBlocked) await endUserSessions(ctx.db, user.id);
  const updated = await ctx.db.user.update({ where: { id: user.id }, data: { isBlocked } });
  credentialsChanged();
  return updated;
}

export async function getUserById(db: Tx, id: string): Promise<User> {
  const user = await db.user.findUnique({ where: { id } });
  if (!user) throw new WharfError("userNotFound");
  return user;
}

export async function getUserByLogin(db: Tx, login: string): Promise<User> {
  const user = await db.user.findUnique({ where: { login: normalizeLogin(login) } });
  if (!user) throw new WharfError("userNotFound");
  return user;
}

/** Counts the jsr API shows on a user's own profile. */
export async function userUsage(db: Db, userId: string): Promise<{ scopeUsage: number; inviteCount: number }> {
  const [scopeUsage, inviteCount] = await Promise.all([
    db.scope.count({ where: { creatorId: userId } }),
    db.scopeInvite.count({ where: { targetUserId: userId } }),
  ]);
  return { scopeUsage, inviteCount };
}

/**
 * With WHARF_ADMIN_TOKEN (or WHARF_ADMIN_PASSWORD) set, start-up makes sure a staff user "admin" exists;
 * it returns that user.
 */
export async function ensureAdminUser(db: Db, variable: string): Promise<User> {
  const admin = await db.$transaction(async (tx) => {
    await lockOwnerName(tx, "admin");
    const existing = await tx.user.findUnique({ where: { login: "admin" } });
    if (existing) return tx.user.update({ where: { id: existing.id }, data: { isStaff: true, isBlocked: false } });
    if (await tx.scope.findUnique({ where: { scope: "admin" } })) {
      throw new Error(`${variable}: a scope is named "admin", so no user may take that login; remove the scope or unset ${variable}.`);
    }
    return tx.user.create({ data: { login: "admin", name: "Administrator", isStaff: true } });
  });
  credentialsChanged();
  return admin;
}

/**
 * With WHARF_ADMIN_TOKEN set, start-up makes sure a staff user "admin" exists
 * and holds that token, so an operator can script everything else over HTTP.
 */
export async function ensureAdmin(db: Db, secret: string): Promise<void> {
  const admin = await ensureAdminUser(db, "WHARF_ADMIN_TOKEN");
  const hash = hashSecret(secret);
  const held = await db.token.findUnique({ where: { hash } });
  if (held && held.userId !== admin.id) {
    throw new Error("WHARF_ADMIN_TOKEN is already a token of another user; choose another secret.");
  }
  if (!held) await issueToken(db, admin.id, { description: "WHARF_ADMIN_TOKEN", secret });
}
