// Publishing tasks when things go wrong under them: the database goes away
// mid-publish, a Wharf dies mid-task, two Wharfs on one database resume the
// same task. Each test starts its own Wharfs (with short leases and polls),
// since it breaks them.
import { Client } from "pg";
import { query, startWharf, type WharfProcess } from "./support/server";
import { denoPackage, eventually, QUICK_TASKS, tarball, uploadTarball, waitForTask } from "./support/packages";
import { bodyOf } from "./support/client";
import { uniqueName } from "./support/world";

const external = Boolean(process.env.DATABASE_URL);
const STATUS_RANK: Record<string, number> = { pending: 0, processing: 1, processed: 2, success: 3, failure: 3 };

const servers: WharfProcess[] = [];
async function wharf(options: { sharing?: WharfProcess } = {}): Promise<WharfProcess> {
  // At debug level, a Wharf logs each time it looks for tasks to take.
  const server = await startWharf({ ...QUICK_TASKS, LOG_LEVEL: "debug" }, options);
  servers.push(server);
  return server;
}
// Sharers first: the first Wharf's destruction removes the storage they share.
afterEach(async () => {
  for (const server of servers.splice(0).reverse()) await server.destroy();
});

interface Target {
  server: WharfProcess;
  scope: string;
  name: string;
}

async function newPackage(server: WharfProcess): Promise<Target> {
  const scope = uniqueName("s");
  const post = (path: string, body: unknown) =>
    fetch(server.url + path, {
      method: "POST",
      headers: { authorization: `Bearer ${server.adminToken}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  expect((await post("/api/scopes", { scope })).status).toBe(200);
  expect((await post(`/api/scopes/${scope}/packages`, { package: "pkg" })).status).toBe(200);
  return { server, scope, name: "pkg" };
}

async function upload(target: Target, version: string): Promise<string> {
  const body = await tarball(denoPackage(`@${target.scope}/${target.name}`, version));
  const res = await uploadTarball(target.server.url, target.server.adminToken, { ...target, version }, body);
  expect(res.status).toBe(200);
  return (await bodyOf(res)).id;
}

async function versionRows(target: Target): Promise<number> {
  const rows = await query<{ n: string }>(target.server.databaseUrl, "SELECT count(*) AS n FROM package_versions WHERE scope = $1 AND name = $2", [
    target.scope,
    target.name,
  ]);
  return Number(rows[0].n);
}

/** The server's database, and the maintenance database beside it (to cut it off). */
function databases(server: WharfProcess): { name: string; maintenance: string } {
  const maintenance = new URL(server.databaseUrl);
  maintenance.pathname = "/postgres";
  return { name: new URL(server.databaseUrl).pathname.slice(1), maintenance: maintenance.toString() };
}

/**
 * Stops every version commit where it stands: a transaction of the test's own holds a lock that
 * inserting a version waits for. `waiting(n)` resolves once n commits are waiting on it.
 */
async function holdCommits(server: WharfProcess): Promise<{ waiting(n?: number): Promise<void>; release(): Promise<void> }> {
  const blocker = new Client({ connectionString: server.databaseUrl });
  // Its connection may be cut by the test (an outage): that is expected.
  blocker.on("error", () => undefined);
  await blocker.connect();
  await blocker.query("BEGIN");
  await blocker.query("LOCK TABLE package_versions IN SHARE MODE");
  return {
    async waiting(n = 1) {
      await eventually(`${n} version commit(s) waiting on the lock`, async () => {
        const rows = await query<{ n: string }>(
          server.databaseUrl,
          "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> $1",
          [(blocker as unknown as { processID: number }).processID],
        );
        return Number(rows[0].n) >= n || undefined;
      });
    },
    async release() {
      await blocker.query("ROLLBACK").catch(() => undefined);
      await blocker.end().catch(() => undefined);
    },
  };
}

/** Records every write of a task's status (a trigger): what a client polling it could have seen, in order. */
async function recordStatuses(server: WharfProcess): Promise<(id: string) => Promise<string[]>> {
  await query(server.databaseUrl, "CREATE TABLE IF NOT EXISTS test_task_statuses (seq bigserial PRIMARY KEY, task_id uuid, status text)");
  await query(
    server.databaseUrl,
    `CREATE OR REPLACE FUNCTION test_record_status() RETURNS trigger AS $$
     BEGIN INSERT INTO test_task_statuses (task_id, status) VALUES (NEW.id, NEW.status); RETURN NEW; END $$ LANGUAGE plpgsql`,
  );
  await query(
    server.databaseUrl,
    "CREATE OR REPLACE TRIGGER test_record_status AFTER UPDATE OF status ON publishing_tasks FOR EACH ROW EXECUTE FUNCTION test_record_status()",
  );
  return async (id) =>
    (await query<{ status: string }>(server.databaseUrl, "SELECT status FROM test_task_statuses WHERE task_id = $1 ORDER BY seq", [id])).map((r) => r.status);
}

/** Whether the Wharf logged that it claimed the task (after its `since`th log line). */
function claimed(server: WharfProcess, id: string, since = 0): boolean {
  return server.logs.slice(since).some((line) => line.includes("processing publishing task") && line.includes(id));
}

/** Resolves when the Wharf next looks for tasks to take (a poll after this call). */
function nextLook(server: WharfProcess): Promise<string> {
  let seen = 0;
  const before = server.logs.length;
  return server.waitForLog((line) => seen++ >= before && line.includes("looked for publishing tasks"));
}

function neverBackwards(statuses: string[]): void {
  const ranks = statuses.map((s) => STATUS_RANK[s]);
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  expect(statuses.filter((s) => s === "success" || s === "failure")).toHaveLength(1);
}

it("finishes a task whose database went away mid-publish once it is back, without a restart", async () => {
  const server = await wharf();
  const target = await newPackage(server);
  const { name, maintenance } = databases(server);
  const commits = await holdCommits(server);
  const id = await upload(target, "1.0.0");
  await commits.waiting();
  // The outage: no new connection, and every open one cut (the version's commit, the test's lock).
  await query(maintenance, `ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
  try {
    await query(maintenance, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [name]);
    await server.waitForLog((line) => line.includes("publishing task failed") && line.includes(id));
  } finally {
    await query(maintenance, `ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
    await commits.release();
  }
  expect((await waitForTask(server.url, id)).status).toBe("success");
  expect(await versionRows(target)).toBe(1);
  expect(server.logs.filter((line) => line.includes("unhandled rejection"))).toEqual([]);
  // And no connection was lost for good: closing the pool waits for every one.
  expect(await server.stop()).toBe(0);
});

it("takes over a task whose holder stopped renewing its lease, without a restart", async () => {
  const server = await wharf();
  const target = await newPackage(server);
  const id = await upload(target, "1.0.0");
  expect((await waitForTask(server.url, id)).status).toBe("success");
  // As a Wharf that died mid-task leaves it (on any database, embedded too): claimed, its lease about to run out.
  await query(server.databaseUrl, "DELETE FROM package_versions WHERE scope = $1 AND name = $2", [target.scope, target.name]);
  await query(
    server.databaseUrl,
    "UPDATE publishing_tasks SET status = 'processing', lease_token = gen_random_uuid(), lease_expires_at = now() + interval '1 second' WHERE id = $1",
    [id],
  );
  expect((await waitForTask(server.url, id)).status).toBe("success");
  expect(await versionRows(target)).toBe(1);
});

// Two Wharfs on one database: only with an external PostgreSQL (an embedded one belongs to one process).
(external ? describe : describe.skip)("two Wharfs on one database", () => {
  it("lets the other Wharf finish a task whose Wharf was killed mid-task, once", async () => {
    const first = await wharf();
    const second = await wharf({ sharing: first });
    const target = await newPackage(first);
    const statuses = await recordStatuses(first);
    const commits = await holdCommits(first);
    const id = await upload(target, "1.0.0");
    await commits.waiting();
    const holder = claimed(first, id) ? first : second;
    const survivor = holder === first ? second : first;
    expect(claimed(holder, id) && !claimed(survivor, id)).toBe(true);

    await holder.kill();
    // The dead Wharf's commit goes on until the lock is released, then finds its client gone and rolls back.
    await commits.release();
    expect((await waitForTask(survivor.url, id)).status).toBe("success");
    expect(await versionRows(target)).toBe(1);
    expect(survivor.logs.filter((line) => line.includes('"published"') && line.includes(id))).toHaveLength(1);
    neverBackwards(await statuses(id));
  });

  it("publishes a task once when both Wharfs resume it at once, and never moves it backwards", async () => {
    const first = await wharf();
    const target = await newPackage(first);
    const id = await upload(target, "1.0.0");
    expect((await waitForTask(first.url, id)).status).toBe("success");
    await first.stop();
    // Where a crash mid-processing leaves a task.
    await query(first.databaseUrl, "DELETE FROM package_versions WHERE scope = $1 AND name = $2", [target.scope, target.name]);
    await query(first.databaseUrl, "UPDATE publishing_tasks SET status = 'processing' WHERE id = $1", [id]);
    const statuses = await recordStatuses(first);
    const commits = await holdCommits(first);
    const restartedAt = first.logs.length;

    const [, second] = await Promise.all([first.restart(), wharf({ sharing: first })]);
    await commits.waiting();
    // Both have had their go at it by the time a second commit waits too, or the Wharf that is not committing
    // it has looked for tasks since (and found none to take).
    const other = claimed(first, id, restartedAt) ? second : first;
    await Promise.race([commits.waiting(2), nextLook(other)]);
    await commits.release();
    expect((await waitForTask(second.url, id)).status).toBe("success");
    // Whatever either was still doing with it ends when it stops.
    await Promise.all([first.stop(), second.stop()]);
    // One pass, by one Wharf.
    expect(await statuses(id)).toEqual(["processing", "processed", "success"]);
    expect(await versionRows(target)).toBe(1);
  });
});
