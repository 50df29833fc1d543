// Every operation of upstream jsr's API (../shared/reference/jsr-api.yml, copied to test/fixtures/jsr-api.yml),
// called once in a story that gives each one something to answer about, and each answer checked against upstream's
// own schema for its status: what a jsr client reads, Wharf answers in jsr's shapes.
import { createHash, randomBytes } from "node:crypto";
import path from "node:path";
import addFormats from "ajv-formats";
import OpenAPIBackend from "openapi-backend";
import { denoPackage, QUICK_TASKS, tarball, waitForTask } from "./support/packages";
import { request } from "./support/client";
import { uniqueName, useWharf, type TestUser } from "./support/world";

const world = useWharf(QUICK_TASKS);
const upstream = new OpenAPIBackend({
  definition: path.join(__dirname, "fixtures", "jsr-api.yml"),
  strict: false,
  quick: true,
  ajvOpts: { strict: false },
  customizeAjv: (ajv) => addFormats(ajv),
});

interface Call {
  op: string;
  as?: string;
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  raw?: Buffer;
  /** A status other than the operation's success, still one upstream declares for it. */
  status?: number;
}

const walked = new Map<string, number>();

async function call(c: Call): Promise<any> {
  let status: number;
  let body: any;
  if (c.raw) {
    const res = await fetch(`${world.server.url}/api${c.path}`, { method: c.method, headers: { authorization: `Bearer ${c.as}`, ...c.headers }, body: c.raw });
    status = res.status;
    body = await res.json();
  } else {
    ({ status, body } = await request(world.server.url, c.method, `/api${c.path}`, { token: c.as, body: c.body, headers: c.headers }));
  }
  const operation = upstream.getOperation(c.op)!;
  const declared = Object.keys(operation.responses ?? {});
  const expected = c.status ?? Number(declared.find((s) => s.startsWith("2")));
  expect([c.op, status, status === expected ? "" : body]).toEqual([c.op, expected, ""]);
  if (status !== 204) {
    const result = upstream.validateResponse(body, c.op, status);
    expect([c.op, result.errors ?? null]).toEqual([c.op, null]);
  }
  walked.set(c.op, status);
  return body;
}

beforeAll(() => upstream.init());

it("answers every upstream operation in upstream's shapes", async () => {
  const admin = world.server.adminToken;
  const owner: TestUser = await world.user("own");
  const other: TestUser = await world.user("oth");
  const as = owner.token;
  const scope = uniqueName("w");
  const pkg = `/scopes/${scope}/packages/pkg`;
  const ver = `${pkg}/versions/1.0.0`;

  await call({ op: "createScope", as, method: "POST", path: "/scopes", body: { scope } });
  await call({ op: "getScope", method: "GET", path: `/scopes/${scope}` });
  await call({ op: "updateScope", as, method: "PATCH", path: `/scopes/${scope}`, body: { description: "Walked." } });
  await call({ op: "createPackage", as, method: "POST", path: `/scopes/${scope}/packages`, body: { package: "pkg" } });
  await call({ op: "getPackage", method: "GET", path: pkg });
  await call({ op: "updatePackage", as, method: "PATCH", path: pkg, body: { description: "A walked package." } });
  await call({ op: "listScopePackages", method: "GET", path: `/scopes/${scope}/packages` });
  await call({ op: "listPackages", method: "GET", path: "/packages" });

  const files = denoPackage(`@${scope}/pkg`, "1.0.0", { "README.md": "# Pkg\n", "mod.ts": '/**\n * Mod.\n * @module\n */\n/** One. */\nexport const one: number = 1;\nexport * from "npm:chalk@5";\n' });
  const headers = { "content-type": "application/x-tar", "content-encoding": "gzip" };
  const task = await call({ op: "createPackageVersion", as, method: "POST", path: `${ver}?config=/deno.json`, raw: await tarball(files), headers });
  expect((await waitForTask(world.server.url, task.id)).status).toBe("success");
  await call({ op: "getPublishingTask", method: "GET", path: `/publishing_tasks/${task.id}` });
  await call({ op: "listPackageVersions", method: "GET", path: `${pkg}/versions` });
  await call({ op: "getPackageVersion", method: "GET", path: ver });
  await call({ op: "updatePackageVersion", as, method: "PATCH", path: ver, body: { yanked: false } });
  await call({ op: "listDependencies", method: "GET", path: `${ver}/dependencies` });
  await call({ op: "getDependencyGraph", method: "GET", path: `${ver}/dependencies/graph` });
  await call({ op: "listPackageDependents", method: "GET", path: `${pkg}/dependents` });
  await call({ op: "getPackageDownloads", method: "GET", path: `${pkg}/downloads` });
  await call({ op: "getPackageVersionSource", method: "GET", path: `${ver}/source?path=/mod.ts` });
  await call({ op: "getPackageVersionDocs", method: "GET", path: `${ver}/docs` });
  await call({ op: "getPackageVersionDocsSearch", method: "GET", path: `${ver}/docs/search` });
  await call({ op: "getPackageVersionDocsSearchStructured", method: "GET", path: `${ver}/docs/search_structured` });
  await call({ op: "getPackageScore", method: "GET", path: `${pkg}/score` });
  await call({ op: "listPackagePublishingTasks", as, method: "GET", path: `${pkg}/publishing_tasks` });
  await call({ op: "uploadProvenance", as, method: "POST", path: `${ver}/provenance`, body: { bundle: {} }, status: 400 });

  await call({ op: "getSelfUser", as, method: "GET", path: "/user" });
  await call({ op: "listSelfUserScopes", as, method: "GET", path: "/user/scopes" });
  await call({ op: "getSelfUserScopeMember", as, method: "GET", path: `/user/member/${scope}` });
  await call({ op: "getUser", method: "GET", path: `/users/${owner.id}` });
  await call({ op: "listUserScopes", method: "GET", path: `/users/${owner.id}/scopes` });
  await call({ op: "listUserPackages", method: "GET", path: `/users/${owner.id}/packages` });

  await call({ op: "addScopeMember", as, method: "POST", path: `/scopes/${scope}/members`, body: { githubLogin: other.login } });
  await call({ op: "listScopeInvites", as, method: "GET", path: `/scopes/${scope}/invites` });
  await call({ op: "listSelfUserInvites", as: other.token, method: "GET", path: "/user/invites" });
  await call({ op: "acceptScopeInvite", as: other.token, method: "POST", path: `/user/invites/${scope}` });
  await call({ op: "listScopeMembers", method: "GET", path: `/scopes/${scope}/members` });
  await call({ op: "updateScopeMember", as, method: "PATCH", path: `/scopes/${scope}/members/${other.id}`, body: { isAdmin: true } });
  await call({ op: "removeScopeMember", as, method: "DELETE", path: `/scopes/${scope}/members/${other.id}` });
  await call({ op: "addScopeMember", as, method: "POST", path: `/scopes/${scope}/members`, body: { githubLogin: other.login } });
  await call({ op: "deleteScopeInvite", as, method: "DELETE", path: `/scopes/${scope}/invites/${other.id}` });
  await call({ op: "addScopeMember", as, method: "POST", path: `/scopes/${scope}/members`, body: { githubLogin: other.login } });
  await call({ op: "declineScopeInvite", as: other.token, method: "DELETE", path: `/user/invites/${scope}` });

  const token = await call({ op: "createToken", as, method: "POST", path: "/user/tokens", body: { description: "walk" } });
  await call({ op: "listTokens", as, method: "GET", path: "/user/tokens" });
  await call({ op: "deleteToken", as, method: "DELETE", path: `/user/tokens/${token.token.id}` });

  const ticket = await call({ op: "createTicket", as, method: "POST", path: "/tickets", body: { kind: "other", meta: {}, message: "Hello." } });
  await call({ op: "listSelfUserTickets", as, method: "GET", path: "/user/tickets" });
  await call({ op: "addTicketMessage", as: admin, method: "POST", path: `/tickets/${ticket.id}`, body: { message: "Hi." } });
  await call({ op: "getTicket", as, method: "GET", path: `/tickets/${ticket.id}` });

  const verifier = randomBytes(32).toString("hex");
  const challenge = createHash("sha256").update(verifier).digest("base64");
  // Scope-wide: upstream's Permission is a oneOf whose narrower forms also match its wider ones, so only this one
  // validates against it as written.
  const permissions = [{ permission: "package/publish", scope }];
  const auth = await call({ op: "createAuthorization", method: "POST", path: "/authorizations", body: { challenge, permissions } });
  await call({ op: "getAuthorizationDetails", as, method: "GET", path: `/authorizations/details/${auth.code}` });
  await call({ op: "approveAuthorization", as, method: "POST", path: `/authorizations/approve/${auth.code}` });
  await call({ op: "exchangeAuthorizationCode", method: "POST", path: "/authorizations/exchange", body: { exchangeToken: auth.exchangeToken, verifier } });
  const denied = await call({ op: "createAuthorization", method: "POST", path: "/authorizations", body: { challenge, permissions } });
  await call({ op: "denyAuthorization", as, method: "POST", path: `/authorizations/deny/${denied.code}` });

  await call({ op: "getStats", method: "GET", path: "/stats" });
  await call({ op: "getMetrics", as: admin, method: "GET", path: "/metrics" });

  await call({ op: "deletePackageVersion", as: admin, method: "DELETE", path: ver });
  await call({ op: "deletePackage", as, method: "DELETE", path: pkg });
  await call({ op: "deleteScope", as, method: "DELETE", path: `/scopes/${scope}` });

  const all = upstream.getOperations().map((o) => o.operationId);
  expect(all.filter((op) => !walked.has(op!))).toEqual([]);
});
