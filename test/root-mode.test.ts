// Run as root from a folder the "postgres" user cannot reach (a clone under /root, a 0700 temporary folder: a
// container or a fresh VM), the embedded database still starts, with no manual step, and says where it lives.
// Runs only when the tests run as root on the embedded database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startWharf } from "./support/server";

const applies = process.getuid?.() === 0 && !process.env.DATABASE_URL;

(applies ? it : it.skip)("keeps the embedded database where postgres can reach it, and finds it again at restart", async () => {
  const unreachable = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-private-"));
  fs.chmodSync(unreachable, 0o700);
  const dataDir = path.join(unreachable, "clone", "data");
  // Instead of /var/lib/wharf, so that the test leaves nothing behind.
  const fallback = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-fallback-"));
  fs.chmodSync(fallback, 0o755);
  const server = await startWharf({ DATA_DIR: dataDir, WHARF_EMBEDDED_FALLBACK_DIR: fallback });
  try {
    const moved = JSON.parse(await server.waitForLog((line) => line.includes("the embedded database lives outside DATA_DIR")));
    expect(moved.dir.startsWith(fallback + path.sep)).toBe(true);
    expect(moved.because).toContain(dataDir);
    expect(fs.readFileSync(path.join(dataDir, "postgres-location"), "utf8").trim()).toBe(moved.dir);
    expect(fs.existsSync(path.join(moved.dir, "PG_VERSION"))).toBe(true);

    const scope = `root${Date.now().toString(36)}`;
    const created = await fetch(`${server.url}/api/scopes`, {
      method: "POST",
      headers: { authorization: `Bearer ${server.adminToken}`, "content-type": "application/json" },
      body: JSON.stringify({ scope }),
    });
    expect(created.status).toBe(200);

    await server.restart();
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/scopes/${scope}`)).status).toBe(200);
  } finally {
    await server.destroy();
    fs.rmSync(unreachable, { recursive: true, force: true });
    fs.rmSync(fallback, { recursive: true, force: true });
  }
}, 180_000);
