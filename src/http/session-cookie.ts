// The session cookie: httpOnly (no script reads it), SameSite=Lax (other sites' forms and fetches do not
// carry it), Secure and __Host- prefixed when PUBLIC_URL is https (never sent in clear, never set by a
// subdomain). It signs in GraphQL requests only (session-context.ts), never REST.
import type { IncomingHttpHeaders } from "node:http";
import type { CookieOptions, Response } from "express";
import type { Config } from "../config";

export function isSecureOrigin(config: Config): boolean {
  return config.publicUrl.startsWith("https:");
}

export function sessionCookieName(config: Config): string {
  return isSecureOrigin(config) ? "__Host-wharf_session" : "wharf_session";
}

/** A cookie's value from the Cookie header, or undefined. */
export function readCookie(headers: IncomingHttpHeaders, name: string): string | undefined {
  for (const pair of (headers.cookie ?? "").split(";")) {
    const at = pair.indexOf("=");
    if (at > 0 && pair.slice(0, at).trim() === name) {
      const value = pair.slice(at + 1).trim();
      return value || undefined;
    }
  }
  return undefined;
}

export function cookieOptions(config: Config, expires?: Date): CookieOptions {
  return { httpOnly: true, sameSite: "lax", secure: isSecureOrigin(config), path: "/", ...(expires ? { expires } : {}) };
}

export function setSessionCookie(res: Response, config: Config, secret: string, expiresAt: Date): void {
  res.cookie(sessionCookieName(config), secret, cookieOptions(config, expiresAt));
}

export function clearSessionCookie(res: Response, config: Config): void {
  res.clearCookie(sessionCookieName(config), cookieOptions(config));
}
