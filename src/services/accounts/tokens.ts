// Personal access tokens. Only a sha256 of each secret is stored; the secret
// is shown once, when it is made.
import { cachedToken, keepToken, tokenCacheGeneration } from "./token-cache";
import { credentialsChanged } from "./credential-events";
import { createHash, randomBytes } from "node:crypto";
import { Prisma, type Token, type User } from "../../generated/prisma/client";
import { malformed, WharfError } from "../../errors";
import type { Tx } from "../../storage/database";
import type { ServiceContext } from "../shared/context";
import { parsePermissions, storedPermissions, type Permission } from "../shared/permissions";
import { requireSelfOrStaff, requireUser } from "../shared/policies";

const TOKEN_PREFIX = "wharf_";

export interface IssuedToken {
  token: Token;
  /** The secret, to show once. */
  secret: string;
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function newSecret(): string {
  return TOKEN_PREFIX + randomBytes(24).toString("base64url");
}

/** Makes a token for a user. Callers decide who may (the CLI, staff, the user themself). */
export async function issueToken(
  db: Tx,
  userId: string,
  options: {
    description?: string;
    expiresAt?: Date | null;
    secret?: string;
    kind?: "personal" | "device";
    permissions?: readonly Permission[] | null;
  } = {},
): Promise<IssuedToken> {
  const secret = options.secret ?? newSecret();
  const token = await db.token.create({
    data: {
      userId,
      hash: hashSecret(secret),
      description: options.description ?? "",
      expiresAt: options.expiresAt ?? null,
      kind: options.kind ?? "personal",
      permissions: options.permissions ? (options.permissions as unknown as Prisma.InputJsonValue) : Prisma.DbNull,
    },
  });
  return { token, secret };
}

/**
 * A token for the acting user, limited to the permissions asked for (exactly
 * one, as upstream asks), or to nothing but what the user may do (none).
 */
export async function createOwnToken(
  ctx: ServiceContext,
  input: { description?: string; expiresAt?: Date | null; permissions?: unknown },
): Promise<IssuedToken> {
  const user = requireUser(ctx);
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
    throw malformed("expiresAt must be in the future");
  }
  const permissions = parsePermissions(input.permissions, { exactlyOne: true });
  const issued = await issueToken(ctx.db, user.id, { description: input.description, expiresAt: input.expiresAt, permissions });
  ctx.loaders.tokensByUser.clear(user.id);
  return issued;
}

/** A user's tokens: only they (and staff) may see them. */
export async function listUserTokens(ctx: ServiceContext, userId: string): Promise<Token[]> {
  requireSelfOrStaff(ctx, userId);
  return ctx.loaders.tokensByUser.load(userId);
}

export function listOwnTokens(ctx: ServiceContext): Promise<Token[]> {
  return listUserTokens(ctx, requireUser(ctx).id);
}

export async function revokeOwnToken(ctx: ServiceContext, id: string): Promise<void> {
  const user = requireUser(ctx);
  const { count } = await ctx.db.token.deleteMany({ where: { id, userId: user.id } });
  if (count === 0) throw new WharfError("tokenNotFound");
  credentialsChanged();
  ctx.loaders.tokensByUser.clear(user.id);
}

/** Who a token speaks for, and what it may do for them (null: anything they may). */
export interface Credential {
  user: User;
  permissions: Permission[] | null;
}

/**
 * The user a presented secret belongs to. An unknown or expired secret is an
 * error (not anonymity), so a client with a stale token learns why it fails.
 */
export async function authenticate(db: Tx, secret: string): Promise<Credential> {
  const hash = hashSecret(secret);
  let token = cachedToken(hash);
  if (!token) {
    const readAt = tokenCacheGeneration();
    token = (await db.token.findUnique({ where: { hash }, include: { user: true } })) ?? undefined;
    if (token) keepToken(hash, token, readAt);
  }
  if (!token || (token.expiresAt && token.expiresAt.getTime() <= Date.now())) {
    throw new WharfError("invalidBearerToken");
  }
  if (token.user.isBlocked) throw new WharfError("blocked");
  return { user: token.user, permissions: storedPermissions(token.permissions) };
}
