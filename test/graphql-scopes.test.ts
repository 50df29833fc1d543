// GraphQL over scopes, members, invites and tokens: the same rules as REST,
// visibility per field, connections, cost limits and the statement budget.
import { graphql, bodyOf } from "./support/client";
import { request } from "./support/client";
import { uniqueName, useWharf, type TestUser } from "./support/world";

const world = useWharf();
const gql = (query: string, variables: Record<string, unknown> = {}, token?: string) =>
  graphql(world.server.url, query, variables, token);
const codeOf = (res: { errors?: Array<{ extensions?: { code?: string } }> }) => res.errors?.[0]?.extensions?.code;

async function createScope(user: TestUser): Promise<string> {
  const scope = uniqueName("s");
  const res = await gql(`mutation($i: CreateScopeInput!) { createScope(input: $i) { scope } }`, { i: { scope } }, user.token);
  expect(res.errors).toBeUndefined();
  return scope;
}

describe("written through GraphQL, read through REST (and back)", () => {
  it("manages a scope's life and membership", async () => {
    const alice = await world.user();
    const bob = await world.user();
    const scope = await createScope(alice);

    const updated = await gql(
      `mutation($s: String!) { updateScope(scope: $s, input: { description: "Via GraphQL", requirePublishingFromCI: true }) { description requirePublishingFromCI } }`,
      { s: scope },
      alice.token,
    );
    expect(updated.data.updateScope).toEqual({ description: "Via GraphQL", requirePublishingFromCI: true });
    expect((await alice.api.get(`/api/scopes/${scope}`)).body).toMatchObject({ description: "Via GraphQL", requirePublishingFromCI: true });

    const invited = await gql(
      `mutation($s: String!, $l: String!) { inviteScopeMember(scope: $s, login: $l) { scope { scope } targetUser { login } requestingUser { login } } }`,
      { s: scope, l: bob.login },
      alice.token,
    );
    expect(invited.data.inviteScopeMember).toEqual({ scope: { scope }, targetUser: { login: bob.login }, requestingUser: { login: alice.login } });
    expect((await bob.api.get("/api/user/invites")).body).toEqual([expect.objectContaining({ scope })]);

    // Accepted through REST, seen through GraphQL.
    expect((await bob.api.post(`/api/user/invites/${scope}`)).status).toBe(200);
    const members = await gql(`query($s: String!) { scope(name: $s) { members { totalCount nodes { isAdmin user { login } } } } }`, { s: scope });
    expect(members.data.scope.members).toEqual({
      totalCount: 2,
      nodes: [
        { isAdmin: true, user: { login: alice.login } },
        { isAdmin: false, user: { login: bob.login } },
      ],
    });

    const promoted = await gql(
      `mutation($s: String!, $u: ID!) { updateScopeMember(scope: $s, userId: $u, isAdmin: true) { isAdmin scope { scope } } }`,
      { s: scope, u: bob.id },
      alice.token,
    );
    expect(promoted.data.updateScopeMember).toEqual({ isAdmin: true, scope: { scope } });
    expect((await bob.api.get(`/api/user/member/${scope}`)).body.isAdmin).toBe(true);

    const removed = await gql(`mutation($s: String!, $u: ID!) { removeScopeMember(scope: $s, userId: $u) }`, { s: scope, u: alice.id }, bob.token);
    expect(removed.data.removeScopeMember).toBe(true);
    expect((await alice.api.get(`/api/user/member/${scope}`)).status).toBe(404);

    const deleted = await gql(`mutation($s: String!) { deleteScope(scope: $s) }`, { s: scope }, bob.token);
    expect(deleted.data.deleteScope).toBe(true);
    expect((await world.anonymous.get(`/api/scopes/${scope}`)).status).toBe(404);
  });

  it("answers a broken rule with the catalogue's code, as REST does", async () => {
    const alice = await world.user();
    const bob = await world.user();
    const scope = await createScope(alice);

    const graph = await gql(`mutation($s: String!, $u: ID!) { updateScopeMember(scope: $s, userId: $u, isAdmin: false) { isAdmin } }`, { s: scope, u: alice.id }, alice.token);
    const rest = await alice.api.patch(`/api/scopes/${scope}/members/${alice.id}`, { body: { isAdmin: false } });
    expect(codeOf(graph)).toBe("scopeMustHaveAdmin");
    expect(rest.body.code).toBe("scopeMustHaveAdmin");

    const stranger = await gql(`mutation($s: String!) { deleteScope(scope: $s) }`, { s: scope }, bob.token);
    expect(codeOf(stranger)).toBe("actorNotScopeMember");
    expect((await bob.api.delete(`/api/scopes/${scope}`)).body.code).toBe("actorNotScopeMember");

    const taken = await gql(`mutation($i: CreateScopeInput!) { createScope(input: $i) { scope } }`, { i: { scope } }, bob.token);
    expect(codeOf(taken)).toBe("scopeAlreadyExists");
  });

  it("answers device authorizations", async () => {
    const alice = await world.user();
    const start = await world.anonymous.post("/api/authorizations", { body: { challenge: "c" } });
    const res = await gql(`mutation($c: String!) { denyAuthorization(code: $c) }`, { c: start.body.code }, alice.token);
    expect(res.data.denyAuthorization).toBe(true);
    const exchange = await world.anonymous.post("/api/authorizations/exchange", { body: { exchangeToken: start.body.exchangeToken, verifier: "v" } });
    expect(exchange.body.code).toBe("authorizationDenied");
  });
});

describe("what each viewer may see", () => {
  it("shows tokens, invites and email only to whom they concern", async () => {
    const alice = await world.user();
    const bob = await world.user();
    const scope = await createScope(alice);
    await alice.api.post(`/api/scopes/${scope}/members`, { body: { githubLogin: bob.login } });
    const query = `query($l: String!) { user(login: $l) { login email tokens { totalCount nodes { kind } } invites { scope { scope } } } }`;

    const own = await gql(query, { l: bob.login }, bob.token);
    expect(own.errors).toBeUndefined();
    expect(own.data.user.tokens.totalCount).toBe(1);
    expect(own.data.user.invites).toEqual([{ scope: { scope } }]);

    const other = await gql(query, { l: bob.login }, alice.token);
    expect(other.errors?.map((e) => `${e.extensions?.code} ${(e as { path?: string[] }).path?.join(".")}`).sort()).toEqual([
      "actorNotAuthorized user.invites",
      "actorNotAuthorized user.tokens",
    ]);
    expect(other.data.user).toEqual({ login: bob.login, email: null, tokens: null, invites: null });

    const staff = await gql(query, { l: bob.login }, world.server.adminToken);
    expect(staff.errors).toBeUndefined();
  });

  it("shows a scope's invites and quotas only to its admins", async () => {
    const alice = await world.user();
    const bob = await world.user();
    const scope = await createScope(alice);
    const query = `query($s: String!) { scope(name: $s) { viewerIsAdmin invites { targetUser { login } } quotas { packageLimit } } }`;

    const admin = await gql(query, { s: scope }, alice.token);
    expect(admin.data.scope).toEqual({ viewerIsAdmin: true, invites: [], quotas: { packageLimit: 100 } });
    const other = await gql(query, { s: scope }, bob.token);
    expect(other.errors?.map((e) => e.extensions?.code)).toEqual(["actorNotScopeMember", "actorNotScopeMember"]);
  });

  it("revokes a token so that it stops working", async () => {
    const alice = await world.user();
    const made = await gql(`mutation { createToken(description: "temp") { secret token { id } } }`, {}, alice.token);
    const { secret, token } = made.data.createToken;
    expect((await gql(`mutation($id: ID!) { revokeToken(id: $id) }`, { id: token.id }, alice.token)).data.revokeToken).toBe(true);
    expect((await world.anonymous.get("/api/user", { token: secret })).body.code).toBe("invalidBearerToken");
    expect(codeOf(await gql(`mutation($id: ID!) { revokeToken(id: $id) }`, { id: token.id }, alice.token))).toBe("tokenNotFound");
  });
});

describe("connections and limits", () => {
  it("pages with first/after", async () => {
    const alice = await world.user("pager");
    const scope = await createScope(alice);
    for (let i = 0; i < 4; i++) {
      const member = await world.user();
      await alice.api.post(`/api/scopes/${scope}/members`, { body: { githubLogin: member.login } });
      await member.api.post(`/api/user/invites/${scope}`);
    }
    const page = `query($s: String!, $after: String) { scope(name: $s) { members(first: 2, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } nodes { user { login } } } } }`;
    const first = (await gql(page, { s: scope })).data.scope.members;
    expect(first.totalCount).toBe(5);
    expect(first.nodes).toHaveLength(2);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const third = (await gql(page, { s: scope, after: (await gql(page, { s: scope, after: first.pageInfo.endCursor })).data.scope.members.pageInfo.endCursor })).data.scope.members;
    expect(third.nodes).toHaveLength(1);
    expect(third.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    expect(codeOf(await gql(`query($s: String!) { scope(name: $s) { members(first: 101) { totalCount } } }`, { s: scope }))).toBe("malformedRequest");
    expect(codeOf(await gql(`query($s: String!) { scope(name: $s) { members(after: "junk") { totalCount } } }`, { s: scope }))).toBe("malformedRequest");
  });

  it("refuses queries too deep or too costly before running them", async () => {
    let deep = "login";
    for (let i = 0; i < 5; i++) deep = `scopes(first: 1) { nodes { creator { ${deep} } } }`;
    const tooDeep = await gql(`{ viewer { ${deep} } }`, {}, world.server.adminToken);
    expect(tooDeep.status).toBe(400);
    expect(codeOf(tooDeep)).toBe("queryTooDeep");

    const costly = await gql(
      `{ viewer { scopes(first: 100) { nodes { members(first: 100) { nodes { user { scopes(first: 100) { totalCount } } } } } } } }`,
      {},
      world.server.adminToken,
    );
    expect(codeOf(costly)).toBe("queryTooComplex");
  });

  it("costs a fixed number of SQL statements, whatever the page size", async () => {
    const owner = await world.user("owner");
    const scopes: string[] = [];
    const statementsFor = async (count: number) => {
      while (scopes.length < count) {
        const scope = await createScope(await world.user("creator"));
        // Staff act on others' scopes on the jsr face with its sudo header, as upstream.
        await world.admin.post(`/api/scopes/${scope}/members`, { body: { githubLogin: owner.login }, headers: { "x-jsr-sudo": "true" } });
        await owner.api.post(`/api/user/invites/${scope}`);
        scopes.push(scope);
      }
      const res = await fetch(`${world.server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${owner.token}` },
        body: JSON.stringify({
          query: `{ viewer { scopes(first: 50) { totalCount nodes { scope creator { login } viewerIsAdmin members { totalCount nodes { isAdmin user { login } } } } } } }`,
        }),
      });
      const body = await bodyOf(res);
      expect(body.errors).toBeUndefined();
      expect(body.data.viewer.scopes.totalCount).toBe(count);
      return Number(res.headers.get("x-wharf-sql-statements"));
    };
    const few = await statementsFor(2);
    const many = await statementsFor(12);
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(10);
  });
});

it("checks REST statement counts are reported too", async () => {
  const res = await request(world.server.url, "GET", "/healthz");
  expect(res.headers.get("x-wharf-sql-statements")).toBe("1");
});
