// Tokens: the caller's own over REST (/api/user/tokens), expiry, and blocking.
import { graphql } from "./support/client";
import { query } from "./support/server";
import { useWharf } from "./support/world";

const world = useWharf();

it("lists, makes and revokes the caller's tokens", async () => {
  const alice = await world.user();
  const made = await alice.rest.POST("/api/user/tokens", { body: { description: "ci" } });
  expect(made.response.status).toBe(200);
  const { token, secret } = made.data!;
  expect(token).toMatchObject({ description: "ci", type: "personal", userId: alice.id, expiresAt: null });
  expect((await world.restAs(secret).GET("/api/user")).data?.id).toBe(alice.id);

  const listed = await alice.rest.GET("/api/user/tokens");
  expect(listed.data!.map((t) => t.description).sort()).toEqual(["ci", "first token"]);
  // Never the secret, nor its hash.
  expect(JSON.stringify(listed.data)).not.toContain(secret);

  const revoked = await alice.rest.DELETE("/api/user/tokens/{id}", { params: { path: { id: token.id } } });
  expect(revoked.response.status).toBe(204);
  expect((await world.restAs(secret).GET("/api/user")).error?.code).toBe("invalidBearerToken");

  // Someone else's token is not found, not revoked.
  const bob = await world.user();
  const bobs = (await bob.rest.GET("/api/user/tokens")).data![0];
  const other = await alice.rest.DELETE("/api/user/tokens/{id}", { params: { path: { id: bobs.id } } });
  expect([other.response.status, other.error?.code]).toEqual([404, "tokenNotFound"]);
  expect((await bob.rest.GET("/api/user")).response.status).toBe(200);
});

it("accepts a token as a bearer token (jsr) or raw (apm)", async () => {
  const alice = await world.user();
  const raw = await world.anonymous.get("/api/user", { headers: { authorization: alice.token } });
  expect(raw.body.id).toBe(alice.id);
  const bearer = await world.anonymous.get("/api/user", { headers: { authorization: `bearer ${alice.token}` } });
  expect(bearer.body.id).toBe(alice.id);
});

it("stops honouring a token once it expires", async () => {
  const alice = await world.user();
  const soon = new Date(Date.now() + 60 * 60 * 1000).toISOString();
  const made = (await alice.rest.POST("/api/user/tokens", { body: { description: "short", expiresAt: soon } })).data!;
  expect(made.token.expiresAt).toBe(soon);
  await query(world.server.databaseUrl, "UPDATE tokens SET expires_at = now() - interval '1 second' WHERE id = $1", [made.token.id]);
  const res = await world.restAs(made.secret).GET("/api/user");
  expect([res.response.status, res.error?.code]).toEqual([401, "invalidBearerToken"]);
});

it("refuses every request of a blocked user, until unblocked", async () => {
  const alice = await world.user();
  const block = (isBlocked: boolean, token = world.server.adminToken) =>
    graphql(world.server.url, `mutation($l: String!, $b: Boolean!) { setUserBlocked(login: $l, isBlocked: $b) { isBlocked } }`, { l: alice.login, b: isBlocked }, token);

  expect((await block(true, alice.token)).errors?.[0].extensions?.code).toBe("actorNotStaff");
  expect((await block(true)).data).toEqual({ setUserBlocked: { isBlocked: true } });
  const refused = await alice.rest.GET("/api/user");
  expect([refused.response.status, refused.error?.code]).toEqual([403, "blocked"]);
  const viaGraphql = await graphql(world.server.url, "{ viewer { login } }", {}, alice.token);
  expect([viaGraphql.status, viaGraphql.errors?.[0].extensions?.code]).toEqual([403, "blocked"]);

  await block(false);
  expect((await alice.rest.GET("/api/user")).response.status).toBe(200);
});
