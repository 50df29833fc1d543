// Single sign-on against a real OpenID provider (oidc-provider, started here on a loopback port): the
// whole flow over HTTP, its login and consent forms posted as a browser would.
import { randomBytes } from "node:crypto";
import { startProvider, type TestProvider } from "./support/oidc";
import { startWharf, type WharfProcess } from "./support/server";
import { graphqlAs, send } from "./support/session";
import { UserAgent } from "./support/user-agent";
import { uniqueName } from "./support/world";

const STAFF_GROUP = "registry-admins";
const CLIENT_SECRET = randomBytes(16).toString("hex");
let provider: TestProvider;
let wharf: WharfProcess;
/** Wharf's PUBLIC_URL (localhost:<port>): where the provider sends the browser back. */
let publicUrl: string;

beforeAll(async () => {
  provider = await startProvider();
  wharf = await startWharf({
    WHARF_OIDC_ISSUER: provider.issuer,
    WHARF_OIDC_CLIENT_ID: "wharf",
    WHARF_OIDC_CLIENT_SECRET: CLIENT_SECRET,
    WHARF_OIDC_STAFF_GROUP: STAFF_GROUP,
    WHARF_OIDC_NAME: "Example SSO",
  });
  publicUrl = wharf.url.replace("127.0.0.1", "localhost");
  await provider.register({ redirectUri: `${publicUrl}/auth/oidc/callback`, clientId: "wharf", clientSecret: CLIENT_SECRET });
});

afterAll(async () => {
  await wharf?.destroy();
  await provider?.stop();
});

/** Signs in through the provider as `subject` in a fresh browser; returns where it ended and its Wharf session cookie. */
async function signInAs(subject: string, next?: string) {
  const browser = new UserAgent();
  const login = await browser.navigate(`${publicUrl}/auth/oidc/start${next === undefined ? "" : `?next=${encodeURIComponent(next)}`}`);
  expect(login.url.startsWith(provider.issuer)).toBe(true);
  expect(login.text).toContain('name="login"');
  const consent = await browser.submit(login, { login: subject, password: "anything" });
  const done = consent.text.includes('name="prompt" value="consent"') ? await browser.submit(consent) : consent;
  const session = browser.cookie(new URL(publicUrl).origin, "wharf_session");
  return { done, cookie: session && `wharf_session=${session}` };
}

async function viewer(cookie: string | undefined) {
  const reply = await graphqlAs(wharf.url, `{ viewer { id login name isStaff } }`, {}, { cookie });
  return reply.json.data.viewer;
}

it("offers the provider as a way to sign in", async () => {
  const reply = await graphqlAs(wharf.url, `{ signInOptions { password singleSignOn { name startUrl } } }`);
  expect(reply.json.data.signInOptions).toEqual({ password: true, singleSignOn: { name: "Example SSO", startUrl: `${publicUrl}/auth/oidc/start` } });
});

it("makes the user at the first sign-in, finds the same user later, and takes staff from the group", async () => {
  const login = uniqueName("alice");
  const subject = `sub-${login}`;
  await provider.setAccounts({ [subject]: { preferred_username: login.toUpperCase(), name: "Alice Example", email: `${login}@example.com`, groups: [STAFF_GROUP] } });

  const first = await signInAs(subject, "/account");
  expect(first.done.hops.at(-1)).toBe(`${publicUrl}/account`);
  const made = await viewer(first.cookie);
  expect(made).toEqual({ id: expect.any(String), login, name: "Alice Example", isStaff: true });

  // Later, out of the group: the same user, no longer staff.
  await provider.setAccounts({ [subject]: { preferred_username: login, name: "Alice Example", groups: [] } });
  const again = await signInAs(subject);
  expect(again.done.hops.at(-1)).toBe(`${publicUrl}/`);
  expect(again.cookie).not.toBe(first.cookie);
  expect(await viewer(again.cookie)).toEqual({ ...made, isStaff: false });
});

it("makes logins unique among users and scopes, whatever the provider calls people", async () => {
  const taken = uniqueName("taken");
  const scope = await send(`${wharf.url}/api/scopes`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${wharf.adminToken}` },
    body: JSON.stringify({ scope: taken }),
  });
  expect(scope.status).toBe(200);
  await provider.setAccounts({
    [`a-${taken}`]: { preferred_username: taken },
    [`b-${taken}`]: { preferred_username: taken },
    [`c-${taken}`]: { preferred_username: "Ünïcode Name!", email: "someone@example.com" },
  });
  expect((await viewer((await signInAs(`a-${taken}`)).cookie)).login).toBe(`${taken}-2`);
  expect((await viewer((await signInAs(`b-${taken}`)).cookie)).login).toBe(`${taken}-3`);
  expect((await viewer((await signInAs(`c-${taken}`)).cookie)).login).toMatch(/^unicode-name(-\d+)?$/);
});

it("returns only to this Wharf, and refuses a callback it did not start", async () => {
  const subject = `sub-${uniqueName("dan")}`;
  await provider.setAccounts({ [subject]: { preferred_username: "dan" } });
  const elsewhere = await signInAs(subject, "//evil.example/steal");
  expect(elsewhere.done.hops.at(-1)).toBe(`${publicUrl}/`);

  const forged = await send(`${wharf.url}/auth/oidc/callback?code=stolen&state=guessed`);
  expect([forged.status, forged.json.code]).toEqual([400, "ssoFailed"]);
  expect(forged.headers["set-cookie"]?.some((c) => c.startsWith("wharf_session="))).not.toBe(true);
});
