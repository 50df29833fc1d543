// The UI's pages, as the server must know them: to answer a browser with the
// app (200) or with the app's 404 page (404), and to tell registry paths that a
// browser may be shown from those deno reads. Mirrors web/src/routes.ts.
const PAGES: RegExp[] = [
  /^\/$/,
  /^\/(sign-in|account|auth|new)\/?$/,
  /^\/@[a-z0-9-]+\/~\/settings\/?$/,
  /^\/search\/?$/,
  /^\/user\/[^/]+\/?$/,
  /^\/atom\/packages\/[^/]+\/?$/,
  /^\/@[a-z0-9-]+\/?$/,
  /^\/@[a-z0-9-]+\/[a-z0-9-]+(@[^/]+)?(\/(versions|dependencies|dependents|settings))?\/?$/,
  /^\/@[a-z0-9-]+\/[a-z0-9-]+\/[^/@]+\/.+$/,
];

export function isPage(urlPath: string): boolean {
  return PAGES.some((page) => page.test(urlPath));
}

/** Whether the client prefers a page to bytes: browsers navigating send `Accept: text/html,...`; deno and fetch() do not. */
export function wantsHtml(accept: string | undefined): boolean {
  return accept !== undefined && accept.includes("text/html");
}
