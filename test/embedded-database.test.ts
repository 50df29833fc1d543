// The embedded PostgreSQL dies under a running Wharf (OOM killer, an operator's
// kill): Wharf restarts it and serves again, or, if it cannot, exits non-zero
// so that a supervisor restarts Wharf, rather than answering 503 forever.
import fs from "node:fs";
import path from "node:path";
import { bodyOf } from "./support/client";
import { startWharf, type WharfProcess } from "./support/server";
import { uniqueName } from "./support/world";

const embedded = !process.env.DATABASE_URL;

function postgresPid(server: WharfProcess): number {
  return Number(fs.readFileSync(path.join(server.dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
}

const logged = (server: WharfProcess, msg: string) => server.waitForLog((line) => line.includes(`"msg":"${msg}"`));

(embedded ? describe : describe.skip)("the embedded database, killed", () => {
  it("is restarted, and Wharf serves reads and writes again", async () => {
    const server = await startWharf();
    try {
      const before = postgresPid(server);
      process.kill(before, "SIGKILL");
      await logged(server, "the embedded postgres exited unexpectedly; restarting it");

      // Polls, each answer waiting on the server; the deadline only bounds a failure.
      const deadline = Date.now() + 90_000;
      let health = 0;
      while (health !== 200 && Date.now() < deadline) {
        health = (await fetch(`${server.url}/healthz`, { headers: { connection: "close" } })).status;
        if (health !== 200) await new Promise((r) => setTimeout(r, 100));
      }
      expect(health).toBe(200);
      await logged(server, "the embedded postgres runs again");
      expect(postgresPid(server)).not.toBe(before);

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
      const pid = postgresPid(server);
      // Its files gone from where Wharf starts it, the database cannot come back.
      fs.renameSync(path.join(server.dataDir, "postgres"), path.join(server.dataDir, "postgres-moved"));
      process.kill(pid, "SIGKILL");
      expect(await server.exited()).toBe(1);
      await logged(server, "the embedded postgres cannot be restarted; giving up");
      await logged(server, "exiting: the database is gone");
    } finally {
      await server.destroy();
    }
  });
});
