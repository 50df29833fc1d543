// jsr publishing over the API, with real tarballs: the task, the rules, and
// what a success and a failure leave behind.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { query } from "./support/server";
import { denoPackage, eventually, heldUpload, QUICK_TASKS, tarball, uploadTarball, waitForTask } from "./support/packages";
import { request, bodyOf } from "./support/client";
import { uniqueName, useWharf, type TestUser } from "./support/world";

const world = useWharf(QUICK_TASKS);

interface Target {
  owner: TestUser;
  scope: string;
  name: string;
}

async function newPackage(name = "pkg"): Promise<Target> {
  const owner = await world.user();
  const scope = uniqueName("s");
  await owner.api.post("/api/scopes", { body: { scope } });
  expect((await owner.api.post(`/api/scopes/${scope}/packages`, { body: { package: name } })).status).toBe(200);
  return { owner, scope, name };
}

function upload(target: Target, version: string, body: Buffer, token = target.owner.token, headers: Record<string, string> = {}) {
  return uploadTarball(world.server.url, token, { ...target, version }, body, headers);
}

/** The task's end; deno polls it, so no poll may be cached. */
function finished(id: string) {
  return waitForTask(world.server.url, id, (res) => expect(res.headers.get("cache-control")).toBe("no-store"));
}

async function publish(target: Target, version: string, files = denoPackage(`@${target.scope}/${target.name}`, version)) {
  const res = await upload(target, version, await tarball(files));
  const body = await bodyOf(res);
  expect(res.status).toBe(200);
  return finished(body.id);
}

/** The task of an upload under way, once the server has made it. */
async function taskOf(target: Target, version: string): Promise<{ id: string; status: string }> {
  return eventually(`the task of ${version}`, async () => {
    const rows = await query<{ id: string; status: string }>(
      world.server.databaseUrl,
      "SELECT id, status FROM publishing_tasks WHERE scope = $1 AND name = $2 AND version = $3",
      [target.scope, target.name, version],
    );
    return rows[0];
  });
}

/** Bytes under the blob store's folder (DATA_DIR/blobs), temporary files included. */
function blobBytes(): number {
  const total = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => sum + (e.isDirectory() ? total(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).size), 0);
  return total(path.join(world.server.dataDir, "blobs"));
}

async function versionRows(target: Target): Promise<number> {
  const rows = await query<{ n: string }>(world.server.databaseUrl, "SELECT count(*) AS n FROM package_versions WHERE scope = $1 AND name = $2", [
    target.scope,
    target.name,
  ]);
  return Number(rows[0].n);
}

describe("a successful publish", () => {
  it("answers with a pending task, then serves the version, its files and metadata", async () => {
    const target = await newPackage();
    const files = denoPackage(`@${target.scope}/${target.name}`, "1.0.0", { "README.md": "# Hello\n", "lib/util.ts": "export const x = 1;\n" });
    const res = await upload(target, "1.0.0", await tarball(files));
    const task = await bodyOf(res);
    expect(task).toMatchObject({ packageScope: target.scope, packageName: target.name, packageVersion: "1.0.0", userId: target.owner.id });
    expect(["pending", "processing", "processed", "success"]).toContain(task.status);
    expect((await finished(task.id)).status).toBe("success");
    expect((await request(world.server.url, "GET", `/api/publishing_tasks/${task.id}`)).body.status).toBe("success");

    const version = await world.anonymous.get(`/api/scopes/${target.scope}/packages/${target.name}/versions/1.0.0`);
    expect(version.body).toMatchObject({ version: "1.0.0", yanked: false, readmePath: "/README.md" });
    const pkg = await world.anonymous.get(`/api/scopes/${target.scope}/packages/${target.name}`);
    expect(pkg.body).toMatchObject({ versionCount: 1, latestVersion: "1.0.0" });

    const meta = await fetch(`${world.server.url}/@${target.scope}/${target.name}/meta.json`);
    expect(meta.headers.get("cache-control")).toBe("no-cache");
    expect(await bodyOf(meta)).toEqual({
      scope: target.scope,
      name: target.name,
      latest: "1.0.0",
      versions: { "1.0.0": { createdAt: expect.any(String) } },
    });
    const again = await fetch(`${world.server.url}/@${target.scope}/${target.name}/meta.json`, { headers: { "if-none-match": meta.headers.get("etag")! } });
    expect(again.status).toBe(304);

    const versionMeta = await bodyOf(await fetch(`${world.server.url}/@${target.scope}/${target.name}/1.0.0_meta.json`));
    expect(versionMeta.exports).toEqual({ ".": "./mod.ts" });
    expect(versionMeta.manifest["/lib/util.ts"]).toEqual({ size: 20, checksum: expect.stringMatching(/^sha256-[0-9a-f]{64}$/) });

    const file = await fetch(`${world.server.url}/@${target.scope}/${target.name}/1.0.0/lib/util.ts`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toMatch(/typescript/);
    expect(file.headers.get("cache-control")).toContain("immutable");
    expect(file.headers.get("etag")).toBe(`"${versionMeta.manifest["/lib/util.ts"].checksum}"`);
    expect(await file.text()).toBe("export const x = 1;\n");
    const cached = await fetch(`${world.server.url}/@${target.scope}/${target.name}/1.0.0/lib/util.ts`, { headers: { "if-none-match": file.headers.get("etag")! } });
    expect(cached.status).toBe(304);
    expect((await fetch(`${world.server.url}/@${target.scope}/${target.name}/1.0.0/nope.ts`)).status).toBe(404);
  });

  it("writes <version>_meta.json in jsr.io's shape: moduleGraph2, exports in source order, CORS as jsr sends it", async () => {
    // test/fixtures/jsr-version-meta.json: upstream's module_graph publish test (api/src/publish.rs), as jsr.io serves it.
    const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "fixtures", "jsr-version-meta.json"), "utf8"));
    const target = await newPackage();
    const mod = ['/** A component. */', "// Two imports.", "", 'import {} from "./test.js";', "", "// Data.", 'import "./jsr.json" with { type: "json" };', ""].join("\n");
    const files = {
      "jsr.json": JSON.stringify({ name: `@${target.scope}/${target.name}`, version: "1.0.0", exports: { "./z": "./test.js", ".": "./mod.tsx" }, license: "MIT" }),
      "mod.tsx": mod,
      "test.js": 'export const test = "test";\n',
    };
    const res = await fetch(`${world.server.url}/api/scopes/${target.scope}/packages/${target.name}/versions/1.0.0?config=/jsr.json`, {
      method: "POST",
      headers: { authorization: `Bearer ${target.owner.token}`, "content-type": "application/x-tar", "content-encoding": "gzip" },
      body: await tarball(files),
    });
    expect((await finished((await bodyOf(res)).id)).error).toBeNull();
    const served = await fetch(`${world.server.url}/@${target.scope}/${target.name}/1.0.0_meta.json`, { headers: { origin: "https://example.com" } });
    expect(served.headers.get("access-control-allow-origin")).toBe("*");
    expect(served.headers.get("access-control-expose-headers")).toBe("*");
    const meta = await bodyOf(served);
    expect(Object.keys(meta).sort()).toEqual(Object.keys(fixture).sort());
    expect(Object.keys(meta.manifest).sort()).toEqual(Object.keys(fixture.manifest).sort());
    for (const entry of Object.values(meta.manifest)) expect(entry).toEqual({ size: expect.any(Number), checksum: expect.stringMatching(/^sha256-[0-9a-f]{64}$/) });
    expect(meta.moduleGraph2).toEqual(fixture.moduleGraph2);
    expect(Object.entries(meta.exports)).toEqual(Object.entries(fixture.exports));
    const preflight = await fetch(`${world.server.url}/@${target.scope}/${target.name}/meta.json`, { method: "OPTIONS" });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toBe("HEAD, GET");
  });

  it("records jsr and npm dependencies, and the dependents they make", async () => {
    const base = await newPackage("base");
    expect((await publish(base, "1.2.0")).status).toBe("success");
    // Read (and kept in memory) before another package comes to depend on it.
    const dependentCount = async () => (await world.anonymous.get(`/api/scopes/${base.scope}/packages/base`)).body.dependentCount;
    expect(await dependentCount()).toBe(0);
    const user = { owner: base.owner, scope: base.scope, name: "user" };
    await base.owner.api.post(`/api/scopes/${base.scope}/packages`, { body: { package: "user" } });
    const files = denoPackage(`@${base.scope}/user`, "0.1.0", {
      "mod.ts": `import { name } from "jsr:@${base.scope}/base@^1.2.0";\nimport chalk from "npm:chalk@5";\nimport * as u from "util-alias/x.ts";\nexport { name, chalk, u };\n`,
    }, { imports: { "util-alias/": `jsr:@${base.scope}/base@^1.0.0/` } });
    expect((await publish(user, "0.1.0", files)).status).toBe("success");
    expect(await dependentCount()).toBe(1);

    const deps = await world.anonymous.get(`/api/scopes/${base.scope}/packages/user/versions/0.1.0/dependencies`);
    expect(deps.body).toEqual([
      { kind: "jsr", name: `@${base.scope}/base`, constraint: "^1.0.0", path: "/x.ts" },
      { kind: "jsr", name: `@${base.scope}/base`, constraint: "^1.2.0", path: "" },
      { kind: "npm", name: "chalk", constraint: "5", path: "" },
    ]);
    const dependents = await world.anonymous.get(`/api/scopes/${base.scope}/packages/base/dependents`);
    expect(dependents.body).toEqual({ items: [{ scope: base.scope, package: "user", versions: ["0.1.0"], totalVersions: 1 }], total: 1 });
    // jsr's usesNpm: true once a module imports an npm: package.
    expect((await world.anonymous.get(`/api/scopes/${base.scope}/packages/user/versions/0.1.0`)).body.usesNpm).toBe(true);
    expect((await world.anonymous.get(`/api/scopes/${base.scope}/packages/base/versions/1.2.0`)).body.usesNpm).toBe(false);
  });

  it("lets members yank a version: it stays, but is no longer latest", async () => {
    const target = await newPackage();
    await publish(target, "1.0.0");
    await publish(target, "1.1.0");
    await publish(target, "2.0.0-beta.1");
    const meta = async () => bodyOf(await fetch(`${world.server.url}/@${target.scope}/${target.name}/meta.json`));
    expect((await meta()).latest).toBe("1.1.0");

    const stranger = await world.user();
    expect((await stranger.api.patch(`/api/scopes/${target.scope}/packages/${target.name}/versions/1.1.0`, { body: { yanked: true } })).body.code).toBe(
      "actorNotScopeMember",
    );
    expect((await target.owner.api.patch(`/api/scopes/${target.scope}/packages/${target.name}/versions/1.1.0`, { body: { yanked: true } })).status).toBe(204);
    const after = await meta();
    expect(after.latest).toBe("1.0.0");
    expect(after.versions["1.1.0"]).toMatchObject({ yanked: true });
    const list = await world.anonymous.get(`/api/scopes/${target.scope}/packages/${target.name}/versions`);
    expect(list.body.map((v: { version: string }) => v.version)).toEqual(["2.0.0-beta.1", "1.1.0", "1.0.0"]);
  });
});

describe("a publish that breaks a rule", () => {
  it.each([
    ["missing licence", (n: string) => ({ "deno.json": JSON.stringify({ name: n, version: "1.0.0", exports: "./mod.ts" }), "mod.ts": "" }), "missingLicense"],
    ["wrong name", () => denoPackage("@other/thing", "1.0.0"), "configFileNameMismatch"],
    ["wrong version", (n: string) => denoPackage(n, "9.9.9"), "configFileVersionMismatch"],
    ["export of a missing file", (n: string) => denoPackage(n, "1.0.0", {}, { exports: { ".": "./nope.ts" } }), "configFileExportsInvalid"],
    ["no config file", () => ({ "mod.ts": "" }), "missingConfigFile"],
    ["a bad path", (n: string) => denoPackage(n, "1.0.0", { "con.ts": "" }), "invalidPath"],
    ["paths that differ by case", (n: string) => denoPackage(n, "1.0.0", { "A.ts": "", "a.ts": "" }), "caseInsensitiveDuplicatePath"],
    // Text PostgreSQL refuses (NUL) where it would be recorded: a dependency, an export.
    ["a NUL in a jsr version", (n: string) => denoPackage(n, "1.0.0", { "mod.ts": `import "jsr:${n}-dep@1\0";\n` }), "invalidJsrSpecifier"],
    ["an escaped NUL in a jsr path", (n: string) => denoPackage(n, "1.0.0", { "mod.ts": 'export * from "jsr:@std/fs@1/a\\u0000b";\n' }), "invalidJsrSpecifier"],
    ["a NUL in an npm name", (n: string) => denoPackage(n, "1.0.0", { "mod.ts": 'import "npm:left\0pad@1";\n' }), "invalidNpmSpecifier"],
    ["a NUL through the import map", (n: string) => denoPackage(n, "1.0.0", { "mod.ts": 'import "dep";\n' }, { imports: { dep: "jsr:@std/fs@1\u0000" } }), "invalidJsrSpecifier"],
    ["a NUL in an export", (n: string) => denoPackage(n, "1.0.0", {}, { exports: { ".": "./mod.ts", "./a\u0000": "./mod.ts" } }), "configFileExportsInvalid"],
  ])("fails the task on %s, and leaves no version", async (_case, files, code) => {
    const target = await newPackage();
    const result = await publish(target, "1.0.0", (files as (n: string) => Record<string, string>)(`@${target.scope}/${target.name}`));
    expect(result).toMatchObject({ status: "failure", error: { code, message: expect.any(String) } });
    expect(await versionRows(target)).toBe(0);
    expect((await world.anonymous.get(`/api/scopes/${target.scope}/packages/${target.name}/versions/1.0.0`)).body.code).toBe("packageVersionNotFound");
    // A failed version may be published again.
    expect((await publish(target, "1.0.0")).status).toBe("success");
  });

  it("refuses a gzip bomb while unpacking", async () => {
    const target = await newPackage();
    const files = denoPackage(`@${target.scope}/${target.name}`, "1.0.0", { "big.txt": Buffer.alloc(21 * 1024 * 1024) });
    const result = await publish(target, "1.0.0", files);
    expect(result).toMatchObject({ status: "failure", error: { code: "tarballSizeLimitExceeded" } });
    expect(await versionRows(target)).toBe(0);
  });

  it("refuses an upload over 20 MiB, without gzip, or by an outsider", async () => {
    const target = await newPackage();
    const tooBig = await upload(target, "1.0.0", Buffer.alloc(21 * 1024 * 1024));
    expect([tooBig.status, (await bodyOf(tooBig)).code]).toEqual([413, "tarballSizeLimitExceeded"]);
    const plain = await upload(target, "1.0.0", gzipSync("x"), undefined, { "content-encoding": "identity" });
    expect([plain.status, (await bodyOf(plain)).code]).toEqual([400, "missingGzipContentEncoding"]);
    const stranger = await world.user();
    const denied = await upload(target, "1.0.0", await tarball(denoPackage(`@${target.scope}/${target.name}`, "1.0.0")), stranger.token);
    expect([denied.status, (await bodyOf(denied)).code]).toEqual([403, "actorNotScopeMember"]);
    const missing = await upload({ ...target, name: "nope" }, "1.0.0", gzipSync("x"));
    expect([missing.status, (await bodyOf(missing)).code]).toEqual([404, "packageNotFound"]);
    const badVersion = await upload(target, "1.0", gzipSync("x"));
    expect(badVersion.status).toBe(400);
  });

  it("lets exactly one of two uploads of a version at once win", async () => {
    const target = await newPackage();
    const body = await tarball(denoPackage(`@${target.scope}/${target.name}`, "1.0.0"));
    const [a, b] = await Promise.all([upload(target, "1.0.0", body), upload(target, "1.0.0", body)]);
    const answers = [await bodyOf(a), await bodyOf(b)];
    expect([a.status, b.status].sort()).toEqual([200, 400]);
    expect(answers.find((x) => x.code)).toMatchObject({ code: "duplicateVersionPublish" });
    expect((await finished(answers.find((x) => x.id).id)).status).toBe("success");
    const again = await upload(target, "1.0.0", body);
    expect([again.status, (await bodyOf(again)).code]).toEqual([400, "duplicateVersionPublish"]);
  });
});

describe("packages", () => {
  it("deletes only a package without versions, and archives one to stop publishing", async () => {
    const target = await newPackage();
    await publish(target, "1.0.0");
    const del = await target.owner.api.delete(`/api/scopes/${target.scope}/packages/${target.name}`);
    expect([del.status, del.body.code]).toEqual([409, "packageNotEmpty"]);

    const archived = await target.owner.api.patch(`/api/scopes/${target.scope}/packages/${target.name}`, { body: { isArchived: true } });
    expect(archived.body.isArchived).toBe(true);
    const refused = await upload(target, "1.0.1", await tarball(denoPackage(`@${target.scope}/${target.name}`, "1.0.1")));
    expect([refused.status, (await bodyOf(refused)).code]).toEqual([400, "packageArchived"]);

    const empty = await newPackage("empty");
    expect((await world.anonymous.get(`/api/scopes/${empty.scope}/packages/empty`)).body.description).toBe("");
    const described = await empty.owner.api.patch(`/api/scopes/${empty.scope}/packages/empty`, { body: { description: "Nothing yet" } });
    expect(described.body.description).toBe("Nothing yet");
    expect((await world.anonymous.get(`/api/scopes/${empty.scope}/packages/empty`)).body.description).toBe("Nothing yet");
    expect((await empty.owner.api.delete(`/api/scopes/${empty.scope}/packages/empty`)).status).toBe(204);
    expect((await world.anonymous.get(`/api/scopes/${empty.scope}/packages/empty`)).body.code).toBe("packageNotFound");
  });

  it("refuses to delete a package while a version's upload is under way, and publishes that version", async () => {
    const target = await newPackage();
    const held = heldUpload(world.server.url, target.owner.token, { ...target, version: "1.0.0" }, await tarball(denoPackage(`@${target.scope}/${target.name}`, "1.0.0")));
    const task = await taskOf(target, "1.0.0");
    const del = await target.owner.api.delete(`/api/scopes/${target.scope}/packages/${target.name}`);
    expect([del.status, del.body.code]).toEqual([409, "packageNotEmpty"]);
    held.finish();
    expect((await held.response).status).toBe(200);
    expect((await finished(task.id)).status).toBe("success");
    expect(await versionRows(target)).toBe(1);
  });

  it("ends every publish racing a delete in success or a clear error, never with an orphan version", async () => {
    const targets = await Promise.all(Array.from({ length: 6 }, () => newPackage()));
    const bodies = await Promise.all(targets.map((t) => tarball(denoPackage(`@${t.scope}/${t.name}`, "1.0.0"))));
    await Promise.all(
      targets.map(async (target, i) => {
        const [res, del] = await Promise.all([upload(target, "1.0.0", bodies[i]), target.owner.api.delete(`/api/scopes/${target.scope}/packages/${target.name}`)]);
        const answer = await bodyOf(res);
        if (res.status === 200) {
          // The upload came first: the package stays, and the version publishes.
          expect([del.status, del.body.code]).toEqual([409, "packageNotEmpty"]);
          expect((await finished(answer.id)).status).toBe("success");
          expect(await versionRows(target)).toBe(1);
        } else {
          expect([res.status, answer.code, del.status]).toEqual([404, "packageNotFound", 204]);
          expect(await versionRows(target)).toBe(0);
        }
      }),
    );
  });

  it("fails a task whose package vanished meanwhile with packageNotFound, not an internal error", async () => {
    const target = await newPackage();
    const held = heldUpload(world.server.url, target.owner.token, { ...target, version: "1.0.0" }, await tarball(denoPackage(`@${target.scope}/${target.name}`, "1.0.0")));
    const task = await taskOf(target, "1.0.0");
    // Behind the API's back (the API refuses it): the last line of defence is the version's commit.
    await query(world.server.databaseUrl, "DELETE FROM packages WHERE scope = $1 AND name = $2", [target.scope, target.name]);
    held.finish();
    expect((await held.response).status).toBe(200);
    expect(await finished(task.id)).toMatchObject({ status: "failure", error: { code: "packageNotFound" } });
    expect(await versionRows(target)).toBe(0);
  });

  it("lists and searches packages, and shows the registry's stats", async () => {
    const target = await newPackage(uniqueName("findme"));
    await publish(target, "1.0.0");
    const found = await world.anonymous.get(`/api/packages?query=${target.name}&limit=5&page=1`);
    expect(found.body).toMatchObject({ total: 1, items: [{ scope: target.scope, name: target.name, latestVersion: "1.0.0" }] });
    const stats = await world.anonymous.get("/api/stats");
    expect(stats.body.newest).toContainEqual({ scope: target.scope, name: target.name });
    expect(stats.body.updated).toContainEqual({ scope: target.scope, package: target.name, version: "1.0.0" });
  });
});

describe("a crash", () => {
  it("leaves no task stuck: unfinished tasks are finished after a restart", async () => {
    const target = await newPackage();
    const res = await upload(target, "1.0.0", await tarball(denoPackage(`@${target.scope}/${target.name}`, "1.0.0")));
    const task = await bodyOf(res);
    await world.server.kill();
    // Whatever the kill interrupted, put the task back where a crash mid-processing leaves it.
    await query(world.server.databaseUrl, "DELETE FROM package_versions WHERE scope = $1 AND name = $2", [target.scope, target.name]);
    await query(world.server.databaseUrl, "UPDATE publishing_tasks SET status = 'processing' WHERE id = $1", [task.id]);
    await world.server.restart();
    expect((await finished(task.id)).status).toBe("success");
    expect(await versionRows(target)).toBe(1);
  });
});

describe("quotas", () => {
  it("holds a scope to its weekly limit of new packages", async () => {
    const owner = await world.user();
    const scope = uniqueName("q");
    await owner.api.post("/api/scopes", { body: { scope } });
    for (let i = 0; i < 20; i++) expect((await owner.api.post(`/api/scopes/${scope}/packages`, { body: { package: `p${i}` } })).status).toBe(200);
    const over = await owner.api.post(`/api/scopes/${scope}/packages`, { body: { package: "one-more" } });
    expect([over.status, over.body]).toEqual([400, { code: "weeklyPackageLimitExceeded", message: "Exceeded weekly limit of 20 new packages for scope." }]);
    const full = await owner.api.get(`/api/scopes/${scope}`);
    expect(full.body.quotas).toMatchObject({ packageUsage: 20, newPackagePerWeekUsage: 20, newPackagePerWeekLimit: 20 });
  });

  it("refuses an upload of a version already published before storing its bytes", async () => {
    const target = await newPackage();
    expect((await publish(target, "1.0.0")).status).toBe("success");
    const quota = async () => (await target.owner.api.get(`/api/scopes/${target.scope}`)).body.quotas.publishAttemptsPerWeekUsage;
    const attempts = await quota();
    const before = blobBytes();
    // 3 MiB that gzip cannot shrink.
    const body = await tarball(denoPackage(`@${target.scope}/${target.name}`, "1.0.0", { "noise.bin": randomBytes(3 * 1024 * 1024) }));
    for (let i = 0; i < 5; i++) {
      const again = await upload(target, "1.0.0", body);
      expect([again.status, (await bodyOf(again)).code]).toEqual([400, "duplicateVersionPublish"]);
    }
    expect(fs.existsSync(path.join(world.server.dataDir, "blobs", sha256(body).slice(0, 2), sha256(body)))).toBe(false);
    expect(blobBytes() - before).toBeLessThan(1024 * 1024);
    // As upstream: what is refused before it is stored is not an attempt.
    expect(await quota()).toBe(attempts);
  });

  it("counts every stored upload against the weekly quota, even one that then fails", async () => {
    const target = await newPackage();
    await query(world.server.databaseUrl, "UPDATE scopes SET publish_attempts_per_week_limit = 2 WHERE scope = $1", [target.scope]);
    expect((await publish(target, "1.0.0")).status).toBe("success");
    // Streamed without a Content-Length: only storing it finds it too big.
    const tooBig = heldUpload(world.server.url, target.owner.token, { ...target, version: "1.0.1" }, randomBytes(21 * 1024 * 1024));
    tooBig.finish();
    const refused = await tooBig.response;
    expect([refused.status, (await bodyOf(refused)).code]).toEqual([413, "tarballSizeLimitExceeded"]);
    expect((await taskOf(target, "1.0.1")).status).toBe("failure");
    expect((await target.owner.api.get(`/api/scopes/${target.scope}`)).body.quotas).toMatchObject({ publishAttemptsPerWeekUsage: 2 });
    const over = await upload(target, "1.0.2", await tarball(denoPackage(`@${target.scope}/${target.name}`, "1.0.2")));
    expect([over.status, (await bodyOf(over)).code]).toEqual([400, "weeklyPublishAttemptsLimitExceeded"]);
  });

  it("lets no more uploads through than the quota allows, even all at once", async () => {
    const target = await newPackage();
    await query(world.server.databaseUrl, "UPDATE scopes SET publish_attempts_per_week_limit = 1 WHERE scope = $1", [target.scope]);
    const versions = ["1.0.0", "1.0.1", "1.0.2", "1.0.3", "1.0.4"];
    const bodies = await Promise.all(versions.map((v) => tarball(denoPackage(`@${target.scope}/${target.name}`, v))));
    const answers = await Promise.all(versions.map((v, i) => upload(target, v, bodies[i])));
    const codes = await Promise.all(answers.map(async (res) => [res.status, (await bodyOf(res)).code ?? "accepted"]));
    expect(codes.sort()).toEqual([[200, "accepted"], ...Array(4).fill([400, "weeklyPublishAttemptsLimitExceeded"])]);
  });

  it("holds a scope to its weekly limit of publish attempts", async () => {
    const target = await newPackage();
    await query(world.server.databaseUrl, "UPDATE scopes SET publish_attempts_per_week_limit = 1 WHERE scope = $1", [target.scope]);
    expect((await publish(target, "1.0.0")).status).toBe("success");
    const over = await upload(target, "1.0.1", await tarball(denoPackage(`@${target.scope}/${target.name}`, "1.0.1")));
    expect([over.status, (await bodyOf(over)).code]).toEqual([400, "weeklyPublishAttemptsLimitExceeded"]);
    expect((await target.owner.api.get(`/api/scopes/${target.scope}`)).body.quotas).toMatchObject({ publishAttemptsPerWeekUsage: 1 });
  });
});

function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}
