// Malformed requests for every operation of openapi.yaml, as fast-check arbitraries: path parameters, query strings,
// headers and bodies that are sometimes valid, sometimes almost, and often hostile (wrong types, missing and extra
// fields, huge strings, NUL, lone surrogates, deep nesting, bad percent-encoding, path traversal, wrong content types).
// Sent raw over node:http, so that what is sent is what the server gets (fetch would normalise paths).
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import yaml from "js-yaml";

// Schemas as openapi.yaml writes them: only what the generator reads.
interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  operationId: string;
  method: string;
  path: string;
  parameters: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface FuzzResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Values that exist on the server under test, by parameter or property name, so that requests reach past the lookups. */
export type Fixtures = Record<string, string[]>;

const document = yaml.load(fs.readFileSync(path.resolve(__dirname, "..", "..", "openapi.yaml"), "utf8")) as {
  paths: Record<string, Record<string, { operationId?: string; parameters?: Parameter[]; requestBody?: Operation["requestBody"] }>>;
  components: { schemas: Record<string, Schema> };
};

/** A schema with its $ref followed (openapi.yaml only refers within itself, to #/components/schemas/...). */
function resolved(schema: Schema): Schema {
  return schema.$ref ? resolved(document.components.schemas[schema.$ref.replace("#/components/schemas/", "")]) : schema;
}

/** Every operation of openapi.yaml. */
export const operations: Operation[] = Object.entries(document.paths).flatMap(([urlPath, methods]) =>
  Object.entries(methods).flatMap(([method, op]) =>
    op.operationId ? [{ operationId: op.operationId, method, path: urlPath, parameters: op.parameters ?? [], requestBody: op.requestBody }] : [],
  ),
);

// --- Hostile values ---------------------------------------------------------

/** A JSON text placeholder the body writer swaps for arrays nested 5,000 deep (JSON.stringify itself would overflow). */
const DEEP = "\u0001deep\u0001";
const deepJson = "[".repeat(5000) + "]".repeat(5000);

const hostileStrings = fc.constantFrom(
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udc00y",
  "\ud83d\ude00",
  "\u202e\u0301",
  "a".repeat(100_000),
  "../../../../etc/passwd",
  "..\\..\\windows",
  "%00",
  "%ff",
  "null",
  "1e309",
  "-1",
  "<script>alert(1)</script>",
  "'; DROP TABLE users; --",
  "9999-12-31T23:59:60Z",
  "0000-01-01T00:00:00Z",
  "2024-02-30T00:00:00Z",
  "00000000-0000-0000-0000-000000000000",
  "__proto__",
);

const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  hostileStrings,
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, [], {}, [null], { "\u0000": 1 }, { x: { y: { z: [[[]]] } } }),
  fc.constant(DEEP),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Path segments, already percent-encoded as they go on the wire. */
const hostileSegments = fc.oneof(
  fc.constantFrom(
    "%00",
    "a%00b",
    "%ff",
    "%c0%ae",
    "%c0%ae%c0%ae",
    "%ed%a0%80",
    "%",
    "%zz",
    "%2",
    "..",
    "..%2f..%2f..%2fetc%2fpasswd",
    "%2e%2e%2f%2e%2e",
    "a".repeat(3000),
    "%F0%9F%92%A9",
    "%E2%80%AE",
    "-1",
    "0",
    "1e309",
    "99999999999999999999",
    "null",
    "%20",
    "x%0d%0aSet-Cookie:%20a=b",
    "%27%3B--",
    "__proto__",
    "constructor",
  ),
  fc.string({ unit: "grapheme", maxLength: 30 }).map(encodeURIComponent),
  // Any bytes, percent-encoded: most are not UTF-8.
  fc.uint8Array({ maxLength: 12 }).map((bytes) => Array.from(bytes, (b) => `%${b.toString(16).padStart(2, "0")}`).join("")),
);

const hostileQueryValues = fc.constantFrom(
  "",
  "99999999999999999999",
  "1e300",
  "-1",
  "0",
  "1.5",
  "NaN",
  "Infinity",
  "0x10",
  "%201",
  "9".repeat(400),
  "%00",
  "a%00b",
  "%ff",
  "%ed%a0%80",
  "%",
  "true",
  "a".repeat(6000),
  "..%2f..%2fetc",
);

// --- Schema-driven values ---------------------------------------------------

/** A value that fits the schema, more or less: fixtures by property name where there are some. */
function valueFor(reference: Schema, fixtures: Fixtures, name?: string, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolved(reference);
  const known = name && fixtures[name]?.length ? fc.constantFrom(...fixtures[name]) : undefined;
  const fitting = fittingValue(schema, fixtures, depth);
  const value = known ? fc.oneof({ arbitrary: known, weight: 3 }, { arbitrary: fitting, weight: 1 }) : fitting;
  return schema.nullable ? fc.option(value, { nil: null }) : value;
}

function fittingValue(schema: Schema, fixtures: Fixtures, depth: number): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const branches = schema.oneOf ?? schema.anyOf;
  if (branches) return fc.oneof(...branches.map((b) => valueFor(b, fixtures, undefined, depth)));
  if (schema.allOf) return fc.tuple(...schema.allOf.map((s) => valueFor(s, fixtures, undefined, depth))).map((parts) => Object.assign({}, ...parts));
  switch (schema.type) {
    case "object": {
      if (depth > 3) return fc.constant({});
      const model = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, s]) => [key, valueFor(s, fixtures, key, depth + 1)]));
      return fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in model) });
    }
    case "array":
      return fc.array(schema.items ? valueFor(schema.items, fixtures, undefined, depth + 1) : fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 });
    case "boolean":
      return fc.boolean();
    case "integer":
      return fc.integer({ min: schema.minimum ?? -10, max: schema.maximum ?? 1000 });
    case "number":
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case "string":
      if (schema.format === "uuid") return fc.uuid();
      if (schema.format === "date-time") {
        const dates = fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) }).map((d) => d.toISOString());
        // The corners of RFC 3339: a leap second, far years, offsets, lower case, long fractions.
        const corners = fc.constantFrom("2099-12-31T23:59:60Z", "9999-12-31T23:59:59Z", "2099-01-01T00:00:00+23:59", "2099-01-01t00:00:00z", "2099-01-01T00:00:00.123456789Z");
        return fc.oneof({ arbitrary: dates, weight: 3 }, corners);
      }
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern), { maxLength: 30 });
      return fc.string({ maxLength: 30 });
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A body that fits the schema, then broken in one of the usual ways (or not at all). */
function jsonBody(schema: Schema | undefined, fixtures: Fixtures): fc.Arbitrary<unknown> {
  const fitting = schema ? valueFor(schema, fixtures) : fc.jsonValue({ maxDepth: 2 });
  const key = fc.oneof(fc.constantFrom("__proto__", "constructor", "a\u0000", "\ud800", "extra", "isStaff"), fc.string({ maxLength: 10 }));
  return fc.oneof(
    { arbitrary: fitting, weight: 3 },
    // One member replaced by something hostile, or an extra one added.
    fc.tuple(fitting, key, hostileJson, fc.nat()).map(([value, extra, hostile, pick]) => {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return hostile;
      const keys = Object.keys(value);
      const target = keys.length && pick % 2 === 0 ? keys[pick % keys.length] : extra;
      return { ...value, [target]: hostile };
    }),
    // A required member missing.
    fc.tuple(fitting, fc.nat()).map(([value, pick]) => {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
      const keys = Object.keys(value);
      if (!keys.length) return value;
      const { [keys[pick % keys.length]]: _, ...rest } = value as Record<string, unknown>;
      return rest;
    }),
    hostileJson,
  );
}

/** JSON text for a body, with the deep placeholder expanded. */
function jsonText(value: unknown): string {
  return JSON.stringify(value).split(JSON.stringify(DEEP)).join(deepJson);
}

const rawJsonTexts = fc.constantFrom(
  "",
  "{not json",
  "null",
  "[]",
  '"a string"',
  "12",
  '{"__proto__": {"isStaff": true}}',
  '{"a": "\\u0000"}',
  '{"a": "\\ud800"}',
  `{"a": ${deepJson}}`,
  "{".repeat(100_000),
  '{"a": 1, "a": 2}',
);

const contentTypes = fc.constantFrom(
  "application/json",
  "application/json",
  "application/json; charset=utf-8",
  "application/json; charset=latin1",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/x-tar",
  "application/vnd.api+json",
  "*/*",
  "",
);

// --- Requests -----------------------------------------------------------------

export interface Credentials {
  staff: string;
  user: string;
}

type Body = { body?: Buffer; headers: Record<string, string> };

/** Each part of a request comes good (fit to get past routing, validation and authentication) or bad. */
interface Part<T> {
  good: fc.Arbitrary<T>;
  bad: fc.Arbitrary<T>;
}

function methodPart(operation: Operation): Part<string> {
  const method = operation.method.toUpperCase();
  return { good: fc.constant(method), bad: fc.constantFrom("PUT", "OPTIONS", "DELETE", "POST", "PATCH").filter((m) => m !== method) };
}

/** Who calls: staff, or a plain user with a Bearer or apm's raw token; or nobody, or someone with a bad token. */
function authPart(credentials: Credentials): Part<string | undefined> {
  return {
    good: fc.constantFrom(`Bearer ${credentials.staff}`, `Bearer ${credentials.user}`, credentials.user),
    bad: fc.constantFrom(undefined, "Bearer ", "Bearer wharf_not-a-token", "Basic YTpi", `Bearer ${"a".repeat(8000)}`, "Bearer t\u00f6ken"),
  };
}

function pathPart(operation: Operation, fixtures: Fixtures): Part<string> {
  const names = [...operation.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  const fitting = (name: string) => {
    if (fixtures[name]?.length) return fc.constantFrom(...fixtures[name]).map(encodeURIComponent);
    const parameter = operation.parameters.find((p) => p.name === name && p.in === "path");
    return valueFor(parameter?.schema ?? { type: "string" }, fixtures, name).map((v) => encodeURIComponent(String(v)));
  };
  const build = (segment: (name: string) => fc.Arbitrary<string>) =>
    fc.tuple(...names.map(segment)).map((values) => names.reduce((p, name, i) => p.replace(`{${name}}`, values[i]), operation.path));
  return {
    good: build(fitting),
    bad: names.length ? build((name) => fc.oneof(fitting(name), hostileSegments)) : build(fitting),
  };
}

function queryPart(operation: Operation, fixtures: Fixtures): Part<string> {
  const params = operation.parameters.filter((p) => p.in === "query");
  const fitting = (name: string, schema: Schema) =>
    (fixtures[name]?.length ? fc.constantFrom(...fixtures[name]) : valueFor(schema, fixtures, name)).map((v) => `${name}=${encodeURIComponent(String(v))}`);
  const hostile = (name: string, schema: Schema) =>
    fc.oneof(
      fitting(name, schema),
      hostileQueryValues.map((v) => `${name}=${v}`),
      // Repeated, bracketed and bare forms, which the query parser turns into arrays, objects and empty strings.
      fc.constantFrom(`${name}=1&${name}=2`, `${name}[a]=1`, `${name}[]=x`, name, `${name}[__proto__][x]=1`),
    );
  const unknown = fc.constantFrom("unknown=%00", "__proto__[isStaff]=true", "x=%ff");
  // Good queries always have their required parameters; bad ones may lack any.
  const build = (value: (name: string, schema: Schema) => fc.Arbitrary<string>, extra: fc.Arbitrary<string>, good: boolean) =>
    fc.tuple(...params.map((p) => (good && p.required ? value : optional(value))(p.name, p.schema ?? { type: "string" })), optional(() => extra)()).map((parts) => {
      const query = parts.filter((p): p is string => p !== undefined).join("&");
      return query ? `?${query}` : "";
    });
  return { good: build(fitting, fc.constant("unknown=1"), true), bad: build(hostile, unknown, false) };
}

/** JSON for JSON operations; raw bytes (a real tarball, junk, gzip of junk) for the upload; none for the others. */
function bodyPart(operation: Operation, fixtures: Fixtures, tarball: Buffer): Part<Body> {
  const content = operation.requestBody?.content ?? {};
  if (content["application/x-tar"] || content["application/octet-stream"]) {
    const upload = (body: fc.Arbitrary<Buffer>, encoding: fc.Arbitrary<string | undefined>, type: fc.Arbitrary<string>) =>
      fc.tuple(body, encoding, type).map(([b, enc, ct]): Body => ({
        body: b,
        headers: { ...(enc ? { "content-encoding": enc } : {}), ...(ct ? { "content-type": ct } : {}) },
      }));
    const junk = fc.oneof(
      fc.constant(Buffer.alloc(0)),
      fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b)),
      fc.uint8Array({ maxLength: 2000 }).map((b) => gzipSync(b)),
      fc.constant(tarball),
      fc.constant(gzipSync(Buffer.alloc(200_000))),
      // JSON, gzipped: with a JSON content type, express.json reads it before the upload's handler can.
      fc.constant(gzipSync('{"a": 1}')),
    );
    return {
      good: upload(fc.constant(tarball), fc.constant("gzip"), fc.constant("application/x-tar")),
      bad: upload(
        junk,
        fc.constantFrom<string | undefined>("gzip", undefined, "br", "deflate", "identity", "gzip, gzip"),
        fc.constantFrom("application/x-tar", "application/octet-stream", "application/json", ""),
      ),
    };
  }
  const schema = content["application/json"]?.schema;
  const json = (text: fc.Arbitrary<string>, type: fc.Arbitrary<string>) =>
    fc.tuple(text, type).map(([t, ct]): Body => ({ body: Buffer.from(t), headers: ct ? { "content-type": ct } : {} }));
  const none = fc.constant<Body>({ headers: {} });
  const bad = json(fc.oneof({ arbitrary: jsonBody(schema, fixtures).map(jsonText), weight: 4 }, rawJsonTexts), contentTypes);
  if (!operation.requestBody) return { good: none, bad };
  return { good: json((schema ? valueFor(schema, fixtures) : fc.constant({})).map(jsonText), fc.constant("application/json")), bad: fc.oneof(bad, none) };
}

/** A function of arbitraries, made to give sometimes nothing. */
function optional<A extends unknown[], T>(arbitrary: (...args: A) => fc.Arbitrary<T>) {
  return (...args: A) => fc.option(arbitrary(...args), { nil: undefined });
}

const PARTS = ["method", "path", "query", "body", "auth"] as const;
type PartName = (typeof PARTS)[number];

/** Requests for one operation of openapi.yaml: mostly one part broken and the rest good, so that the broken part reaches deep. */
export function requestsFor(operation: Operation, fixtures: Fixtures, credentials: Credentials, tarball: Buffer): fc.Arbitrary<FuzzRequest> {
  const parts = {
    method: methodPart(operation),
    path: pathPart(operation, fixtures),
    query: queryPart(operation, fixtures),
    body: bodyPart(operation, fixtures, tarball),
    auth: authPart(credentials),
  };
  const broken = fc.oneof(
    { arbitrary: fc.constantFrom(...PARTS).map((p): PartName[] => [p]), weight: 6 },
    { arbitrary: fc.constant<PartName[]>([]), weight: 1 },
    { arbitrary: fc.subarray([...PARTS]), weight: 2 },
  );
  return broken.chain((names) => {
    const pick = <T>(name: PartName, part: Part<T>) => (names.includes(name) ? part.bad : part.good);
    return fc
      .tuple(pick("method", parts.method), pick("path", parts.path), pick("query", parts.query), pick("body", parts.body), pick("auth", parts.auth))
      .map(([method, urlPath, query, { body, headers }, auth]) => ({
        method,
        path: urlPath + query,
        headers: { ...headers, ...(auth === undefined ? {} : { authorization: auth }) },
        body,
      }));
  });
}

/** Sends the request as it is; a server that has not answered within `timeoutMs` fails it. */
export function send(baseUrl: string, request: FuzzRequest, timeoutMs: number): Promise<FuzzResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { hostname, port, method: request.method, path: request.path, headers: { ...request.headers, "content-length": String(request.body?.length ?? 0) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on("error", reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end(request.body);
  });
}
