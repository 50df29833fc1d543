// GraphQL at /graphql: the accounts part, and the schema file's freshness.
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { graphql } from "./support/client";
import { uniqueName, useWharf } from "./support/world";

const world = useWharf();
const gql = (query: string, variables: Record<string, unknown> = {}, token?: string) =>
  graphql(world.server.url, query, variables, token);

describe("queries", () => {
  it("answers viewer for the token's user, and null without one", async () => {
    const alice = await world.user();
    const mine = await gql("{ viewer { id login isStaff } }", {}, alice.token);
    expect(mine.data).toEqual({ viewer: { id: alice.id, login: alice.login, isStaff: false } });
    expect((await gql("{ viewer { id } }")).data).toEqual({ viewer: null });

    const bad = await gql("{ viewer { id } }", {}, "wharf_nope");
    expect(bad.status).toBe(401);
    expect(bad.errors?.[0].extensions?.code).toBe("invalidBearerToken");
  });

  it("finds users and scopes, with the scope's members", async () => {
    const alice = await world.user();
    const scope = uniqueName("s");
    await alice.api.post("/api/scopes", { body: { scope, description: "Tools" } });

    const res = await gql(
      `query($login: String!, $scope: String!) {
        user(login: $login) { id name }
        scope(name: $scope) { scope description members { totalCount nodes { isAdmin user { login } } } }
        missing: scope(name: "nope-nope") { scope }
      }`,
      { login: alice.login, scope },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      user: { id: alice.id, name: `Test ${alice.login}` },
      scope: { scope, description: "Tools", members: { totalCount: 1, nodes: [{ isAdmin: true, user: { login: alice.login } }] } },
      missing: null,
    });
  });
});

describe("mutations", () => {
  const createUser = `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id login } token } }`;

  it("lets staff create users whose token works on every face", async () => {
    const login = uniqueName("new");
    const res = await gql(createUser, { input: { login, name: "New Person" } }, world.server.adminToken);
    expect(res.errors).toBeUndefined();
    const { user, token } = res.data.createUser;
    expect(user.login).toBe(login);
    expect((await world.anonymous.get("/api/user", { token })).body).toMatchObject({ id: user.id, name: "New Person" });

    const taken = await gql(createUser, { input: { login } }, world.server.adminToken);
    expect(taken.errors?.[0].extensions?.code).toBe("userAlreadyExists");
    const invalid = await gql(createUser, { input: { login: "-bad-" } }, world.server.adminToken);
    expect(invalid.errors?.[0].extensions?.code).toBe("invalidLogin");
  });

  it("refuses createUser to non-staff and to the anonymous", async () => {
    const alice = await world.user();
    const input = { input: { login: uniqueName("x") } };
    expect((await gql(createUser, input, alice.token)).errors?.[0].extensions?.code).toBe("actorNotStaff");
    expect((await gql(createUser, input)).errors?.[0].extensions?.code).toBe("missingAuthentication");
  });

  it("makes tokens for the caller, and honours their expiry", async () => {
    const alice = await world.user();
    const create = `mutation($d: String!, $e: DateTimeISO) { createToken(description: $d, expiresAt: $e) { secret token { id description kind expiresAt } } }`;
    const res = await gql(create, { d: "laptop" }, alice.token);
    expect(res.data.createToken.token).toMatchObject({ description: "laptop", kind: "personal", expiresAt: null });
    expect((await world.anonymous.get("/api/user", { token: res.data.createToken.secret })).body.id).toBe(alice.id);

    const past = await gql(create, { d: "old", e: new Date(Date.now() - 1000).toISOString() }, alice.token);
    expect(past.errors?.[0].extensions?.code).toBe("malformedRequest");
    expect((await gql(create, { d: "x" })).errors?.[0].extensions?.code).toBe("missingAuthentication");
  });
});

describe("the endpoint", () => {
  it("shows Apollo Sandbox to a browser", async () => {
    const res = await fetch(`${world.server.url}/graphql`, { headers: { accept: "text/html" } });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/sandbox/i);
  });

  it("serves the schema that schema.graphql holds", () => {
    const root = path.resolve(__dirname, "..");
    const emitted = execFileSync(process.execPath, ["-e", `require("./dist/src/graphql/emit-schema").printWharfSchema().then((s) => process.stdout.write(s))`], {
      cwd: root,
    }).toString();
    expect(fs.readFileSync(path.join(root, "schema.graphql"), "utf8")).toBe(emitted);
  });
});
