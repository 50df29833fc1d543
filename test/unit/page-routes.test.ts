// The server's list of the UI's pages (src/web/routes.ts) against the app's (web/src/routes.ts): what one shows,
// the other must serve with 200, and nothing else.
import { isPage } from "../../src/web/routes";
import { PACKAGE, SCOPE_SETTINGS } from "../../web/src/routes";

it("serves the pages that write", () => {
  for (const path of ["/sign-in", "/account", "/auth", "/new", "/@acme/~/settings", "/@acme/tools/settings"]) expect([path, isPage(path)]).toEqual([path, true]);
  expect(SCOPE_SETTINGS.exec("/@acme/~/settings")?.groups).toEqual({ scope: "acme" });
  expect(PACKAGE.exec("/@acme/tools/settings")?.groups).toMatchObject({ scope: "acme", name: "tools", tab: "settings" });
});

it("leaves other addresses alone", () => {
  for (const path of ["/auth/oidc/start", "/account/x", "/@acme/~/other", "/@acme/tools/meta.json", "/api/scopes"]) expect([path, isPage(path)]).toEqual([path, false]);
});
