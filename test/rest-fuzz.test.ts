// Property: no request, however malformed, makes a REST operation of openapi.yaml answer 5xx or hang, and every
// 4xx comes in the dialect of its face (jsr {code,message}, Atom {message}). A response that breaks openapi.yaml is
// a 500 on the test server (WHARF_CHECK_RESPONSES), so the property covers the contract too.
// Fixed seed and bounded runs in CI; FUZZ_SEED and FUZZ_RUNS explore further by hand.
import fs from "node:fs";
import fc from "fast-check";
import { atomAs } from "./support/atom";
import { atomPackageJson, makeGitBase, makeRepository } from "./support/git";
import { operations, requestsFor, send, type Fixtures, type FuzzRequest, type FuzzResponse } from "./support/openapi-fuzz";
import { denoPackage, tarball, uploadTarball, waitForTask } from "./support/packages";
import { bodyOf } from "./support/client";
import { useWharf, type TestUser } from "./support/world";

const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
/** FUZZ_STATS=1 prints how often each operation answered each status: how deep the requests reach. */
const stats = process.env.FUZZ_STATS ? new Map<string, Map<string, number>>() : undefined;
/** A request the server has not answered by then is a hang. */
const TIMEOUT_MS = 10_000;

const gitBase = makeGitBase();
const world = useWharf({ WHARF_GIT_BASE: gitBase });
afterAll(() => fs.rmSync(gitBase, { recursive: true, force: true }));
afterAll(() => {
  if (stats) console.log([...stats].map(([key, counts]) => `${key}: ${[...counts].map(([c, n]) => `${n}× ${c}`).join(", ")}`).join("\n"));
});

let fixtures: Fixtures;
let credentials: { staff: string; user: string };
let upload: Buffer;
let owner: TestUser;
let other: TestUser;

// Fixed names on the test's own server, so that the same seed makes the same requests.
beforeAll(async () => {
  owner = await world.user("fuzz");
  other = await world.user("other");
  expect((await owner.api.post("/api/scopes", { body: { scope: "fuzz" } })).status).toBe(200);
  expect((await owner.api.post("/api/scopes/fuzz/packages", { body: { package: "pkg" } })).status).toBe(200);
  const published = await uploadTarball(world.server.url, owner.token, { scope: "fuzz", name: "pkg", version: "1.0.0" }, await tarball(denoPackage("@fuzz/pkg", "1.0.0")));
  const task = await bodyOf(published);
  expect((await waitForTask(world.server.url, task.id)).status).toBe("success");
  const token = await owner.api.post("/api/user/tokens", { body: { description: "fuzz" } });
  for (const name of ["fuzz-atom", "fuzz-atom-two"]) {
    makeRepository(gitBase, owner.login, name, [
      { tag: "v1.0.0", files: { "package.json": atomPackageJson(name, "1.0.0"), "README.md": `# ${name}\n` } },
      { tag: "v1.1.0", files: { "package.json": atomPackageJson(name, "1.1.0") } },
    ]);
  }

  credentials = { staff: world.server.adminToken, user: owner.token };
  upload = await tarball(denoPackage("@fuzz/pkg", "1.2.3"));
  fixtures = {
    scope: ["fuzz", "nosuch"],
    package: ["pkg", "empty", "nosuch"],
    version: ["1.0.0", "1.2.3", "2.0.0-beta.1"],
    path: ["mod.ts", "deno.json"],
    userId: [owner.id, other.id],
    id: [owner.id, other.id, token.body.token.id, task.id],
    githubLogin: [other.login, owner.login],
    verifier: ["fuzz"],
    challenge: ["fuzz"],
    config: ["/deno.json", "/jsr.json"],
    query: ["pkg", "fuzz"],
    packageName: ["fuzz-atom", "fuzz-atom-two", "nosuch"],
    versionName: ["1.0.0", "1.1.0"],
    login: [owner.login],
    repository: [`${owner.login}/fuzz-atom-two`, `${owner.login}/fuzz-atom`],
    tag: ["v1.0.0", "v1.1.0"],
    q: ["fuzz", "atom"],
    engine: ["1.50.0"],
  };
});

// Fuzzed writes change the fixtures (a deleted package, an archived one, a withdrawn invite): each operation starts
// from them whole again, so that its requests reach as deep as they can. Best effort: a 4xx here is fine.
// Only a write that succeeded can have changed them.
let written = true;
beforeEach(async () => {
  if (!written) return;
  written = false;
  const atomPackage = async () => {
    if ((await world.anonymous.get("/atom/api/packages/fuzz-atom")).status === 404) {
      await world.anonymous.post(`/atom/api/packages?repository=${owner.login}/fuzz-atom`, { headers: atomAs(owner) });
    }
  };
  const [authorization] = await Promise.all([
    world.anonymous.post("/api/authorizations", { body: { challenge: "fuzz" } }),
    owner.api.post("/api/scopes/fuzz/packages", { body: { package: "empty" } }),
    owner.api.patch("/api/scopes/fuzz/packages/pkg", { body: { isArchived: false } }),
    owner.api.patch("/api/scopes/fuzz/packages/pkg/versions/1.0.0", { body: { yanked: false } }),
    owner.api.post("/api/scopes/fuzz/members", { body: { githubLogin: other.login } }),
    atomPackage(),
  ]);
  fixtures.code = [authorization.body.code];
  fixtures.exchangeToken = [authorization.body.exchangeToken];
});

/** What is wrong with the answer, if anything: a 5xx, or an error not in its face's shape. */
function problemWith(request: FuzzRequest, response: FuzzResponse): string | undefined {
  if (response.status >= 500) return `status ${response.status}`;
  if (response.status < 400) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(response.body.toString("utf8"));
  } catch {
    return `status ${response.status} without a JSON body`;
  }
  const keys = typeof body === "object" && body !== null ? Object.keys(body).sort().join(",") : "";
  const values = Object.values(body as object).every((v) => typeof v === "string");
  const expected = request.path.startsWith("/atom/") ? "message" : "code,message";
  return keys === expected && values ? undefined : `status ${response.status} with a body not shaped {${expected}}`;
}

/** The request and answer, short enough to read in a failure. */
function shown(request: FuzzRequest, response?: FuzzResponse): string {
  const cut = (text: string, n = 300) => (text.length > n ? `${text.slice(0, n)}... (${text.length} chars)` : text);
  const headers = Object.entries(request.headers).map(([k, v]) => `${k}: ${cut(v, 80)}`);
  const lines = [`${request.method} ${cut(request.path)}`, ...headers, request.body ? `body: ${cut(JSON.stringify(request.body.toString("utf8")))}` : "no body"];
  if (response) lines.push(`-> ${response.status} ${cut(response.body.toString("utf8"), 500)}`);
  return lines.join("\n");
}

async function check(label: string, request: FuzzRequest): Promise<void> {
  let response: FuzzResponse;
  try {
    response = await send(world.server.url, request, TIMEOUT_MS);
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${shown(request)}`);
  }
  if (stats) {
    const key = `${label} (${request.method})`;
    const counts = stats.get(key) ?? new Map<string, number>();
    const code = `${response.status}${response.status >= 400 ? ` ${/"(?:code|message)":"([^"]{0,40})/.exec(response.body.toString("utf8"))?.[1]}` : ""}`;
    counts.set(code, (counts.get(code) ?? 0) + 1);
    stats.set(key, counts);
  }
  if (request.method !== "GET" && response.status < 300) written = true;
  const problem = problemWith(request, response);
  if (problem) throw new Error(`${problem}\n${shown(request, response)}`);
}

it.each(operations.map((o, i) => [o.operationId, o, i] as const))("%s answers malformed requests with a 4xx in its dialect", async (_, operation, i) => {
  const requests = requestsFor(operation, fixtures, credentials, upload);
  // A seed of its own for each operation, so that they do not all draw the same choices.
  await fc.assert(fc.asyncProperty(requests, (request) => check(operation.operationId, request)), { seed: SEED + i, numRuns: RUNS, endOnFailure: true });
});

it("answers any other path without a 5xx, in its dialect", async () => {
  const segment = fc.oneof(fc.constantFrom("fuzz", "pkg", "%00", "%ff", "..", "%2e%2e", "meta.json", "1.0.0_meta.json", ""), fc.string({ maxLength: 8 }).map(encodeURIComponent));
  const prefix = fc.constantFrom("/api/", "/atom/api/", "/@fuzz/", "/@", "/atom/", "/", "/api/scopes/fuzz/");
  const requests = fc.record({
    method: fc.constantFrom("GET", "POST", "PATCH", "DELETE"),
    path: fc.tuple(prefix, fc.array(segment, { maxLength: 4 })).map(([p, s]) => p + s.join("/")),
    headers: fc.constant({}),
  });
  await fc.assert(fc.asyncProperty(requests, (request) => check("no operation", request)), { seed: SEED, numRuns: RUNS * 5, endOnFailure: true });
});
