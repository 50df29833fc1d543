// GraphQL over packages: one package, lists with filters and order, a scope's
// packages, and the registry's counts.
import { graphql, bodyOf } from "./support/client";
import { uniqueName, useWharf, type TestUser } from "./support/world";

const world = useWharf();
const gql = (query: string, variables: Record<string, unknown> = {}, token?: string) =>
  graphql(world.server.url, query, variables, token);

async function scopeWithPackages(owner: TestUser, names: string[]): Promise<string> {
  const scope = uniqueName("s");
  expect((await owner.api.post("/api/scopes", { body: { scope } })).status).toBe(200);
  for (const name of names) expect((await owner.api.post(`/api/scopes/${scope}/packages`, { body: { package: name } })).status).toBe(200);
  return scope;
}

it("finds one jsr package by scope and name, as REST does", async () => {
  const alice = await world.user();
  const scope = await scopeWithPackages(alice, ["tools"]);
  const res = await gql(
    `query($s: String!) { package(ecosystem: JSR, scope: $s, name: "tools") { id ecosystem name ... on JsrPackage { fullName isArchived scope { scope creator { login } } } } }`,
    { s: scope },
  );
  expect(res.errors).toBeUndefined();
  expect(res.data.package).toEqual({
    id: `jsr:@${scope}/tools`,
    ecosystem: "JSR",
    name: "tools",
    fullName: `@${scope}/tools`,
    isArchived: false,
    scope: { scope, creator: { login: alice.login } },
  });
  const rest = await world.anonymous.get(`/api/scopes/${scope}/packages/tools`);
  expect(rest.body).toMatchObject({ scope, name: "tools", isArchived: false });

  expect((await gql(`query($s: String!) { package(ecosystem: JSR, scope: $s, name: "none") { id } }`, { s: scope })).data.package).toBeNull();
  expect((await gql(`{ package(ecosystem: JSR, name: "tools") { id } }`)).errors?.[0].extensions?.code).toBe("malformedRequest");
});

it("lists packages filtered, ordered and paged", async () => {
  const alice = await world.user();
  const scope = await scopeWithPackages(alice, ["alpha", "beta-tools", "gamma"]);
  const list = `query($f: PackageFilter, $o: PackageOrder, $first: Int, $after: String) {
    packages(filter: $f, orderBy: $o, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { name } }
  }`;
  const byName = await gql(list, { f: { scope }, o: { field: "NAME", direction: "ASC" }, first: 2 });
  expect(byName.data.packages).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true }, nodes: [{ name: "alpha" }, { name: "beta-tools" }] });
  const rest = await gql(list, { f: { scope }, o: { field: "NAME", direction: "ASC" }, first: 2, after: byName.data.packages.pageInfo.endCursor });
  expect(rest.data.packages.nodes).toEqual([{ name: "gamma" }]);

  const newest = await gql(list, { f: { scope } });
  expect(newest.data.packages.nodes.map((n: { name: string }) => n.name)).toEqual(["gamma", "beta-tools", "alpha"]);
  const searched = await gql(list, { f: { scope, query: "TOOLS" } });
  expect(searched.data.packages).toMatchObject({ totalCount: 1, nodes: [{ name: "beta-tools" }] });
  expect((await gql(list, { f: { scope, ecosystem: "ATOM" } })).data.packages.totalCount).toBe(0);

  const ofScope = await gql(`query($s: String!) { scope(name: $s) { packages(first: 10) { totalCount nodes { fullName } } } }`, { s: scope });
  expect(ofScope.data.scope.packages.totalCount).toBe(3);
});

it("counts what the registry holds", async () => {
  const before = (await gql("{ stats { userCount scopeCount packageCount } }")).data.stats;
  const alice = await world.user();
  await scopeWithPackages(alice, ["one", "two"]);
  const after = (await gql("{ stats { userCount scopeCount packageCount } }")).data.stats;
  expect(after).toEqual({ userCount: before.userCount + 1, scopeCount: before.scopeCount + 1, packageCount: before.packageCount + 2 });
});

it("costs the same number of statements for a page of 5 or 50 packages with their versions and scopes", async () => {
  // A scope may add 20 packages a week: spread 51 over three scopes, each with its own owner.
  const marker = uniqueName("m");
  for (let s = 0; s < 3; s++) {
    await scopeWithPackages(await world.user(), Array.from({ length: 17 }, (_, i) => `${marker}-${s}-${i}`));
  }
  const statements = async (first: number) => {
    const res = await fetch(`${world.server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: `query($q: String!, $n: Int!) { packages(filter: { query: $q }, first: $n) { nodes { id ... on JsrPackage { latestVersion { version dependencies { name } } versions { totalCount } scope { scope creator { login } members { totalCount } } } } } }`,
        variables: { q: marker, n: first },
      }),
    });
    const body = await bodyOf(res);
    expect(body.data.packages.nodes).toHaveLength(first);
    return Number(res.headers.get("x-wharf-sql-statements"));
  };
  expect(await statements(50)).toBe(await statements(5));
});
