// Wharf as a service: three processes on one PostgreSQL and one S3 server (s3rver, over HTTP), started at once.
// They migrate once; a publish through one is visible through the others at once (LISTEN/NOTIFY); a process killed
// mid-task leaves its task to another; counters stay exact when all three count at once.
// Runs only with an external PostgreSQL (DATABASE_URL): an embedded one belongs to one process.
import fs from "node:fs";
import { Client } from "pg";
import { makeGitBase, makeRepository, atomPackageJson } from "./support/git";
import { denoPackage, eventually, tarball, uploadTarball, waitForTask } from "./support/packages";
import { bodyOf, graphql } from "./support/client";
import { query, startWharfs, type WharfProcess } from "./support/server";
import { startS3, type S3Server } from "./support/s3";
import { uniqueName } from "./support/world";

const external = Boolean(process.env.DATABASE_URL);

(external ? describe : describe.skip)("three Wharfs on one PostgreSQL and one S3 bucket", () => {
  let s3: S3Server;
  let gitBase: string;
  let wharfs: WharfProcess[];
  let scope: string;

  beforeAll(async () => {
    s3 = await startS3();
    gitBase = makeGitBase();
    // Short leases: a killed Wharf's task is taken over within seconds. Responses are not checked against
    // openapi.yaml here (other tests do), to keep three processes cheap.
    wharfs = await startWharfs(3, {
      ...s3.env,
      WHARF_GIT_BASE: gitBase,
      WHARF_TASK_LEASE_MS: "2000",
      WHARF_TASK_POLL_MS: "300",
      WHARF_CHECK_RESPONSES: "false",
      LOG_LEVEL: "debug",
    });
    scope = uniqueName("s");
    const [first] = wharfs;
    expect((await post(first, "/api/scopes", { scope })).status).toBe(200);
    expect((await post(first, `/api/scopes/${scope}/packages`, { package: "pkg" })).status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    // The first owns the database: the others go first.
    for (const wharf of [...(wharfs ?? [])].reverse()) await wharf.destroy();
    await s3?.stop();
    fs.rmSync(gitBase, { recursive: true, force: true });
  });

  it("migrated the database once, though all three started at once", async () => {
    const migrated = wharfs.filter((w) => w.logs.some((line) => line.includes('"database migrated"')));
    expect(migrated).toHaveLength(1);
    const migrations = fs.readdirSync("prisma/migrations").filter((name) => fs.existsSync(`prisma/migrations/${name}/migration.sql`));
    const rows = await query<{ migration_name: string }>(wharfs[0].databaseUrl, "SELECT migration_name FROM _prisma_migrations");
    expect(rows.map((r) => r.migration_name).sort()).toEqual(migrations.sort());
  });

  it("serves a publish through the first from the second and third at once", async () => {
    const [first, second, third] = wharfs;
    const v1 = await upload(first, "1.0.0");
    expect((await waitForTask(first.url, v1)).status).toBe("success");
    // The others read meta.json now, and keep it in their caches.
    for (const wharf of [second, third]) expect(Object.keys((await meta(wharf)).versions)).toEqual(["1.0.0"]);

    const v2 = await upload(first, "1.1.0");
    expect((await waitForTask(first.url, v2)).status).toBe("success");
    // At once: their caches would keep the old meta.json for 30 s if no notification reached them.
    const [seenBySecond, seenByThird] = await Promise.all([meta(second), meta(third)]);
    expect(Object.keys(seenBySecond.versions).sort()).toEqual(["1.0.0", "1.1.0"]);
    expect(seenByThird).toEqual(seenBySecond);
    expect(seenBySecond.latest).toBe("1.1.0");
    // The files, from the bucket, through both at once.
    const files = await Promise.all([second, third].map((w) => fetch(`${w.url}/@${scope}/pkg/1.1.0/mod.ts`).then((r) => r.text())));
    expect(files).toEqual([`export const name = "@${scope}/pkg";\n`, `export const name = "@${scope}/pkg";\n`]);
  });

  it("counts downloads through all three at once exactly", async () => {
    const [first] = wharfs;
    const login = uniqueName("ppm");
    const made = await graphql(
      first.url,
      `mutation($input: CreateUserInput!) { createUser(input: $input) { token } }`,
      { input: { login, name: login, isStaff: false } },
      first.adminToken,
    );
    const name = uniqueName("atom");
    makeRepository(gitBase, login, name, [{ tag: "v1.0.0", files: { "package.json": atomPackageJson(name, "1.0.0") } }]);
    const created = await fetch(`${first.url}/atom/api/packages?repository=${login}/${name}`, {
      method: "POST",
      headers: { authorization: made.data.createUser.token },
    });
    expect(created.status).toBe(201);
    const downloads = await Promise.all(
      Array.from({ length: 30 }, (_, i) => fetch(`${wharfs[i % 3].url}/atom/api/packages/${name}/versions/1.0.0/tarball`).then((r) => r.status)),
    );
    expect(downloads).toEqual(Array(30).fill(200));
    // Each Wharf writes its downloads in batches, within a second: the total reaches 30 and the day's row agrees.
    const shown = async () => (await bodyOf(await fetch(`${wharfs[2].url}/atom/api/packages/${name}`))).downloads as string;
    await eventually("all 30 downloads to be written", async () => ((await shown()) === "30" ? true : undefined)); // a string, as Pulsar sends it
    const daily = await query<{ count: number }>(wharfs[0].databaseUrl, "SELECT count FROM atom_daily_downloads WHERE name = $1", [name]);
    expect(daily).toEqual([{ count: 30 }]);
    // The third keeps the package's JSON and the user's stars in memory: a star through the first reaches both by
    // NOTIFY (they have no TTL).
    const starred = async () => (await bodyOf(await fetch(`${wharfs[2].url}/atom/api/users/${login}/stars`))).map((p: { name: string }) => p.name);
    expect(await starred()).toEqual([]);
    const star = await fetch(`${first.url}/atom/api/packages/${name}/star`, { method: "POST", headers: { authorization: made.data.createUser.token } });
    expect(star.status).toBe(200);
    const stars = async () => (await bodyOf(await fetch(`${wharfs[2].url}/atom/api/packages/${name}`))).stargazers_count as string;
    await eventually("the star to show through the third", async () => ((await stars()) === "1" ? true : undefined));
    await eventually("the user's stars to show it through the third", async () => ((await starred()).length === 1 ? true : undefined));
  });

  it("refuses a token revoked through one Wharf on the others, which had it cached", async () => {
    const [first, second] = wharfs;
    const login = uniqueName("revoked");
    const made = await graphql(first.url, `mutation($input: CreateUserInput!) { createUser(input: $input) { token } }`, { input: { login, name: login, isStaff: false } }, first.adminToken);
    const token = made.data.createUser.token as string;
    const self = (w: WharfProcess) => fetch(`${w.url}/api/user`, { headers: { authorization: `Bearer ${token}` } });
    expect((await self(second)).status).toBe(200);
    const [listed] = (await bodyOf(await fetch(`${first.url}/api/user/tokens`, { headers: { authorization: `Bearer ${token}` } }))) as Array<{ id: string }>;
    expect((await fetch(`${first.url}/api/user/tokens/${listed.id}`, { method: "DELETE", headers: { authorization: `Bearer ${token}` } })).status).toBe(204);
    expect((await self(first)).status).toBe(401);
    // The other Wharf hears of it through NOTIFY, within milliseconds, not at the end of its cache's few seconds.
    await eventually("the other Wharf to refuse the revoked token", async () => ((await self(second)).status === 401 ? true : undefined));
  });

  it("lets another finish a task whose Wharf was killed mid-task, once", async () => {
    // Every version commit waits on a lock the test holds: the task stays mid-way until the test lets it go.
    const blocker = new Client({ connectionString: wharfs[0].databaseUrl });
    blocker.on("error", () => undefined);
    await blocker.connect();
    await blocker.query("BEGIN");
    await blocker.query("LOCK TABLE package_versions IN SHARE MODE");
    let id: string;
    try {
      id = await upload(wharfs[0], "2.0.0");
      const holder = await eventually("a Wharf to claim the task", async () => wharfs.find((w) => claimed(w, id)));
      await eventually("its commit to wait on the lock", async () => {
        const rows = await query<{ n: string }>(
          wharfs[0].databaseUrl,
          "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
        );
        return Number(rows[0].n) >= 1 || undefined;
      });
      await holder.kill();
      wharfs = wharfs.filter((w) => w !== holder).concat(holder); // the dead one is still destroyed at the end
    } finally {
      await blocker.query("ROLLBACK").catch(() => undefined);
      await blocker.end().catch(() => undefined);
    }
    const survivor = wharfs[0];
    expect((await waitForTask(survivor.url, id)).status).toBe("success");
    const rows = await query<{ n: string }>(survivor.databaseUrl, "SELECT count(*) AS n FROM package_versions WHERE scope = $1 AND version = '2.0.0'", [scope]);
    expect(Number(rows[0].n)).toBe(1);
    const publishedBy = wharfs.filter((w) => w.logs.some((line) => line.includes('"published"') && line.includes(id)));
    expect(publishedBy).toHaveLength(1);
    // Nothing lost: every version, and every file of it, still served by the survivors.
    for (const wharf of wharfs.slice(0, 2)) {
      expect(Object.keys((await meta(wharf)).versions).sort()).toEqual(["1.0.0", "1.1.0", "2.0.0"]);
      expect((await fetch(`${wharf.url}/@${scope}/pkg/2.0.0/mod.ts`)).status).toBe(200);
    }
  }, 90_000);

  const post = (wharf: WharfProcess, path: string, body: unknown) =>
    fetch(wharf.url + path, {
      method: "POST",
      headers: { authorization: `Bearer ${wharf.adminToken}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  async function upload(wharf: WharfProcess, version: string): Promise<string> {
    const body = await tarball(denoPackage(`@${scope}/pkg`, version));
    const res = await uploadTarball(wharf.url, wharf.adminToken, { scope, name: "pkg", version }, body);
    expect(res.status).toBe(200);
    return (await bodyOf(res)).id;
  }

  async function meta(wharf: WharfProcess): Promise<{ latest: string; versions: Record<string, unknown> }> {
    const res = await fetch(`${wharf.url}/@${scope}/pkg/meta.json`);
    expect(res.status).toBe(200);
    return (await res.json()) as { latest: string; versions: Record<string, unknown> };
  }
});

function claimed(wharf: WharfProcess, id: string): boolean {
  return wharf.logs.some((line) => line.includes("processing publishing task") && line.includes(id));
}
