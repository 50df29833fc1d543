// WHARF_GIT_BASE=http(s)://...: Atom packages published from repositories on
// a git server, here git's own `git http-backend` served on loopback.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { atomAs } from "./support/atom";
import { addRelease, atomPackageJson, makeGitBase, makeRepository } from "./support/git";
import { serveGitHttp, type GitHttpServer } from "./support/git-http";
import { tarballFiles } from "./support/tarball";
import { uniqueName, useWharf } from "./support/world";

const root = makeGitBase();
const env: Record<string, string> = {};
let server: GitHttpServer;
beforeAll(async () => {
  server = await serveGitHttp(root, (req, res) => {
    // Repositories named moved-* answer with a redirect to another host (the same server under another name).
    if (!/^\/[^/]+\/moved-/.test(req.url ?? "")) return false;
    res.writeHead(302, { location: `http://localhost:${server.port}${req.url}` }).end();
    return true;
  });
  env.WHARF_GIT_BASE = `${server.url}/`;
});
// Registered after the hook above, so Wharf starts with the server's URL in env.
const world = useWharf(env);
afterAll(async () => {
  await server?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

async function tarballOf(name: string, version: string): Promise<Map<string, string>> {
  const res = await fetch(`${world.server.url}/atom/api/packages/${name}/versions/${version}/tarball`);
  expect(res.status).toBe(200);
  return tarballFiles(Buffer.from(await res.arrayBuffer()));
}

it("publishes a package and its later versions from the git server", async () => {
  const user = await world.user("http");
  const name = uniqueName("served");
  makeRepository(root, user.login, name, [
    { tag: "v1.0.0", files: { "package.json": atomPackageJson(name, "1.0.0"), "README.md": `# ${name}\n` } },
    { tag: "v1.1.0", files: { "package.json": atomPackageJson(name, "1.1.0"), "README.md": `# ${name} 1.1\n` } },
  ]);
  const created = await world.anonymous.post(`/atom/api/packages?repository=${user.login}/${name}`, { headers: atomAs(user) });
  expect([created.status, created.body.releases, created.body.readme]).toEqual([201, { latest: "1.1.0" }, `# ${name} 1.1\n`]);
  expect((await tarballOf(name, "1.1.0")).get("package/package.json")).toBe(atomPackageJson(name, "1.1.0"));
  expect(server.requests.some((r) => r.path === `/${user.login}/${name}.git/info/refs`)).toBe(true);

  // A tag pushed to the server after the first publish is fetched for the next one.
  addRelease(root, user.login, name, { tag: "v2.0.0", files: { "package.json": atomPackageJson(name, "2.0.0") } });
  const added = await world.anonymous.post(`/atom/api/packages/${name}/versions?tag=v2.0.0`, { headers: atomAs(user) });
  expect([added.status, added.body.version]).toEqual([201, "2.0.0"]);
  expect((await tarballOf(name, "2.0.0")).get("package/package.json")).toBe(atomPackageJson(name, "2.0.0"));
  const older = await world.anonymous.post(`/atom/api/packages/${name}/versions?tag=v1.0.0`, { headers: atomAs(user) });
  expect(older.status).toBe(201);
  expect((await world.anonymous.get(`/atom/api/packages/${name}`)).body.releases).toEqual({ latest: "2.0.0" });
});

it("answers 400 for a repository the server does not have", async () => {
  const user = await world.user("http");
  const missing = await world.anonymous.post(`/atom/api/packages?repository=${user.login}/not-there`, { headers: atomAs(user) });
  expect([missing.status, missing.body.message]).toEqual([400, expect.stringMatching(/repo does not exist/)]);
});

it("follows no redirect, to another host or anywhere", async () => {
  const user = await world.user("http");
  const name = uniqueName("moved-");
  makeRepository(root, user.login, name, [{ tag: "v1.0.0", files: { "package.json": atomPackageJson(name, "1.0.0") } }]);
  const moved = await world.anonymous.post(`/atom/api/packages?repository=${user.login}/${name}`, { headers: atomAs(user) });
  expect([moved.status, moved.body.message]).toEqual([400, expect.stringMatching(/repo does not exist/)]);
  expect(server.requests.filter((r) => r.path.includes(name)).map((r) => r.host)).toEqual([`127.0.0.1:${server.port}`]);
});

describe("a WHARF_GIT_BASE that is neither a folder nor an http(s) URL", () => {
  const MAIN = path.resolve(__dirname, "..", "dist", "src", "main.js");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-bad-base-"));
  const marker = path.join(dataDir, "ext-ran");
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it.each([`ext::sh -c touch% ${marker}`, "file:///srv/git", "ssh://git@example.com/srv", "git://example.com/srv", "https://example.com/git?x=1"])(
    "refuses to start with %s",
    (base) => {
      const run = spawnSync(process.execPath, [MAIN], {
        env: { ...process.env, WHARF_GIT_BASE: base, DATA_DIR: dataDir, PORT: "0", DATABASE_URL: "" },
        encoding: "utf8",
        timeout: 30000,
      });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/WHARF_GIT_BASE=.*expected a folder or an http/);
      expect(fs.existsSync(marker)).toBe(false);
    },
  );
});
