// Running Wharf: health, persistence, logs, shutdown and configuration.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { query, startWharf } from "./support/server";
import { uniqueName, useWharf } from "./support/world";
import { bodyOf } from "./support/client";

const world = useWharf();
const MAIN = path.resolve(__dirname, "..", "dist", "src", "main.js");
const embedded = !process.env.DATABASE_URL;

it("answers /healthz and serves its OpenAPI document", async () => {
  const health = await world.anonymous.get("/healthz");
  expect([health.status, health.body]).toEqual([200, { status: "ok" }]);

  const doc = await fetch(`${world.server.url}/api/.well-known/openapi`);
  expect(doc.headers.get("content-type")).toMatch(/yaml/);
  expect(await doc.text()).toBe(fs.readFileSync(path.resolve(__dirname, "..", "openapi.yaml"), "utf8"));

  const ready = await world.anonymous.get("/readyz");
  expect([ready.status, ready.body]).toEqual([200, { status: "ok", checks: { database: "ok", blobs: "ok" } }]);
  // Metrics are off unless WHARF_METRICS_TOKEN is set.
  expect((await world.anonymous.get("/metrics")).status).toBe(404);
});

it("answers unknown paths in the dialect of their face", async () => {
  const jsr = await world.anonymous.get("/api/no/such/thing");
  expect([jsr.status, jsr.body]).toEqual([404, { code: "notFound", message: expect.any(String) }]);
  const atom = await world.anonymous.get("/atom/api/no/such/thing");
  expect([atom.status, atom.body]).toEqual([404, { message: expect.any(String) }]);
  const bad = await world.anonymous.post("/api/scopes", { body: "{not json", token: world.server.adminToken });
  expect([bad.status, bad.body.code]).toEqual([400, "malformedRequest"]);
  const notJson = await world.anonymous.post("/api/scopes", { body: "scope=x", token: world.server.adminToken, headers: { "content-type": "text/plain" } });
  expect(notJson.body).toEqual({ code: "malformedRequest", message: "Malformed request: expected a JSON body (Content-Type: application/json)." });
  const graphqlBad = await world.anonymous.post("/graphql", { body: "{not json" });
  expect(graphqlBad.status).toBe(400);
  expect(graphqlBad.body.errors[0].extensions.code).toBe("malformedRequest");
  const graphqlUnknown = await world.anonymous.post("/graphql", { body: { query: "{ nope }" } });
  expect(graphqlUnknown.body.errors[0]).not.toHaveProperty("extensions.stacktrace");
});

it("logs one line per request, and never a token", async () => {
  const alice = await world.user();
  const marker = uniqueName("path");
  await alice.api.get(`/api/scopes/${marker}?token=${alice.token}`);
  await world.server.waitForLog((line) => line.includes(marker));
  const lines = world.server.logs.filter((l) => l.includes(marker)).map((l) => JSON.parse(l));
  expect(lines).toEqual([
    expect.objectContaining({ msg: "request", method: "GET", path: `/api/scopes/${marker}`, status: 404, ms: expect.any(Number) }),
  ]);
  const all = world.server.logs.join("\n");
  expect(all).not.toContain(alice.token);
  expect(all).not.toContain(world.server.adminToken);
});

it("keeps its data across a restart", async () => {
  const server = await startWharf();
  try {
    const scope = uniqueName("s");
    const create = await fetch(`${server.url}/api/scopes`, {
      method: "POST",
      headers: { authorization: `Bearer ${server.adminToken}`, "content-type": "application/json" },
      body: JSON.stringify({ scope }),
    });
    expect(create.status).toBe(200);

    expect(await server.stop()).toBe(0);
    if (embedded) expect(fs.existsSync(path.join(server.dataDir, "postgres", "postmaster.pid"))).toBe(false);
    await server.restart();
    const after = await fetch(`${server.url}/api/scopes/${scope}`, { headers: { authorization: `Bearer ${server.adminToken}` } });
    expect(after.status).toBe(200);
    expect((await bodyOf(after)).creator.login).toBe("admin");
  } finally {
    await server.destroy();
  }
});

it("stops by answering the request in flight, then closing every keep-alive connection at once", async () => {
  const server = await startWharf();
  const agent = new http.Agent({ keepAlive: true });
  try {
    const { hostname, port } = new URL(server.url);
    // An idle keep-alive connection: a request answered, the connection kept.
    const idle = await new Promise<number>((resolve, reject) =>
      http.get({ hostname, port, path: "/healthz", agent }, (res) => res.resume().on("end", () => resolve(res.statusCode!))).on("error", reject),
    );
    expect(idle).toBe(200);
    // A request in flight: its body is half sent when the stop begins.
    const body = JSON.stringify({ query: "{ __typename }" });
    // Expect: 100-continue: the server's "continue" says it has the request, so the stop finds it in flight.
    const inFlight = http.request({
      hostname,
      port,
      path: "/graphql",
      method: "POST",
      agent,
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), expect: "100-continue" },
    });
    const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
      inFlight.on("response", (res) => {
        let text = "";
        res.setEncoding("utf8").on("data", (chunk: string) => (text += chunk)).on("end", () => resolve({ status: res.statusCode!, text }));
      });
      inFlight.on("error", reject);
    });
    inFlight.flushHeaders();
    await new Promise((resolve) => inFlight.once("continue", resolve));
    inFlight.write(body.slice(0, 5));
    const stopped = server.stop();
    await server.waitForLog((line) => line.includes("shutting down"));
    inFlight.end(body.slice(5));
    expect(await answered).toEqual({ status: 200, text: expect.stringContaining('"__typename":"Query"') });
    // Within the test's time limit (30 s), far under the 65 s an idle keep-alive connection would otherwise be kept.
    expect(await stopped).toBe(0);
  } finally {
    agent.destroy();
    await server.destroy();
  }
}, 30_000);

it("answers 503 on /healthz while its database is unreachable, and recovers", async () => {
  const server = await startWharf();
  const database = new URL(server.databaseUrl).pathname.slice(1);
  const maintenance = new URL(server.databaseUrl);
  maintenance.pathname = "/postgres";
  try {
    await query(maintenance.toString(), `ALTER DATABASE ${database} ALLOW_CONNECTIONS false`);
    await query(maintenance.toString(), "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [database]);
    // A fresh connection each time: a pooled socket to an earlier server on the same port would be reset.
    const health = () => fetch(`${server.url}/healthz`, { headers: { connection: "close" } });
    const down = await health();
    expect([down.status, await bodyOf(down)]).toEqual([503, { status: "unavailable" }]);

    await query(maintenance.toString(), `ALTER DATABASE ${database} ALLOW_CONNECTIONS true`);
    expect((await health()).status).toBe(200);
  } finally {
    await query(maintenance.toString(), `ALTER DATABASE ${database} ALLOW_CONNECTIONS true`);
    await server.destroy();
  }
});

(embedded ? describe : describe.skip)("the embedded database", () => {
  it("refuses a second Wharf on the same DATA_DIR, and survives its owner being killed", async () => {
    const server = await startWharf();
    try {
      const second = spawnSync(process.execPath, [MAIN], { env: { ...server.env, PORT: "0" }, encoding: "utf8", timeout: 60000 });
      expect(second.status).toBe(1);
      expect(second.stderr).toMatch(/DATA_DIR .* is in use by another Wharf process/);

      // Killed outright, it leaves its PostgreSQL running; the next start takes over cleanly.
      await server.kill();
      await server.restart();
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.destroy();
    }
  });
});

it.each([
  [{ PORT: "eighty" }, /PORT="eighty": expected a port number/],
  [{ PUBLIC_URL: "ftp://x" }, /PUBLIC_URL="ftp:\/\/x": expected an absolute http/],
  [{ DATABASE_URL: "mysql://x" }, /DATABASE_URL="mysql:\/\/x": expected a postgresql/],
  [{ LOG_LEVEL: "loud" }, /LOG_LEVEL="loud": expected one of/],
  [{ WHARF_ADMIN_TOKEN: "short" }, /WHARF_ADMIN_TOKEN="short": expected a token of at least 16/],
  [{ WHARF_TASK_LEASE_MS: "soon" }, /WHARF_TASK_LEASE_MS="soon": expected a number of milliseconds/],
  [{ WHARF_ADMIN_PASSWORD: "short" }, /WHARF_ADMIN_PASSWORD="short": expected a password of 8 to 1024 characters/],
  [{ WHARF_OIDC_ISSUER: "http://idp.example", WHARF_OIDC_CLIENT_ID: "w", WHARF_OIDC_CLIENT_SECRET: "s" }, /WHARF_OIDC_ISSUER="http:\/\/idp.example": expected an https:\/\/ URL \(http:\/\/ only on a loopback address\)/],
  [{ WHARF_OIDC_ISSUER: "https://idp.example" }, /expected all three, or none/],
])("refuses to start on bad configuration %j", (env, message) => {
  const run = spawnSync(process.execPath, [MAIN], { env: { ...process.env, ...env }, encoding: "utf8", timeout: 30000 });
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(message);
});
