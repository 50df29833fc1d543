// The embedded PostgreSQL dies under a running Wharf (OOM killer, an operator's
// kill): Wharf restarts it and serves again, or, if it cannot, exits non-zero
// so that a supervisor restarts Wharf, rather than answering 503 forever.
import fs from "node:fs";
import path from "node:path";
import { bodyOf } from "./support/client";
import { startWharf, type WharfProcess } from "./support/server";
import { uniqueName } from "./support/world";

const embedded = !process.env.DATABASE_URL;

/** The running postmaster's pid, or undefined between two of them. */
function postgresPid(server: WharfProcess): number | undefined {
  try {
    return Number(fs.readFileSync(path.join(server.dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]) || undefined;
  } catch {
    return undefined;
  }
}

const waitForLog = (server: WharfProcess, msg: string) => server.waitForLog((line) => line.includes(`"msg":"${msg}"`));
// Bounds a failure (today's Wharf would answer 503 forever); a passing run waits only as long as it must.
const DEADLINE_MS = 60_000;

(embedded ? describe : describe.skip)("the embedded database, killed", () => {
  it("is restarted, and Wharf serves reads and writes again", async () => {
    const server = await startWharf();
    try {
      const before = postgresPid(server)!;
      process.kill(before, "SIGKILL");

      // Healthy again, on a new postgres (the old one may answer a last query as it dies).
      const deadline = Date.now() + DEADLINE_MS;
      let health = 0;
      const restarted = () => [undefined, before].includes(postgresPid(server)) === false;
      while (!(health === 200 && restarted()) && Date.now() < deadline) {
        health = (await fetch(`${server.url}/healthz`, { headers: { connection: "close" } })).status;
        if (!(health === 200 && restarted())) await new Promise((r) => setTimeout(r, 100));
      }
      expect([health, restarted()]).toEqual([200, true]);
      await waitForLog(server, "the embedded postgres exited unexpectedly; restarting it");
      await waitForLog(server, "the embedded postgres runs again");

      const scope = uniqueName("s");
      const auth = { authorization: `Bearer ${server.adminToken}`, "content-type": "application/json" };
      const created = await fetch(`${server.url}/api/scopes`, { method: "POST", headers: auth, body: JSON.stringify({ scope }) });
      expect(created.status).toBe(200);
      const read = await fetch(`${server.url}/api/scopes/${scope}`, { headers: auth });
      expect([read.status, (await bodyOf(read)).scope]).toEqual([200, scope]);
    } finally {
      await server.destroy();
    }
  });

  it("makes Wharf exit non-zero, saying why, when it cannot be restarted", async () => {
    const server = await startWharf();
    try {
      const pid = postgresPid(server)!;
      // Its files gone from where Wharf starts it, the database cannot come back.
      fs.renameSync(path.join(server.dataDir, "postgres"), path.join(server.dataDir, "postgres-moved"));
      process.kill(pid, "SIGKILL");
      const stillRunning = new Promise<string>((resolve) => setTimeout(() => resolve("still running"), DEADLINE_MS).unref());
      expect(await Promise.race([server.exited(), stillRunning])).toBe(1);
      await waitForLog(server, "the embedded postgres cannot be restarted; giving up");
      await waitForLog(server, "exiting: the database is gone");
    } finally {
      await server.destroy();
    }
  });
});
