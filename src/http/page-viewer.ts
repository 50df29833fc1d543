// Who is signed in, for the header of the page being served: the app reads it from a <meta> of the HTML,
// so that no page spends a GraphQL request (nor shows a "Sign in" flash) on it. Only a browser that sends
// a session cookie costs a lookup; a stale cookie shows the page signed out, as GraphQL would treat it.
import type { Request } from "express";
import { sessionUser } from "../services/accounts/sessions";
import type { PageViewer } from "../web/ui";
import type { AppDeps } from "./app";
import { readCookie, sessionCookieName } from "./session-cookie";

export function pageViewer(deps: AppDeps): (req: Request) => Promise<PageViewer | undefined> {
  const name = sessionCookieName(deps.config);
  return async (req) => {
    const cookie = readCookie(req.headers, name);
    if (!cookie) return undefined;
    const user = await sessionUser(deps.db, cookie).catch(() => undefined);
    return user && { login: user.login, isStaff: user.isStaff };
  };
}
