// jsr's own URL shapes (deno prints them: /new, /auth), and Wharf's for Atom, users and accounts.
// The server keeps the same list (src/web/routes.ts) to answer 404 for anything else.
export const SCOPE = /^\/@(?<scope>[a-z0-9-]+)\/?$/;
export const PACKAGE = /^\/@(?<scope>[a-z0-9-]+)\/(?<name>[a-z0-9-]+)(?:@(?<version>[^/]+))?(?:\/(?<tab>versions|dependencies|dependents|settings))?\/?$/;
export const SCOPE_SETTINGS = /^\/@(?<scope>[a-z0-9-]+)\/~\/settings\/?$/;
export const SOURCE = /^\/@(?<scope>[a-z0-9-]+)\/(?<name>[a-z0-9-]+)\/(?<version>[^/@]+)\/(?<path>.+)$/;

export const packageUrl = (fullName: string, version?: string) => (version ? `${fullName.startsWith("@") ? "/" : "/@"}${fullName.replace(/^@/, "")}@${version}` : `/${fullName}`);
export const atomUrl = (name: string) => `/atom/packages/${encodeURIComponent(name)}`;
export const userUrl = (login: string) => `/user/${encodeURIComponent(login)}`;

/** The sign-in page, coming back to `next` (a path of this site) afterwards. */
export const signInUrl = (next?: string) => (next && next !== "/" ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in");
