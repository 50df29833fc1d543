// Who is calling. jsr clients send `Authorization: Bearer <token>`; apm sends
// the raw token. Both are accepted on every face.
import type { IncomingHttpHeaders } from "node:http";
import type { User } from "../generated/prisma/client";
import type { Tx } from "../storage/database";
import { authenticate } from "../services/tokens";

export function presentedToken(headers: IncomingHttpHeaders): string | undefined {
  const header = headers.authorization?.trim();
  if (!header) return undefined;
  const bearer = /^bearer\s+(.+)$/i.exec(header);
  return bearer ? bearer[1].trim() : header;
}

/** The user behind the request's token; undefined when none is presented. A bad token throws. */
export async function resolveActor(db: Tx, headers: IncomingHttpHeaders): Promise<User | undefined> {
  const token = presentedToken(headers);
  return token === undefined ? undefined : authenticate(db, token);
}
