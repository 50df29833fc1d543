// jsr: the device flow that `deno publish` uses when it has no token.
import { createHash, randomBytes } from "node:crypto";
import { query } from "./support/server";
import { useWharf, type TestUser } from "./support/world";

const world = useWharf();

function pkce() {
  const verifier = randomBytes(32).toString("hex");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64") };
}

async function start(permissions?: unknown[]) {
  const { verifier, challenge } = pkce();
  const res = await world.anonymous.post("/api/authorizations", { body: { challenge, permissions } });
  expect(res.status).toBe(200);
  return { verifier, ...res.body };
}

const exchange = (exchangeToken: string, verifier: string) =>
  world.anonymous.post("/api/authorizations/exchange", { body: { exchangeToken, verifier } });

describe("the device flow", () => {
  let alice: TestUser;
  beforeAll(async () => {
    alice = await world.user("alice");
  });

  it("yields a token for the user who approves", async () => {
    const flow = await start();
    expect(flow.code).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    expect(flow.verificationUrl).toBe(`${world.server.url.replace("127.0.0.1", "localhost")}/auth`);
    expect(flow.pollInterval).toBe(2);
    expect(new Date(flow.expiresAt).getTime() - Date.now()).toBeGreaterThan(9 * 60 * 1000);

    const pending = await exchange(flow.exchangeToken, flow.verifier);
    expect([pending.status, pending.body.code]).toEqual([400, "authorizationPending"]);

    const details = await alice.api.get(`/api/authorizations/details/${flow.code}`);
    expect(details.body).toMatchObject({ code: flow.code, permissions: null });

    expect((await world.anonymous.post(`/api/authorizations/approve/${flow.code}`)).body.code).toBe("missingAuthentication");
    expect((await alice.api.post(`/api/authorizations/approve/${flow.code}`)).status).toBe(204);
    // Answered: no longer pending, so no longer found.
    expect((await alice.api.get(`/api/authorizations/details/${flow.code}`)).status).toBe(404);

    const done = await exchange(flow.exchangeToken, flow.verifier);
    expect(done.status).toBe(200);
    expect(done.body.user).toMatchObject({ id: alice.id, login: alice.login });

    const me = await world.anonymous.get("/api/user", { token: done.body.token });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(alice.id);

    // The authorization is used up.
    const again = await exchange(flow.exchangeToken, flow.verifier);
    expect([again.status, again.body.code]).toEqual([404, "authorizationNotFound"]);
  });

  it("yields a token limited to the permissions asked for", async () => {
    const permissions = [{ permission: "package/publish", scope: "acme", package: "tools", version: "1.0.0", tarballHash: "sha256-00" }];
    const flow = await start(permissions);
    expect((await alice.api.get(`/api/authorizations/details/${flow.code}`)).body.permissions).toEqual(permissions);
    await alice.api.post(`/api/authorizations/approve/${flow.code}`);
    const { token } = (await exchange(flow.exchangeToken, flow.verifier)).body;

    const tokens = (await alice.api.get("/api/user/tokens")).body;
    expect(tokens).toContainEqual(expect.objectContaining({ type: "device", permissions }));
    // Good for publishing that version only: not for managing the account.
    const me = await world.anonymous.get("/api/user", { token });
    expect([me.status, me.body.code]).toEqual([403, "missingPermission"]);
    const scope = await world.anonymous.post("/api/scopes", { token, body: { scope: "acme" } });
    expect([scope.status, scope.body.code]).toEqual([403, "missingPermission"]);
  });

  it("has a page at the verification URL for the person to answer", async () => {
    const flow = await start();
    const page = await fetch(`${world.server.url}/auth?code=${flow.code}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    expect(await page.text()).toContain(`<div id="root">`);
  });

  it("tells a denied client so", async () => {
    const flow = await start();
    expect((await alice.api.post(`/api/authorizations/deny/${flow.code}`)).status).toBe(204);
    const res = await exchange(flow.exchangeToken, flow.verifier);
    expect([res.status, res.body.code]).toEqual([400, "authorizationDenied"]);
  });

  it("refuses a verifier that does not match the challenge", async () => {
    const flow = await start();
    await alice.api.post(`/api/authorizations/approve/${flow.code}`);
    const res = await exchange(flow.exchangeToken, "not-the-verifier");
    expect([res.status, res.body.code]).toEqual([400, "authorizationInvalidVerifier"]);
  });

  it("refuses an expired authorization", async () => {
    const flow = await start();
    await query(world.server.databaseUrl, "UPDATE authorizations SET expires_at = now() - interval '1 second' WHERE code = $1", [flow.code]);
    expect((await alice.api.post(`/api/authorizations/approve/${flow.code}`)).body.code).toBe("authorizationNotFound");
    const res = await exchange(flow.exchangeToken, flow.verifier);
    expect([res.status, res.body.code]).toEqual([400, "authorizationExpired"]);
  });

  it("knows no unknown code or exchange token", async () => {
    expect((await alice.api.get("/api/authorizations/details/ABCD-EFGH")).body.code).toBe("authorizationNotFound");
    expect((await alice.api.post("/api/authorizations/approve/ABCD-EFGH")).status).toBe(404);
    expect((await exchange("0".repeat(40), "x")).body.code).toBe("authorizationNotFound");
    const malformed = await world.anonymous.post("/api/authorizations", { body: {} });
    expect([malformed.status, malformed.body.code]).toEqual([400, "malformedRequest"]);
  });
});
