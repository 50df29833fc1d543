// The device flow `deno publish` uses when it has no token:
//   1. the client makes an authorization with challenge = base64(sha256(verifier));
//   2. the person approves (or denies) its code, signed in;
//   3. the client exchanges its exchange token and the verifier for a token.
import { createHash, randomBytes, randomInt } from "node:crypto";
import type { Authorization, User } from "../../generated/prisma/client";
import { Prisma } from "../../generated/prisma/client";
import { WharfError } from "../../errors";
import type { ServiceContext } from "../shared/context";
import { parsePermissions, storedPermissions } from "../shared/permissions";
import { requireUser } from "../shared/policies";
import { hashSecret, issueToken } from "./tokens";

const LIFETIME_MS = 10 * 60 * 1000;
const DEVICE_TOKEN_LIFETIME_MS = 60 * 60 * 1000;
/** Seconds between the client's polls of the exchange. */
export const POLL_INTERVAL = 2;
// No I or O, so a code read aloud or off a screen is not misread.
const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ";

export interface StartedAuthorization {
  authorization: Authorization;
  exchangeToken: string;
  verificationUrl: string;
}

export async function startAuthorization(
  ctx: ServiceContext,
  input: { challenge: string; permissions?: unknown },
): Promise<StartedAuthorization> {
  // deno asks for one version permission per package it publishes, each bound to its tarball's hash.
  const permissions = parsePermissions(input.permissions);
  const exchangeToken = randomBytes(20).toString("hex");
  const authorization = await ctx.db.authorization.create({
    data: {
      code: newCode(),
      exchangeHash: hashSecret(exchangeToken),
      challenge: input.challenge,
      permissions: permissions ? (permissions as unknown as Prisma.InputJsonValue) : Prisma.DbNull,
      expiresAt: new Date(Date.now() + LIFETIME_MS),
    },
  });
  return { authorization, exchangeToken, verificationUrl: `${ctx.config.publicUrl}/auth` };
}

function newCode(): string {
  const letters = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `${letters.slice(0, 4).join("")}-${letters.slice(4).join("")}`;
}

/** An authorization still waiting for its answer; answered or expired ones are not found. */
export async function getPendingAuthorization(ctx: ServiceContext, code: string): Promise<Authorization> {
  const authorization = await ctx.db.authorization.findUnique({ where: { code: code.toUpperCase() } });
  if (!authorization || authorization.approved !== null || authorization.expiresAt.getTime() < Date.now()) {
    throw new WharfError("authorizationNotFound");
  }
  return authorization;
}

/** The signed-in user approves or denies a pending authorization. */
export async function answerAuthorization(ctx: ServiceContext, code: string, approved: boolean): Promise<void> {
  const user = requireUser(ctx);
  const { id } = await getPendingAuthorization(ctx, code);
  // Only a still-pending row is updated, so two answers at once cannot both win.
  const { count } = await ctx.db.authorization.updateMany({
    where: { id, approved: null },
    data: { approved, userId: user.id },
  });
  if (count === 0) throw new WharfError("authorizationNotFound");
}

/** The client trades its exchange token and verifier for a device token, once the person has approved. */
export async function exchangeAuthorization(
  ctx: ServiceContext,
  input: { exchangeToken: string; verifier: string },
): Promise<{ secret: string; user: User }> {
  const authorization = await ctx.db.authorization.findUnique({
    where: { exchangeHash: hashSecret(input.exchangeToken) },
    include: { user: true },
  });
  if (!authorization) throw new WharfError("authorizationNotFound");
  if (authorization.expiresAt.getTime() < Date.now()) throw new WharfError("authorizationExpired");
  if (authorization.approved === null) throw new WharfError("authorizationPending");
  // An answered authorization is used up by its first exchange, whatever the outcome;
  // of two exchanges at once, only the one that deletes it goes on.
  const { count } = await ctx.db.authorization.deleteMany({ where: { id: authorization.id } });
  if (count === 0) throw new WharfError("authorizationNotFound");
  if (!authorization.approved) throw new WharfError("authorizationDenied");
  const expected = createHash("sha256").update(input.verifier).digest("base64");
  if (authorization.challenge !== expected) throw new WharfError("authorizationInvalidVerifier");
  const { secret } = await issueToken(ctx.db, authorization.userId!, {
    description: "device authorization",
    kind: "device",
    permissions: storedPermissions(authorization.permissions),
    expiresAt: new Date(Date.now() + DEVICE_TOKEN_LIFETIME_MS),
  });
  return { secret, user: authorization.user! };
}
