// GET /auth/oidc/start and /auth/oidc/callback: "Sign in with <provider>" (services/accounts/oidc.ts).
// Between the two, the browser keeps the flow's state, nonce and PKCE verifier in a cookie of its own:
// httpOnly, limited to /auth/oidc, lasting ten minutes, and SameSite=Lax, which the provider's redirect
// back (a top-level GET) still carries.
import express, { type Request, type Response, type Router } from "express";
import { WharfError, asWharfError } from "../errors";
import { SingleSignOn, safeNext, type PendingSignOn } from "../services/accounts/oidc";
import { signInWithProvider } from "../services/accounts/oidc-users";
import { sendError } from "../rest/openapi-adapter";
import type { AppDeps } from "./app";
import { isSecureOrigin, readCookie, setSessionCookie } from "./session-cookie";
import { pathOf } from "./url-path";

const PENDING_COOKIE = "wharf_oidc";
const PENDING_LIFETIME_MS = 10 * 60 * 1000;

function readPending(req: Request): PendingSignOn | undefined {
  const raw = readCookie(req.headers, PENDING_COOKIE);
  if (!raw) return undefined;
  try {
    const value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    const fields = [value?.state, value?.nonce, value?.verifier];
    return fields.every((f) => typeof f === "string" && f) ? { state: value.state, nonce: value.nonce, verifier: value.verifier, next: safeNext(value.next) } : undefined;
  } catch {
    return undefined;
  }
}

export function oidcRoutes(deps: AppDeps): Router {
  const router = express.Router();
  const { config } = deps;
  const settings = config.oidc;
  const pendingCookie = { httpOnly: true, sameSite: "lax" as const, secure: isSecureOrigin(config), path: "/auth/oidc" };
  const fail = (req: Request, res: Response, err: unknown) => {
    const error = asWharfError(err);
    if (error.code === "internalServerError") deps.log.error("single sign-on failed", { error: String((err as Error)?.stack ?? err) });
    res.set("Cache-Control", "no-store");
    sendError(res, pathOf(req.originalUrl), error);
  };
  if (!settings) {
    router.get(["/start", "/callback"], (req, res) => fail(req, res, new WharfError("ssoNotConfigured")));
    return router;
  }
  const sso = new SingleSignOn(settings, `${config.publicUrl}/auth/oidc/callback`, deps.log);

  router.get("/start", async (req, res) => {
    try {
      const { url, pending } = await sso.begin(safeNext(req.query.next));
      res.cookie(PENDING_COOKIE, Buffer.from(JSON.stringify(pending)).toString("base64url"), { ...pendingCookie, maxAge: PENDING_LIFETIME_MS });
      res.set("Cache-Control", "no-store").redirect(302, url);
    } catch (err) {
      fail(req, res, err);
    }
  });

  router.get("/callback", async (req, res) => {
    const pending = readPending(req);
    // Used once, whatever happens next.
    res.clearCookie(PENDING_COOKIE, pendingCookie);
    try {
      if (!pending) throw new WharfError("ssoFailed");
      // The query string with its "?" (what follows the path), or nothing.
      const query = req.originalUrl.slice(pathOf(req.originalUrl).length);
      const profile = await sso.complete(new URL(sso.redirectUri + query), pending);
      const { session } = await signInWithProvider(deps.db, profile, settings.staffGroup);
      setSessionCookie(res, config, session.secret, session.expiresAt);
      res.set("Cache-Control", "no-store").redirect(302, `${config.publicUrl}${pending.next}`);
    } catch (err) {
      fail(req, res, err);
    }
  });
  return router;
}
