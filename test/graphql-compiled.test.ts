// Queries run through graphql-js the first time and compiled (graphql-jit) from then on (compiled-executor.ts); every
// other test runs them compiled from the start. Here each query is sent twice, on a server that compiles on the
// second run, and both answers must be the same: data, errors (code, message, path and locations) and status.
import { randomBytes } from "node:crypto";
import { graphql } from "./support/client";
import { query } from "./support/server";
import { uniqueName, useWharf } from "./support/world";

const METRICS_TOKEN = `metrics-${randomBytes(12).toString("hex")}`;
const world = useWharf({ GRAPHQL_COMPILE_AFTER: "1", WHARF_METRICS_TOKEN: METRICS_TOKEN });

/** How many GraphQL operations ran with each executor so far. */
async function operations(): Promise<Record<string, number>> {
  const res = await fetch(`${world.server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  const counts: Record<string, number> = { compiled: 0, "graphql-js": 0 };
  for (const [, executor, n] of (await res.text()).matchAll(/^wharf_graphql_operations_total\{executor="([^"]+)"\} (\d+)$/gm)) counts[executor] = Number(n);
  return counts;
}

/** The answers to a query sent twice: through graphql-js, then compiled; they must be the same. */
async function twice(document: string, variables: Record<string, unknown> = {}, token?: string, runs = 1) {
  const before = await operations();
  const first = await graphql(world.server.url, document, variables, token);
  const second = await graphql(world.server.url, document, variables, token);
  expect(second).toEqual(first);
  const after = await operations();
  expect([after.compiled - before.compiled, after["graphql-js"] - before["graphql-js"]]).toEqual([runs, runs]);
  return first;
}

it("answers a query the same through graphql-js and compiled", async () => {
  const alice = await world.user();
  const scope = uniqueName("s");
  expect((await alice.api.post("/api/scopes", { body: { scope } })).status).toBe(200);
  for (const name of ["one", "two"]) expect((await alice.api.post(`/api/scopes/${scope}/packages`, { body: { package: name } })).status).toBe(200);
  const atom = uniqueName("atom");
  await query(
    world.server.databaseUrl,
    `INSERT INTO atom_packages (name, owner, repository, metadata, readme) VALUES ($1, 'someone', 'someone/x', '{"name": "x", "description": "d"}', '# x')`,
    [atom],
  );
  await query(world.server.databaseUrl, `INSERT INTO atom_versions (name, version, metadata, tarball) VALUES ($1, '1.0.0', '{}', repeat('0', 64))`, [atom]);

  const page = await twice(
    `query($s: String!, $first: Int, $withScope: Boolean!) {
       packages(first: $first, filter: { scope: $s }, orderBy: { field: NAME, direction: ASC }) {
         totalCount pageInfo { hasNextPage endCursor }
         nodes { __typename id name ... on JsrPackage { fullName scope @include(if: $withScope) { scope creator { login } } } }
         edges { cursor node { id } }
       }
       atom: packages(filter: { ecosystem: ATOM, query: "${atom}" }) { nodes { name ...atom } }
     }
     fragment atom on AtomPackage { owner starCount viewerHasStarred latestVersion { version } }`,
    { s: scope, first: 1, withScope: true },
    alice.token,
  );
  expect(page.errors).toBeUndefined();
  expect(page.data.packages.nodes).toEqual([{ __typename: "JsrPackage", id: `jsr:@${scope}/one`, name: "one", fullName: `@${scope}/one`, scope: { scope, creator: { login: alice.login } } }]);
  expect(page.data.atom.nodes).toEqual([{ name: atom, owner: "someone", starCount: 0, viewerHasStarred: false, latestVersion: { version: "1.0.0" } }]);

  // A resolver's refusal, beside data that was found.
  const refused = await twice(`{ found: package(ecosystem: JSR, scope: "${scope}", name: "two") { name } missing: package(ecosystem: JSR, name: "two") { id } }`);
  expect(refused.data).toEqual({ found: { name: "two" }, missing: null });
  expect(refused.errors).toEqual([expect.objectContaining({ path: ["missing"], locations: [expect.objectContaining({ line: 1 })], extensions: expect.objectContaining({ code: "malformedRequest" }) })]);

  // What only the signed-in may read, asked anonymously.
  const anonymous = await twice(`{ viewer { login tokens { totalCount } } }`);
  expect(anonymous.status).toBe(200);

  // Variables of the wrong type are refused before the query runs (graphql/infra/limits.ts).
  const badVariables = await twice(`query($first: Int) { packages(first: $first) { totalCount } }`, { first: "many" }, undefined, 0);
  expect(badVariables.status).toBe(400);
  expect(badVariables.errors?.[0].extensions?.code).toBe("malformedRequest");
});

it("runs mutations through graphql-js, every time", async () => {
  const alice = await world.user();
  const before = await operations();
  for (const scope of [uniqueName("s"), uniqueName("s")]) {
    const res = await graphql(world.server.url, `mutation($s: String!) { createScope(input: { scope: $s }) { scope } }`, { s: scope }, alice.token);
    expect(res.errors).toBeUndefined();
  }
  const after = await operations();
  expect([after.compiled - before.compiled, after["graphql-js"] - before["graphql-js"]]).toEqual([0, 2]);
});
