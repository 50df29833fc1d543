// Signing in with a login and password, and changing passwords.
import type { User } from "../../generated/prisma/client";
import { WharfError } from "../../errors";
import type { Db, Tx } from "../../storage/database";
import type { ServiceContext } from "../shared/context";
import { requireUser } from "../shared/policies";
import { normalizeLogin } from "./users";
import { hashPassword, verifyPassword } from "./passwords";
import { endUserSessions, startSession, type StartedSession } from "./sessions";
import { throttledSignIn, throttleKeys } from "./sign-in-throttle";

export interface SignedIn {
  user: User;
  session: StartedSession;
}

/**
 * A new session for the login's user when the password is theirs. Unknown logins, users without a
 * password and wrong passwords all answer invalidCredentials, after the same work; all count for the throttle.
 */
export async function signInWithPassword(db: Db, input: { login: string; password: string; address: string }): Promise<SignedIn> {
  const login = normalizeLogin(input.login);
  const user = await throttledSignIn(db, throttleKeys(login, input.address), async () => {
    const found = await db.user.findUnique({ where: { login } });
    const { matches, outdated } = await verifyPassword(input.password, found?.passwordHash ?? null);
    if (!found || !matches) return undefined;
    if (outdated) await setPassword(db, found.id, input.password);
    return found;
  });
  // Blocked after the password check, so that blocking says nothing about a password to who does not know it.
  if (user.isBlocked) throw new WharfError("blocked");
  return { user, session: await startSession(db, user.id) };
}

export async function setPassword(db: Tx, userId: string, password: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(password) } });
}

/** Sets a user's password by login (the CLI, on the server's machine). */
export async function setPasswordByLogin(db: Db, login: string, password: string): Promise<User> {
  const passwordHash = await hashPassword(password);
  const user = await db.user.findUnique({ where: { login: normalizeLogin(login) } });
  if (!user) throw new WharfError("userNotFound");
  await endUserSessions(db, user.id);
  return db.user.update({ where: { id: user.id }, data: { passwordHash } });
}

/**
 * The signed-in user changes their password, giving the current one if they have one (a user made by
 * single sign-on may set a first one). Their other sessions end.
 */
export async function changeOwnPassword(
  ctx: ServiceContext,
  input: { currentPassword?: string | null; newPassword: string; keepSession?: string },
): Promise<void> {
  const user = requireUser(ctx);
  if (user.passwordHash !== null) {
    // Guessing the current password through a session counts against the account like any sign-in.
    await throttledSignIn(ctx.db, throttleKeys(user.login, "").slice(0, 1), async () =>
      (await verifyPassword(input.currentPassword ?? "", user.passwordHash)).matches ? true : undefined,
    );
  }
  await setPassword(ctx.db, user.id, input.newPassword);
  await endUserSessions(ctx.db, user.id, input.keepSession);
}

/** WHARF_ADMIN_PASSWORD: start-up gives "admin" this password unless it already has it. */
export async function ensurePassword(db: Db, userId: string, password: string): Promise<void> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const { matches, outdated } = await verifyPassword(password, user.passwordHash);
  if (!matches || outdated) await setPassword(db, userId, password);
}
