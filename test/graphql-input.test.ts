// Input PostgreSQL cannot take, and arguments out of range (issue #10): every
// GraphQL operation refuses them with malformedRequest, never a 500.
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from "graphql";
import { bodyOf, graphql } from "./support/client";
import { uniqueName, useWharf } from "./support/world";

const world = useWharf();

// Text that PostgreSQL refuses, as a GraphQL literal and as a JSON value.
const NUL_LITERAL = '"bad\\u0000text"';
const NUL = "bad\u0000text";
const LONE_SURROGATE = "bad\uD800text";
const DEEP = "[".repeat(5000) + "]".repeat(5000);

let schema: GraphQLSchema;
beforeAll(async () => {
  const res = await graphql(world.server.url, getIntrospectionQuery());
  schema = buildClientSchema(res.data);
});

/** A GraphQL literal of the type: `text` (a string literal) for every String and ID, a valid value for the rest. */
function literal(type: GraphQLInputType, text: string): string {
  if (isNonNullType(type)) return literal(type.ofType, text);
  if (isListType(type)) return `[${literal(type.ofType, text)}]`;
  if (isInputObjectType(type)) {
    return `{ ${Object.values(type.getFields())
      .map((f) => `${f.name}: ${literal(f.type, text)}`)
      .join(", ")} }`;
  }
  if (isEnumType(type)) return type.getValues()[0].name;
  return holdsText(type) ? text : JSON.stringify(jsonValue(type, ""));
}

/** The same as a JSON variable value, with `text` for every String and ID. */
function jsonValue(type: GraphQLInputType, text: unknown): unknown {
  if (isNonNullType(type)) return jsonValue(type.ofType, text);
  if (isListType(type)) return [jsonValue(type.ofType, text)];
  if (isInputObjectType(type)) return Object.fromEntries(Object.values(type.getFields()).map((f) => [f.name, jsonValue(f.type, text)]));
  if (isEnumType(type)) return type.getValues()[0].name;
  if (!isScalarType(type)) throw new Error(`unexpected input type ${String(type)}`);
  switch (type.name) {
    case "Boolean":
      return true;
    case "Int":
      return 1;
    case "DateTimeISO":
      return new Date(Date.now() + 86_400_000).toISOString();
    default:
      return text;
  }
}

/** Whether a value of the type holds text somewhere (a String or an ID). */
function holdsText(type: GraphQLInputType): boolean {
  const named = getNamedType(type);
  if (isInputObjectType(named)) return Object.values(named.getFields()).some((f) => holdsText(f.type));
  return named.name === "String" || named.name === "ID";
}

interface Operation {
  kind: "query" | "mutation";
  field: GraphQLField<unknown, unknown>;
}

/** Every root field that takes text, of both kinds. */
function operationsTakingText(): Operation[] {
  const all: Operation[] = [
    ...Object.values(schema.getQueryType()!.getFields()).map((field) => ({ kind: "query" as const, field })),
    ...Object.values(schema.getMutationType()!.getFields()).map((field) => ({ kind: "mutation" as const, field })),
  ];
  return all.filter(({ field }) => field.args.some((arg) => holdsText(arg.type)));
}

const selection = (field: GraphQLField<unknown, unknown>) => (isScalarType(getNamedType(field.type)) ? "" : " { __typename }");

/** The operation with every argument written in the document, text as `text`. */
function withLiterals({ kind, field }: Operation, text: string): string {
  const args = field.args.map((arg) => `${arg.name}: ${literal(arg.type, text)}`).join(", ");
  return `${kind} { ${field.name}(${args})${selection(field)} }`;
}

/** The operation with every argument a variable. */
function withVariables({ kind, field }: Operation): string {
  const declared = field.args.map((arg: GraphQLArgument) => `$${arg.name}: ${String(arg.type)}`).join(", ");
  const passed = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(", ");
  return `${kind}(${declared}) { ${field.name}(${passed})${selection(field)} }`;
}

async function send(body: string, token = world.server.adminToken): Promise<{ status: number; body: any }> {
  const res = await fetch(`${world.server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body,
  });
  return { status: res.status, body: await bodyOf(res) };
}

const outcome = (res: { status: number; body: any }) => `${res.status} ${res.body.errors?.[0]?.extensions?.code ?? "no error"}`;

it("refuses NUL, unpaired surrogates and deep JSON in every operation's arguments with malformedRequest", async () => {
  const operations = operationsTakingText();
  expect(operations.filter((o) => o.kind === "mutation").length).toBeGreaterThanOrEqual(26);
  const wrong: string[] = [];
  for (const operation of operations) {
    const variables = (text: unknown) => Object.fromEntries(operation.field.args.map((arg) => [arg.name, jsonValue(arg.type, text)]));
    const attempts = {
      "NUL in a literal": JSON.stringify({ query: withLiterals(operation, NUL_LITERAL) }),
      "NUL in a variable": JSON.stringify({ query: withVariables(operation), variables: variables(NUL) }),
      "unpaired surrogate in a variable": JSON.stringify({ query: withVariables(operation), variables: variables(LONE_SURROGATE) }),
      "JSON 5,000 deep in a variable": JSON.stringify({ query: withVariables(operation), variables: variables("<deep>") }).replaceAll('"<deep>"', DEEP),
    };
    for (const [what, body] of Object.entries(attempts)) {
      const res = await send(body);
      if (outcome(res) !== "400 malformedRequest") wrong.push(`${operation.field.name}, ${what}: ${outcome(res)}`);
    }
  }
  expect(wrong).toEqual([]);
});

it("refuses them in GET requests and unused variables too", async () => {
  const get = await fetch(`${world.server.url}/graphql?query=${encodeURIComponent(`{ user(login: ${NUL_LITERAL}) { id } }`)}`, {
    headers: { "apollo-require-preflight": "true" },
  });
  expect(`${get.status} ${(await bodyOf(get)).errors[0].extensions.code}`).toBe("400 malformedRequest");
  expect(outcome(await send(JSON.stringify({ query: "{ viewer { id } }", variables: { unused: LONE_SURROGATE } })))).toBe("400 malformedRequest");
  // Text that is fine, astral characters included, still goes through.
  const scope = uniqueName("s");
  const created = await send(JSON.stringify({ query: `mutation($d: String) { createScope(input: { scope: "${scope}", description: $d }) { description } }`, variables: { d: "ok 🚢 ünïcode" } }));
  expect(created.body).toEqual({ data: { createScope: { description: "ok 🚢 ünïcode" } } });
});

it("refuses cursors past the end of any list, and ids that are not ids, as the caller's mistake", async () => {
  const cursor = (text: string) => Buffer.from(text).toString("base64url");
  const code = async (query: string) => (await graphql(world.server.url, query, {}, world.server.adminToken)).errors?.[0]?.extensions?.code ?? "none";
  for (const after of ["offset:100000000000000000000", "offset:1e20", "offset:-1", "offset:100000"]) {
    expect([after, await code(`{ search(query: "x", first: 1, after: "${cursor(after)}") { totalCount } }`)]).toEqual([after, "malformedRequest"]);
    expect([after, await code(`{ packages(first: 1, after: "${cursor(after)}") { totalCount } }`)]).toEqual([after, "malformedRequest"]);
  }
  expect(await code(`{ packages(first: 1, after: "${cursor("offset:99998")}") { totalCount } }`)).toBe("none");

  const scope = uniqueName("s");
  await send(JSON.stringify({ query: `mutation { createScope(input: { scope: "${scope}" }) { scope } }` }));
  for (const mutation of [
    `updateScopeMember(scope: "${scope}", userId: "not-a-uuid", isAdmin: true) { isAdmin }`,
    `removeScopeMember(scope: "${scope}", userId: "not-a-uuid")`,
    `withdrawScopeInvite(scope: "${scope}", userId: "not-a-uuid")`,
    `revokeToken(id: "not-a-uuid")`,
  ]) {
    expect([mutation, await code(`mutation { ${mutation} }`)]).toEqual([mutation, "malformedRequest"]);
  }
});
