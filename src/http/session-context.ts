// Who a GraphQL request acts for: its token when it presents one (as on REST), else its session cookie.
// A stale or unknown cookie leaves the request anonymous.
import type { Request, Response } from "express";
import { endSession, sessionUser, type StartedSession } from "../services/accounts/sessions";
import type { ServiceContext } from "../services/shared/context";
import { createLoaders } from "../services/shared/loaders";
import { presentedToken, requestContext } from "./actor";
import type { AppDeps } from "./app";
import { clearSessionCookie, readCookie, sessionCookieName, setSessionCookie } from "./session-cookie";

/** What the session resolvers may do to the request's cookie; the rules stay in services/accounts. */
export interface SessionControl {
  /** The remote address sign-ins are throttled by (req.ip: the peer, unless Express is told to trust a proxy). */
  address: string;
  /** The session the request came with, if its cookie names a live one. */
  secret?: string;
  /** Sets the cookie of a session just started, ending the one the request came with. */
  begin(session: StartedSession): Promise<void>;
  /** Ends the request's session, if any, and clears its cookie. */
  end(): Promise<void>;
}

export async function graphqlRequestContext(deps: AppDeps, req: Request, res: Response): Promise<ServiceContext & { session: SessionControl }> {
  const { db, config } = deps;
  const cookie = presentedToken(req.headers) === undefined ? readCookie(req.headers, sessionCookieName(config)) : undefined;
  const user = cookie ? await sessionUser(db, cookie) : undefined;
  if (user) await deps.downloads.atom.settled();
  const context = user
    ? { ...deps, loaders: createLoaders(deps.db, deps.sql), actor: user, permissions: null }
    : await requestContext(deps, req.headers);
  const secret = user ? cookie : undefined;
  const session: SessionControl = {
    address: req.ip ?? req.socket.remoteAddress ?? "unknown",
    secret,
    async begin(started) {
      if (cookie) await endSession(db, cookie);
      setSessionCookie(res, config, started.secret, started.expiresAt);
    },
    async end() {
      if (cookie) await endSession(db, cookie);
      clearSessionCookie(res, config);
    },
  };
  return { ...context, session };
}
