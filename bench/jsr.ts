// jsr: serving registry files and meta.json, against a bare Node http server
// returning the same bytes on this machine in this run (the ratio is what
// matters); and the peak memory of publishing a 20 MiB tarball.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import autocannon from "autocannon";
import { denoPackage, tarball, uploadTarball, waitForTask } from "../test/support/packages";
import { startWharf, type WharfProcess } from "../test/support/server";
import { adminPost } from "./support";

const SECONDS = 5;

/** Uploads and waits for the task to end; returns its final status. */
async function publish(server: WharfProcess, scope: string, name: string, version: string, body: Buffer): Promise<string> {
  const res = await uploadTarball(server.url, server.adminToken, { scope, name, version }, body);
  const task = (await res.json()) as { id: string };
  if (!res.ok) throw new Error(`publish: ${res.status} ${JSON.stringify(task)}`);
  return (await waitForTask(server.url, task.id)).status;
}

async function requestsPerSecond(url: string): Promise<number> {
  const result = await autocannon({ url, connections: 10, duration: SECONDS });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

/** A bare server that answers every request with these bytes and headers. */
async function bareServer(body: Buffer, contentType: string): Promise<{ url: string; close(): void }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": contentType, "content-length": body.length });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}

function memoryKiB(pid: number, field: "VmRSS" | "VmHWM"): number {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return Number(match![1]);
}

export async function benchJsr(): Promise<Record<string, string>> {
  const figures: Record<string, string> = {};
  const server = await startWharf({ WHARF_CHECK_RESPONSES: "false", WHARF_COUNT_SQL: "false", LOG_LEVEL: "info" });
  try {
    await adminPost(server, "/api/scopes", { scope: "bench" });
    await adminPost(server, "/api/scopes/bench/packages", { package: "files" });
    const module = "export const data = " + JSON.stringify("x".repeat(8 * 1024)) + ";\n";
    if ((await publish(server, "bench", "files", "1.0.0", await tarball(denoPackage("@bench/files", "1.0.0", { "mod.ts": module })))) !== "success") {
      throw new Error("the benchmark package did not publish");
    }
    for (const [label, path, type] of [
      ["file", "/@bench/files/1.0.0/mod.ts", "text/typescript"],
      ["meta.json", "/@bench/files/meta.json", "application/json"],
    ] as const) {
      const bytes = Buffer.from(await (await fetch(server.url + path)).arrayBuffer());
      const bare = await bareServer(bytes, type);
      try {
        const wharf = await requestsPerSecond(server.url + path);
        const baseline = await requestsPerSecond(bare.url);
        figures[`jsr ${label} req/s (Wharf)`] = String(Math.round(wharf));
        figures[`jsr ${label} req/s (bare node http)`] = String(Math.round(baseline));
        figures[`jsr ${label} ratio (target >= 0.5)`] = (wharf / baseline).toFixed(2);
      } finally {
        bare.close();
      }
    }

    // Memory: the peak resident size while publishing a 20 MiB tarball, above the idle size before it.
    await adminPost(server, "/api/scopes/bench/packages", { package: "big" });
    const big = await tarball(denoPackage("@bench/big", "1.0.0", { "data.bin": randomBytes(19 * 1024 * 1024) }));
    const pid = server.pid()!;
    const idle = memoryKiB(pid, "VmRSS");
    const status = await publish(server, "bench", "big", "1.0.0", big);
    const peak = memoryKiB(pid, "VmHWM");
    figures["jsr publish of a 20 MiB tarball"] = `${status}, ${(big.length / 1024 / 1024).toFixed(1)} MiB compressed`;
    figures["jsr publish peak memory above idle MiB (target < 64)"] = ((peak - idle) / 1024).toFixed(1);
  } finally {
    await server.destroy();
  }
  return figures;
}
