// Browser sessions. The cookie holds a random secret; the database keeps only
// its sha256 (as for tokens), so a leaked table signs nobody in. Sessions
// authenticate GraphQL (and the UI) only: REST stays token-only.
import { randomBytes } from "node:crypto";
import type { User } from "../../generated/prisma/client";
import type { Tx } from "../../storage/database";
import { hashSecret } from "./tokens";

/** How long a sign-in lasts; signing in again starts a new one. */
export const SESSION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

export interface StartedSession {
  /** The cookie's value: shown to the browser once, never stored. */
  secret: string;
  expiresAt: Date;
}

export async function startSession(db: Tx, userId: string): Promise<StartedSession> {
  const secret = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
  // Sessions that ran out (anyone's) go as a new one comes: the table holds little more than the live ones.
  await db.session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
  await db.session.create({ data: { userId, hash: hashSecret(secret), expiresAt } });
  return { secret, expiresAt };
}

/**
 * The user a session cookie signs in; undefined for an unknown or expired session or a blocked user,
 * so that a stale cookie leaves its browser anonymous rather than failing every request.
 */
export async function sessionUser(db: Tx, secret: string): Promise<User | undefined> {
  const session = await db.session.findUnique({ where: { hash: hashSecret(secret) }, include: { user: true } });
  if (!session || session.expiresAt.getTime() <= Date.now() || session.user.isBlocked) return undefined;
  return session.user;
}

export async function endSession(db: Tx, secret: string): Promise<void> {
  await db.session.deleteMany({ where: { hash: hashSecret(secret) } });
}

/** Signs a user out everywhere (blocked, or their password changed), but for the session given. */
export async function endUserSessions(db: Tx, userId: string, keepSecret?: string): Promise<void> {
  await db.session.deleteMany({ where: { userId, ...(keepSecret ? { hash: { not: hashSecret(keepSecret) } } : {}) } });
}
