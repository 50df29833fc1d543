// What an operator watches: request ids in responses and logs, /readyz over the database and the blob store (here
// an S3 bucket on a real s3rver), and /metrics behind its token.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { S3BlobStore } from "../src/storage/blobs/s3-blob-store";
import { startWharf, type WharfProcess } from "./support/server";
import { s3rverFileOf, startS3, type S3Server } from "./support/s3";
import { denoPackage, tarball, uploadTarball, waitForTask } from "./support/packages";
import { bodyOf } from "./support/client";
import { uniqueName } from "./support/world";

const BIN = path.resolve(__dirname, "..", "bin", "wharf.js");
const LONG_AGO = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
const METRICS_TOKEN = `metrics-${randomBytes(12).toString("hex")}`;
let s3: S3Server;
let server: WharfProcess;

beforeAll(async () => {
  s3 = await startS3();
  server = await startWharf({ ...s3.env, WHARF_METRICS_TOKEN: METRICS_TOKEN });
}, 120_000);
afterAll(async () => {
  await server?.destroy();
  await s3?.stop();
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function logLinesOf(requestId: string): Array<Record<string, unknown>> {
  return server.logs.map((line) => JSON.parse(line)).filter((entry) => entry.requestId === requestId);
}

describe("X-Request-Id", () => {
  it("is on every response, new unless the caller sent a sane one, and on the request's log lines", async () => {
    const scope = uniqueName("s");
    expect((await adminPost("/api/scopes", { scope })).status).toBe(200);
    expect((await adminPost(`/api/scopes/${scope}/packages`, { package: "pkg" })).status).toBe(200);
    const upload = await uploadTarball(server.url, server.adminToken, { scope, name: "pkg", version: "1.0.0" }, await tarball(denoPackage(`@${scope}/pkg`, "1.0.0")));
    expect((await waitForTask(server.url, (await bodyOf(upload)).id)).status).toBe("success");
    // Twice each where the second answer comes from memory, ahead of Express: registry files and kept REST reads.
    const kept = [`/@${scope}/pkg/meta.json`, `/@${scope}/pkg/1.0.0/mod.ts`, `/api/scopes/${scope}`];
    const paths = ["/healthz", "/api/scopes/nope", "/atom/api/packages/nope", "/@nope/nope/meta.json", "/graphql?query=%7B__typename%7D", "/no/such", ...kept, ...kept];
    for (const path of paths) {
      const res = await fetch(server.url + path);
      const id = res.headers.get("x-request-id");
      expect([path, id]).toEqual([path, expect.stringMatching(UUID)]);
      const logged = await server.waitForLog((line) => line.includes(id!) && line.includes('"msg":"request"'));
      expect(JSON.parse(logged)).toMatchObject({ requestId: id, path: path.split("?")[0] });
    }

    const given = await fetch(`${server.url}/healthz`, { headers: { "x-request-id": "lb-1234.abcd" } });
    expect(given.headers.get("x-request-id")).toBe("lb-1234.abcd");
    await server.waitForLog((line) => line.includes('"requestId":"lb-1234.abcd"'));
    expect(logLinesOf("lb-1234.abcd").map((entry) => entry.msg)).toEqual(["request"]);

    // Not sane (a space, too long, punctuation): replaced, never echoed into headers or logs.
    for (const bad of ["two words", "x".repeat(200), "a;b=c", "<script>"]) {
      const res = await fetch(`${server.url}/healthz`, { headers: { "x-request-id": bad } });
      expect(res.headers.get("x-request-id")).toMatch(UUID);
    }
  });
});

describe("npx wharf blobs gc on the bucket", () => {
  it("removes old blobs no row refers to, and keeps those a version refers to", async () => {
    const scope = uniqueName("s");
    expect((await adminPost("/api/scopes", { scope })).status).toBe(200);
    expect((await adminPost(`/api/scopes/${scope}/packages`, { package: "pkg" })).status).toBe(200);
    const upload = await uploadTarball(server.url, server.adminToken, { scope, name: "pkg", version: "1.0.0" }, await tarball(denoPackage(`@${scope}/pkg`, "1.0.0")));
    expect((await waitForTask(server.url, (await bodyOf(upload)).id)).status).toBe("success");

    const store = new S3BlobStore({ ...s3.options });
    const orphan = await store.put(Buffer.from(`nobody refers to this ${scope}`));
    const young = await store.put(Buffer.from(`nor to this, but it is young ${scope}`));
    // Everything old now: only references keep a blob.
    for await (const blob of store.list()) if (blob.sha256 !== young.sha256) fs.utimesSync(s3rverFileOf(s3, blob.sha256)!, LONG_AGO, LONG_AGO);

    // Not spawnSync: s3rver runs in this process and must answer the CLI meanwhile.
    const gc = await run(process.execPath, [BIN, "blobs", "gc", "--older-than", "1h"], server.env);
    expect(gc.status).toBe(0);
    expect(gc.stderr).toContain(`wharf: using the S3 bucket ${s3.bucket} at ${s3.endpoint}`);
    expect(gc.stdout).toContain(orphan.sha256);
    expect(await store.has(orphan.sha256)).toBe(false);
    expect(await store.has(young.sha256)).toBe(true);
    const mod = await fetch(`${server.url}/@${scope}/pkg/1.0.0/mod.ts`);
    expect([mod.status, await mod.text()]).toEqual([200, `export const name = "@${scope}/pkg";\n`]);
  });
});

describe("/metrics", () => {
  it("needs its token", async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: "Bearer wrong-token-of-some-length" } })).status).toBe(401);
  });

  it("counts requests by route template, publishing tasks, blob-store errors and the database pool", async () => {
    const before = await metrics();
    const scope = uniqueName("s");
    const post = adminPost;
    expect((await post("/api/scopes", { scope })).status).toBe(200);
    expect((await post(`/api/scopes/${scope}/packages`, { package: "pkg" })).status).toBe(200);
    const body = await tarball(denoPackage(`@${scope}/pkg`, "1.0.0"));
    const upload = await uploadTarball(server.url, server.adminToken, { scope, name: "pkg", version: "1.0.0" }, body);
    expect((await waitForTask(server.url, (await bodyOf(upload)).id)).status).toBe("success");
    expect((await fetch(`${server.url}/@${scope}/pkg/meta.json`)).status).toBe(200);

    const text = await metrics();
    const grew = (series: string) => value(text, series) - value(before, series);
    expect(grew('wharf_http_requests_total{method="GET",route="/@{scope}/{name}/meta.json",status="200"}')).toBe(1);
    expect(grew('wharf_http_requests_total{method="POST",route="/api/scopes",status="200"}')).toBe(1);
    expect(grew('wharf_http_requests_total{method="POST",route="/api/scopes/{scope}/packages/{package}/versions/{version}",status="200"}')).toBe(1);
    expect(grew('wharf_http_request_duration_seconds_bucket{le="+Inf",method="POST",route="/api/scopes"}')).toBe(1);
    expect(grew('wharf_publish_tasks_total{outcome="success"}')).toBe(1);
    expect(grew('wharf_publish_task_duration_seconds_count{outcome="success"}')).toBe(1);
    expect(value(text, 'wharf_db_pool_connections{state="total"}')).toBeGreaterThan(0);
    // Raw paths never become labels.
    expect(text).not.toContain(scope);

    // The bucket goes away: readiness says so, and a file that must be read from it counts an error.
    await s3.stop();
    const ready = await fetch(`${server.url}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([503, { status: "unavailable", checks: { database: "ok", blobs: "unavailable" } }]);
    expect((await fetch(`${server.url}/@${scope}/pkg/1.0.0/mod.ts`)).status).toBe(500);
    expect(await metrics()).toMatch(/wharf_blob_store_errors_total\{operation="open"\} [1-9]/);
    // Alive all along.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(command, args, { env });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
  return new Promise((resolve) => child.once("exit", (status) => resolve({ status, stdout, stderr })));
}

/** A series' value in Prometheus text, 0 when absent. */
function value(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(series + " "));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

function adminPost(path: string, body: unknown): Promise<Response> {
  return fetch(server.url + path, {
    method: "POST",
    headers: { authorization: `Bearer ${server.adminToken}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

async function metrics(): Promise<string> {
  const res = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect([res.status, res.headers.get("content-type")]).toEqual([200, expect.stringContaining("text/plain")]);
  return res.text();
}
