// What uploads leave in the blob store: `npx wharf blobs gc` removes the blobs
// no row refers to once they are old, and a restart removes the temporary
// files of uploads a crash cut short.
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { atomAs, publishers } from "./support/atom";
import { bodyOf } from "./support/client";
import { makeGitBase } from "./support/git";
import { denoPackage, tarball, uploadTarball, waitForTask, type Files } from "./support/packages";
import { query } from "./support/server";
import { uniqueName, useWharf, type TestUser } from "./support/world";

const gitBase = makeGitBase();
const world = useWharf({ WHARF_GIT_BASE: gitBase });
afterAll(() => fs.rmSync(gitBase, { recursive: true, force: true }));
const publisher = publishers(world, gitBase);

const BIN = path.resolve(__dirname, "..", "bin", "wharf.js");
const TWO_DAYS_AGO = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);

const blobDir = () => path.join(world.server.dataDir, "blobs");
const tmpDir = () => path.join(blobDir(), "tmp");
const blobFile = (sha256: string) => path.join(blobDir(), sha256.slice(0, 2), sha256);
const sha256Of = (content: string | Buffer) => createHash("sha256").update(content).digest("hex");

/** The CLI, run without blocking this process (an upload of ours may be in flight meanwhile). */
function gc(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, "blobs", "gc", ...args], { env: world.server.env });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
  return new Promise((resolve) => child.once("exit", (status) => resolve({ status, stdout, stderr })));
}

function allBlobs(): string[] {
  return fs
    .readdirSync(blobDir())
    .filter((dir) => dir !== "tmp")
    .flatMap((dir) => fs.readdirSync(path.join(blobDir(), dir)));
}

async function waitUntil(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

interface Target {
  owner: TestUser;
  scope: string;
  name: string;
}

async function newPackage(): Promise<Target> {
  const owner = await world.user();
  const scope = uniqueName("s");
  await owner.api.post("/api/scopes", { body: { scope } });
  await owner.api.post(`/api/scopes/${scope}/packages`, { body: { package: "pkg" } });
  return { owner, scope, name: "pkg" };
}

async function publish(target: Target, version: string, files: Files): Promise<string> {
  const res = await uploadTarball(world.server.url, target.owner.token, { ...target, version }, await tarball(files));
  expect(res.status).toBe(200);
  return (await waitForTask(world.server.url, (await bodyOf(res)).id)).status;
}

/** An upload whose body stops halfway until release() is called. */
function uploadInTwoHalves(target: Target, version: string, body: Buffer) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(body.subarray(0, body.length >> 1));
      await released;
      controller.enqueue(body.subarray(body.length >> 1));
      controller.close();
    },
  });
  const response = fetch(`${world.server.url}/api/scopes/${target.scope}/packages/${target.name}/versions/${version}?config=/deno.json`, {
    method: "POST",
    headers: { authorization: `Bearer ${target.owner.token}`, "content-type": "application/x-tar", "content-encoding": "gzip" },
    body: stream,
    duplex: "half",
  } as RequestInit);
  return { response, release };
}

it("removes the old blobs no row refers to, and keeps referenced and young ones", async () => {
  // Referenced: a jsr version's files and its upload, and an Atom version's tarball.
  const target = await newPackage();
  const fullName = `@${target.scope}/${target.name}`;
  expect(await publish(target, "1.0.0", denoPackage(fullName, "1.0.0", { "lib/kept.ts": `export const kept = "${randomBytes(8).toString("hex")}";\n` }))).toBe(
    "success",
  );
  const atom = await publisher();
  expect((await world.anonymous.post(`/atom/api/packages?repository=${atom.repo}`, { headers: atomAs(atom.user) })).status).toBe(201);

  // Not referenced: the files of a publish that failed (its config names another version).
  const orphan = `export const orphan = "${randomBytes(8).toString("hex")}";\n`;
  const failed = denoPackage(fullName, "9.9.9", { "lib/orphan.ts": orphan });
  expect(await publish(target, "1.0.1", failed)).toBe("failure");
  // And, if the upload was stored before it was refused, the tarball of a second upload of a published version.
  const duplicate = await tarball(denoPackage(fullName, "1.0.0", { "lib/other.ts": `export const other = "${randomBytes(8).toString("hex")}";\n` }));
  const refused = await uploadTarball(world.server.url, target.owner.token, { ...target, version: "1.0.0" }, duplicate);
  expect([refused.status, (await bodyOf(refused)).code]).toEqual([400, "duplicateVersionPublish"]);
  const orphans = [sha256Of(failed["deno.json"]), sha256Of(orphan)];
  if (fs.existsSync(blobFile(sha256Of(duplicate)))) orphans.push(sha256Of(duplicate));

  // Everything is two days old now: only a reference protects it.
  for (const sha256 of allBlobs()) fs.utimesSync(blobFile(sha256), TWO_DAYS_AGO, TWO_DAYS_AGO);
  // Written just now and not yet referenced, as a publish in flight leaves its blobs.
  const young = `export const young = "${randomBytes(8).toString("hex")}";\n`;
  expect(await publish(target, "1.0.2", denoPackage(fullName, "8.8.8", { "lib/young.ts": young }))).toBe("failure");

  const dryRun = await gc("--older-than", "24h", "--dry-run");
  expect(dryRun.status).toBe(0);
  expect(dryRun.stderr).toMatch(new RegExp(`would remove ${orphans.length} blobs`));
  expect(dryRun.stdout.trim().split("\n").map((line) => line.split(" ")[0]).sort()).toEqual([...orphans].sort());
  for (const sha256 of orphans) expect(fs.existsSync(blobFile(sha256))).toBe(true);

  const run = await gc("--older-than", "24h");
  expect(run.status).toBe(0);
  expect(run.stderr).toMatch(new RegExp(`removed ${orphans.length} blobs`));
  expect(run.stdout).toBe(dryRun.stdout);
  for (const sha256 of orphans) expect(fs.existsSync(blobFile(sha256))).toBe(false);
  expect(fs.existsSync(blobFile(sha256Of(duplicate)))).toBe(false);
  expect(fs.existsSync(blobFile(sha256Of(young)))).toBe(true);
  const referenced = await query<{ key: string }>(
    world.server.databaseUrl,
    "SELECT sha256 AS key FROM package_files UNION SELECT tarball FROM publishing_tasks UNION SELECT tarball FROM atom_versions",
  );
  expect(referenced.length).toBeGreaterThan(4);
  for (const { key } of referenced) expect(fs.existsSync(blobFile(key))).toBe(true);
  expect((await fetch(`${world.server.url}/${fullName}/1.0.0/lib/kept.ts`)).status).toBe(200);
  expect((await fetch(`${world.server.url}/atom/api/packages/${atom.name}/versions/1.1.0/tarball`)).status).toBe(200);

  // The grace period alone kept the young blob.
  const impatient = await gc("--older-than", "0s");
  expect(impatient.stdout).toContain(sha256Of(young));
  expect(fs.existsSync(blobFile(sha256Of(young)))).toBe(false);
});

it("keeps what a publish running at the same time stores", async () => {
  const target = await newPackage();
  const fullName = `@${target.scope}/${target.name}`;
  const asset = `export const asset = "${randomBytes(8).toString("hex")}";\n`;
  const upload = uploadInTwoHalves(target, "1.0.0", await tarball(denoPackage(fullName, "1.0.0", { "lib/asset.ts": asset })));
  await waitUntil(() => fs.readdirSync(tmpDir()).length > 0, "the upload is being stored");

  const run = await gc("--older-than", "1h");
  expect(run.status).toBe(0);
  expect(fs.readdirSync(tmpDir())).toHaveLength(1);

  upload.release();
  const res = await upload.response;
  expect(res.status).toBe(200);
  expect((await waitForTask(world.server.url, (await bodyOf(res)).id)).status).toBe("success");
  const file = await fetch(`${world.server.url}/${fullName}/1.0.0/lib/asset.ts`);
  expect([file.status, await file.text()]).toEqual([200, asset]);
  // Right after a publish its blobs are referenced: even a gc without grace keeps them.
  await gc("--older-than", "0s");
  expect(fs.existsSync(blobFile(sha256Of(asset)))).toBe(true);
});

it("removes at start the temporary files of uploads a crash cut short", async () => {
  const target = await newPackage();
  const upload = uploadInTwoHalves(target, "1.0.0", await tarball(denoPackage(`@${target.scope}/${target.name}`, "1.0.0")));
  upload.response.catch(() => undefined); // the server dies under it
  await waitUntil(() => fs.readdirSync(tmpDir()).length > 0, "the upload is being stored");
  await world.server.kill();
  expect(fs.readdirSync(tmpDir())).toHaveLength(1);

  await world.server.restart();
  expect(fs.readdirSync(tmpDir())).toEqual([]);
  await world.server.waitForLog((line) => line.includes("removed temporary files of interrupted uploads"));
  upload.release();
});
