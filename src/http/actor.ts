// Who is calling, and the context a request's services run in. jsr clients send `Authorization: Bearer <token>`; apm sends
// the raw token. Both are accepted on every face.
import type { IncomingHttpHeaders } from "node:http";
import type { ServiceContext } from "../services/shared/context";
import { createLoaders } from "../services/shared/loaders";
import type { Tx } from "../storage/database";
import { authenticate, type Credential } from "../services/accounts/tokens";

export function presentedToken(headers: IncomingHttpHeaders): string | undefined {
  const header = headers.authorization?.trim();
  if (!header) return undefined;
  const bearer = /^bearer\s+(.+)$/i.exec(header);
  return bearer ? bearer[1].trim() : header;
}

/** The credential behind the request's token; undefined when none is presented. A bad token throws. */
export async function resolveCredential(db: Tx, headers: IncomingHttpHeaders): Promise<Credential | undefined> {
  const token = presentedToken(headers);
  return token === undefined ? undefined : authenticate(db, token);
}

/** A request's service context: who acts, and fresh DataLoaders. */
export async function requestContext(
  deps: Omit<ServiceContext, "actor" | "loaders">,
  headers: IncomingHttpHeaders,
): Promise<ServiceContext> {
  const { db, sql, blobs, config, log } = deps;
  const credential = await resolveCredential(db, headers);
  return {
    db,
    sql,
    blobs,
    config,
    log,
    loaders: createLoaders(db, sql),
    actor: credential?.user,
    permissions: credential?.permissions ?? null,
  };
}
