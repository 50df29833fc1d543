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

/**
 * A request's service context: who acts, and fresh DataLoaders. Unless the request is itself a download, it waits
 * for the downloads this process counted to be written (at once when none waits): its reads show them.
 */
export async function requestContext(
  deps: Omit<ServiceContext, "actor" | "loaders">,
  headers: IncomingHttpHeaders,
  options: { download?: boolean } = {},
): Promise<ServiceContext> {
  const { db, sql, blobs, config, log, downloads } = deps;
  if (!options.download) await Promise.all([downloads.atom.settled(), downloads.jsr.settled()]);
  const credential = await resolveCredential(db, headers);
  return {
    db,
    sql,
    blobs,
    downloads,
    config,
    log,
    loaders: createLoaders(db, sql),
    actor: credential?.user,
    permissions: credential?.permissions ?? null,
  };
}
