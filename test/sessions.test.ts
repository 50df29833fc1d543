// Browser sessions: signing in with a password, the cookie's flags, what a session may do (GraphQL only),
// and what another site cannot make a signed-in browser do.
import { createHash, randomBytes } from "node:crypto";
import { query } from "./support/server";
import { cookiePair, graphqlAs, send, setCookies, signIn, SIGN_IN } from "./support/session";
import { uniqueName, useWharf } from "./support/world";

const ADMIN_PASSWORD = `admin-pw-${randomBytes(6).toString("hex")}`;
const world = useWharf({ WHARF_ADMIN_PASSWORD: ADMIN_PASSWORD });
const url = () => world.server.url;

const VIEWER = `{ viewer { login isStaff } }`;
const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id login } } }`;

/** A user made by a signed-in admin, with a password; returns the login and a session of theirs. */
async function personWithPassword(adminCookie: string, prefix = "p") {
  const login = uniqueName(prefix);
  const password = `pw-${randomBytes(8).toString("hex")}`;
  const made = await graphqlAs(url(), CREATE_USER, { input: { login, password } }, { cookie: adminCookie });
  expect(made.json.errors).toBeUndefined();
  return { login, password, id: made.json.data.createUser.user.id as string, cookie: await signIn(url(), login, password) };
}

describe("with WHARF_ADMIN_PASSWORD", () => {
  let adminCookie: string;
  beforeAll(async () => {
    adminCookie = await signIn(url(), "admin", ADMIN_PASSWORD);
  });

  it("admin signs in, with a cookie that is httpOnly, SameSite=Lax and not Secure on http", async () => {
    const reply = await graphqlAs(url(), SIGN_IN, { login: "Admin", password: ADMIN_PASSWORD });
    expect(reply.json.data.signIn.user).toEqual({ login: "admin" });
    const line = setCookies(reply).wharf_session;
    expect(line).toMatch(/^wharf_session=[A-Za-z0-9_-]{43}; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/);
    const expires = new Date(/Expires=([^;]+)/.exec(line)![1]).getTime();
    expect(Math.abs(expires - new Date(reply.json.data.signIn.expiresAt).getTime())).toBeLessThan(1000);
    // Only its hash is stored.
    const secret = cookiePair(line).split("=")[1];
    const rows = await query(world.server.databaseUrl, `SELECT hash FROM sessions WHERE hash = $1`, [createHash("sha256").update(secret).digest("hex")]);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(await query(world.server.databaseUrl, `SELECT * FROM sessions`))).not.toContain(secret);
  });

  it("a session is the viewer in GraphQL, and nothing to REST (tokens only there)", async () => {
    expect((await graphqlAs(url(), VIEWER, {}, { cookie: adminCookie })).json.data.viewer).toEqual({ login: "admin", isStaff: true });
    expect((await graphqlAs(url(), VIEWER)).json.data.viewer).toBeNull();
    const rest = await send(`${url()}/api/user`, { headers: { cookie: adminCookie } });
    expect([rest.status, rest.json.code]).toEqual([401, "missingAuthentication"]);
    // A token, when sent, speaks for itself whatever the cookie.
    const bob = await world.user("bob");
    expect((await graphqlAs(url(), VIEWER, {}, { cookie: adminCookie, token: bob.token })).json.data.viewer.login).toBe(bob.login);
  });

  it("wrong passwords, unknown logins and users without a password are all invalidCredentials", async () => {
    const tokenOnly = await world.user("tok");
    for (const [login, password] of [["admin", "not-the-password"], [uniqueName("nobody"), "whatever-it-is"], [tokenOnly.login, "whatever-it-is"]]) {
      const reply = await graphqlAs(url(), SIGN_IN, { login, password }, { from: "127.0.0.9" });
      expect([reply.status, reply.json.errors[0].extensions.code]).toEqual([200, "invalidCredentials"]);
      expect(reply.headers["set-cookie"]).toBeUndefined();
    }
  });

  it("a signed-in person manages tokens, scopes, members and packages through the same mutations", async () => {
    const carol = await personWithPassword(adminCookie, "carol");
    const dave = await personWithPassword(adminCookie, "dave");
    const as = (cookie: string) => (q: string, v: Record<string, unknown> = {}) => graphqlAs(url(), q, v, { cookie }).then((r) => r.json);
    const carolQ = as(carol.cookie);
    const daveQ = as(dave.cookie);

    const made = await carolQ(`mutation { createToken(description: "laptop", expiresAt: "2099-01-01T00:00:00Z") { secret token { id description expiresAt } } }`);
    expect(made.data.createToken.token).toMatchObject({ description: "laptop", expiresAt: "2099-01-01T00:00:00.000Z" });
    const me = await send(`${url()}/api/user`, { headers: { authorization: `Bearer ${made.data.createToken.secret}` } });
    expect(me.json.login).toBe(carol.login);
    const listed = await carolQ(`{ viewer { tokens { nodes { id description } } } }`);
    expect(listed.data.viewer.tokens.nodes).toContainEqual({ id: made.data.createToken.token.id, description: "laptop" });
    expect((await carolQ(`mutation($id: ID!) { revokeToken(id: $id) }`, { id: made.data.createToken.token.id })).data.revokeToken).toBe(true);
    expect((await send(`${url()}/api/user`, { headers: { authorization: `Bearer ${made.data.createToken.secret}` } })).status).toBe(401);

    const scope = uniqueName("s");
    expect((await carolQ(`mutation($s: String!) { createScope(input: { scope: $s }) { scope } }`, { s: scope })).errors).toBeUndefined();
    expect((await carolQ(`mutation($s: String!, $l: String!) { inviteScopeMember(scope: $s, login: $l) { createdAt } }`, { s: scope, l: dave.login })).errors).toBeUndefined();
    expect((await daveQ(`{ viewer { invites { scope { scope } } } }`)).data.viewer.invites).toEqual([{ scope: { scope } }]);
    expect((await daveQ(`mutation($s: String!) { acceptScopeInvite(scope: $s) { isAdmin } }`, { s: scope })).data.acceptScopeInvite).toEqual({ isAdmin: false });
    // A plain member may not do an admin's part: the catalogue's refusal, as on every face.
    const refused = await daveQ(`mutation($s: String!, $u: ID!) { updateScopeMember(scope: $s, userId: $u, isAdmin: true) { isAdmin } }`, { s: scope, u: dave.id });
    expect(refused.errors[0].extensions.code).toBe("actorNotScopeAdmin");

    const pkg = uniqueName("p");
    expect((await daveQ(`mutation($s: String!, $n: String!) { createPackage(scope: $s, name: $n) { name } }`, { s: scope, n: pkg })).errors).toBeUndefined();
    const updated = await carolQ(`mutation($s: String!, $n: String!) { updatePackage(scope: $s, name: $n, input: { description: "from a session" }) { description } }`, { s: scope, n: pkg });
    expect(updated.data.updatePackage.description).toBe("from a session");
    expect((await carolQ(`mutation($s: String!, $n: String!) { deletePackage(scope: $s, name: $n) }`, { s: scope, n: pkg })).data.deletePackage).toBe(true);
  });

  it("approves a device authorization, after showing what it asks for", async () => {
    const erin = await personWithPassword(adminCookie, "erin");
    const verifier = randomBytes(32).toString("hex");
    const challenge = createHash("sha256").update(verifier).digest("base64");
    const permissions = [{ permission: "package/publish", scope: "somescope", package: "pkg", version: "1.0.0", tarballHash: `sha256-${"a".repeat(64)}` }];
    const started = await send(`${url()}/api/authorizations`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ challenge, permissions }) });
    const { code, exchangeToken } = started.json;

    const shown = await graphqlAs(url(), `query($c: String!) { authorization(code: $c) { code permissions { scope package version } expiresAt } }`, { c: code }, { cookie: erin.cookie });
    expect(shown.json.data.authorization).toMatchObject({ code, permissions: [{ scope: "somescope", package: "pkg", version: "1.0.0" }] });
    const approved = await graphqlAs(url(), `mutation($c: String!) { approveAuthorization(code: $c) }`, { c: code }, { cookie: erin.cookie });
    expect(approved.json.data.approveAuthorization).toBe(true);
    expect((await graphqlAs(url(), `query($c: String!) { authorization(code: $c) { code } }`, { c: code })).json.data.authorization).toBeNull();

    const exchanged = await send(`${url()}/api/authorizations/exchange`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ exchangeToken, verifier }) });
    expect([exchanged.status, exchanged.json.user.login]).toEqual([200, erin.login]);

    // Denying works the same way, and leaves the client nothing.
    const second = await send(`${url()}/api/authorizations`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ challenge }) });
    const denied = await graphqlAs(url(), `mutation($c: String!) { denyAuthorization(code: $c) }`, { c: second.json.code }, { cookie: erin.cookie });
    expect(denied.json.data.denyAuthorization).toBe(true);
    const refused = await send(`${url()}/api/authorizations/exchange`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ exchangeToken: second.json.exchangeToken, verifier }) });
    expect(refused.json.code).toBe("authorizationDenied");
  });

  it("signing out ends the session and clears the cookie", async () => {
    const frank = await personWithPassword(adminCookie, "frank");
    const out = await graphqlAs(url(), `mutation { signOut }`, {}, { cookie: frank.cookie });
    expect(out.json.data.signOut).toBe(true);
    expect(setCookies(out).wharf_session).toMatch(/^wharf_session=; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax$/);
    // The old cookie, sent again (as a copy of it would be), signs in nobody.
    expect((await graphqlAs(url(), VIEWER, {}, { cookie: frank.cookie })).json.data.viewer).toBeNull();
  });

  it("changing a password ends the other sessions; blocking a user ends all theirs", async () => {
    const gina = await personWithPassword(adminCookie, "gina");
    const other = await signIn(url(), gina.login, gina.password);
    const wrong = await graphqlAs(url(), `mutation { changePassword(currentPassword: "not-it-at-all", newPassword: "a-new-password") }`, {}, { cookie: gina.cookie });
    expect(wrong.json.errors[0].extensions.code).toBe("invalidCredentials");
    const short = await graphqlAs(url(), `mutation($p: String!) { changePassword(currentPassword: $p, newPassword: "short") }`, { p: gina.password }, { cookie: gina.cookie });
    expect(short.json.errors[0].extensions.code).toBe("passwordNotAllowed");
    const changed = await graphqlAs(url(), `mutation($p: String!) { changePassword(currentPassword: $p, newPassword: "a-new-password") }`, { p: gina.password }, { cookie: gina.cookie });
    expect(changed.json.data.changePassword).toBe(true);
    expect((await graphqlAs(url(), VIEWER, {}, { cookie: gina.cookie })).json.data.viewer.login).toBe(gina.login);
    expect((await graphqlAs(url(), VIEWER, {}, { cookie: other })).json.data.viewer).toBeNull();
    const fresh = await signIn(url(), gina.login, "a-new-password");

    await graphqlAs(url(), `mutation($l: String!) { setUserBlocked(login: $l, isBlocked: true) { isBlocked } }`, { l: gina.login }, { cookie: adminCookie });
    expect((await graphqlAs(url(), VIEWER, {}, { cookie: fresh })).json.data.viewer).toBeNull();
    const blocked = await graphqlAs(url(), SIGN_IN, { login: gina.login, password: "a-new-password" });
    expect(blocked.json.errors[0].extensions.code).toBe("blocked");
  });
});

it("counts sign-ins by the peer's address, not by an X-Forwarded-For it does not trust", async () => {
  const from = "127.0.0.77";
  for (let i = 1; i <= 9; i++) {
    const reply = await graphqlAs(url(), SIGN_IN, { login: uniqueName("x"), password: "some-password" }, { from, headers: { "x-forwarded-for": `203.0.113.${i}` } });
    expect(reply.json.errors[0].extensions.code).toBe("invalidCredentials");
  }
  const tenth = await graphqlAs(url(), SIGN_IN, { login: uniqueName("x"), password: "some-password" }, { from, headers: { "x-forwarded-for": "203.0.113.10" } });
  expect([tenth.status, tenth.json.errors[0].extensions.code]).toEqual([429, "tooManySignInAttempts"]);
});

it("has no single sign-on unless configured", async () => {
  const options = await graphqlAs(url(), `{ signInOptions { password singleSignOn { name } } }`);
  expect(options.json.data.signInOptions).toEqual({ password: true, singleSignOn: null });
  for (const path of ["/auth/oidc/start", "/auth/oidc/callback?code=x&state=y"]) {
    const reply = await send(`${url()}${path}`);
    expect([reply.status, reply.json.code]).toEqual([404, "ssoNotConfigured"]);
  }
});

describe("another site's requests (CSRF)", () => {
  it("cannot run a mutation with the cookie: form and text/plain posts are refused before anything runs", async () => {
    const cookie = await signIn(url(), "admin", ADMIN_PASSWORD);
    const description = `csrf-${randomBytes(4).toString("hex")}`;
    const mutation = `mutation { createToken(description: "${description}") { secret } }`;
    const attempts = [
      { "content-type": "application/x-www-form-urlencoded", body: new URLSearchParams({ query: mutation }).toString() },
      { "content-type": "text/plain", body: JSON.stringify({ query: mutation }) },
      { "content-type": "multipart/form-data; boundary=x", body: `--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n${mutation}\r\n--x--\r\n` },
    ];
    for (const { body, ...headers } of attempts) {
      const reply = await send(`${url()}/graphql`, { method: "POST", headers: { ...headers, cookie, origin: "https://evil.example" }, body });
      expect([headers["content-type"], reply.status]).toEqual([headers["content-type"], 400]);
    }
    // A GET (what an <img> or a link sends) runs nothing either: Apollo refuses mutations over GET, and
    // queries over GET without a preflight header.
    const get = await send(`${url()}/graphql?query=${encodeURIComponent(mutation)}`, { headers: { cookie } });
    expect(get.status).toBe(400);

    const tokens = await graphqlAs(url(), `{ viewer { tokens(first: 100) { nodes { description } } } }`, {}, { cookie });
    expect(tokens.json.data.viewer.tokens.nodes.map((t: { description: string }) => t.description)).not.toContain(description);
    // The same mutation, as the UI sends it (JSON), does run: the refusals above were CSRF prevention.
    const ran = await graphqlAs(url(), mutation, {}, { cookie });
    expect(ran.json.data.createToken.secret).toMatch(/^wharf_/);
  });
});
