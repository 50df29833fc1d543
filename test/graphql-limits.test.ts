// What one GraphQL operation may ask for (issue #10): aliases, fragments and
// the cost of root fields all count, and an operation over a limit is refused
// before it runs with a 4xx and a catalogue code; legitimate queries, the
// benchmark's and introspection included, stay within the limits.
import { getIntrospectionQuery } from "graphql";
import { bodyOf } from "./support/client";
import { useWharf } from "./support/world";

const world = useWharf();

async function send(query: string, variables: Record<string, unknown> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(`${world.server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${world.server.adminToken}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: await bodyOf(res) };
}

const aliases = (count: number, field: string, prefix = "a") => Array.from({ length: count }, (_, i) => `${prefix}${i}: ${field}`).join(" ");

/** The HTTP status, the code, and whether any of it ran. */
async function refusal(query: string, variables: Record<string, unknown> = {}) {
  const { status, body } = await send(query, variables);
  return { status, code: body.errors?.[0]?.extensions?.code, ran: body.data !== undefined, message: body.errors?.[0]?.message as string };
}

it("counts every alias of a root field at that field's cost", async () => {
  expect(await refusal(`{ ${aliases(15, 'search(query: "a", first: 1) { totalCount }')} }`)).toMatchObject({
    status: 400,
    code: "queryTooComplex",
    ran: false,
    message: expect.stringMatching(/cost is \d+/),
  });
  // Nine searches are within it.
  expect((await send(`{ ${aliases(9, 'search(query: "a", first: 1) { totalCount }')} }`)).body.errors).toBeUndefined();
  // Words to look for make packages a search.
  expect(await refusal(`{ ${aliases(15, 'packages(filter: { query: "a" }, first: 1) { totalCount }')} }`)).toMatchObject({ status: 400, code: "queryTooComplex" });
  expect((await send(`{ ${aliases(15, "packages(first: 1) { totalCount }")} }`)).body.errors).toBeUndefined();
});

it("caps the number of root fields, aliases and fragments included", async () => {
  expect(await refusal(`{ ${aliases(21, "viewer { id }")} }`)).toMatchObject({ status: 400, code: "queryTooComplex", message: expect.stringMatching(/21 root fields/) });
  expect(await refusal(`{ ...A ...B } fragment A on Query { ${aliases(11, "viewer { id }")} } fragment B on Query { ${aliases(11, "stats { userCount }", "b")} }`)).toMatchObject({
    status: 400,
    code: "queryTooComplex",
  });
  expect((await send(`{ ${aliases(20, "viewer { id }")} }`)).body.errors).toBeUndefined();
});

it("follows fragments, however they are spread into one another", async () => {
  // Each fragment spreads the one before twice: 2^30 fields once expanded, from a document of a few hundred tokens.
  let fragments = "fragment F0 on User { id }";
  for (let i = 1; i <= 30; i++) fragments += ` fragment F${i} on User { ...F${i - 1} ...F${i - 1} }`;
  expect(await refusal(`{ viewer { ...F30 } } ${fragments}`)).toMatchObject({ status: 400, code: "queryTooComplex", ran: false });

  // A long chain spread many times: few fields, but many selections to walk.
  let chain = "fragment H0 on User { id }";
  for (let i = 1; i < 300; i++) chain += ` fragment H${i} on User { ...H${i - 1} }`;
  expect(await refusal(`{ viewer { ${Array.from({ length: 1000 }, () => "...H299").join(" ")} } } ${chain}`)).toMatchObject({ status: 400, code: "queryTooComplex" });

  // Costly fields behind a fragment cost the same.
  expect(await refusal(`{ ...S } fragment S on Query { ${aliases(15, 'search(query: "a", first: 1) { totalCount }')} }`)).toMatchObject({
    status: 400,
    code: "queryTooComplex",
    message: expect.stringMatching(/cost is/),
  });
});

it("refuses documents too long or too deeply nested before parsing them", async () => {
  expect(await refusal(`{ ${aliases(2000, "__typename")} }`)).toMatchObject({ status: 400, code: "queryTooComplex", message: expect.stringMatching(/characters/) });
  expect(await refusal(`{ search(query: [${"1 ".repeat(6000)}]) { totalCount } }`)).toMatchObject({ status: 400, code: "queryTooComplex", message: expect.stringMatching(/tokens/) });
  expect(await refusal(`{ search(query: ${"[".repeat(3000)}"a"${"]".repeat(3000)}) { totalCount } }`)).toMatchObject({ status: 400, code: "queryTooDeep" });
  expect(await refusal(`{ ${"viewer { ".repeat(1000)}id${" }".repeat(1000)} }`)).toMatchObject({ status: 400, code: "queryTooDeep" });
});

it("runs no document it has not seen the text of (no persisted queries by hash)", async () => {
  const res = await fetch(`${world.server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } }),
  });
  const body = await bodyOf(res);
  expect(body.data).toBeUndefined();
  expect(body.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_SUPPORTED");
});

it("answers variables that do not fit their types 400 malformedRequest", async () => {
  expect(await refusal(`query($n: Int) { packages(first: $n) { totalCount } }`, { n: "many" })).toMatchObject({ status: 400, code: "malformedRequest", ran: false });
  expect(await refusal(`query($q: String!) { search(query: $q) { totalCount } }`, { q: { not: "text" } })).toMatchObject({ status: 400, code: "malformedRequest" });
});

it("lets legitimate queries through: the benchmark's, the front page's, and introspection", async () => {
  for (const query of [
    // bench/graphql.ts
    `{ packages(first: 100, filter: { ecosystem: JSR }) { totalCount nodes { id name ... on JsrPackage { fullName scope { scope creator { login } } } } } }`,
    `{ packages(first: 100, filter: { ecosystem: ATOM }, orderBy: { field: STARS }) { totalCount nodes { name ... on AtomPackage { owner starCount viewerHasStarred latestVersion { version } } } } }`,
    `{ stats { userCount packageCount newest { id name } updated { id name } featured { id name } } search(query: "a", first: 20) { nodes { id name description } } viewer { login } }`,
    getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }),
  ]) {
    const { status, body } = await send(query);
    expect([query.slice(0, 40), status, body.errors]).toEqual([query.slice(0, 40), 200, undefined]);
  }
});
