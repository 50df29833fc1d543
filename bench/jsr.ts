// jsr: REST reads of a scope and a package, registry files and meta.json, each beside a bare node http server
// returning the same bytes in this run (targets: ratio >= 0.5 for REST reads, >= 0.6 for registry files); and the
// peak memory of publishing a 20 MiB tarball.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { denoPackage, tarball, uploadTarball, waitForTask } from "../test/support/packages";
import { startWharf, type WharfProcess } from "../test/support/server";
import { adminPost } from "./support";
import { statementsPerRequest, versusBare, type Endpoint } from "./versus-bare";

/** Uploads and waits for the task to end; returns its final status. */
async function publish(server: WharfProcess, scope: string, name: string, version: string, body: Buffer): Promise<string> {
  const res = await uploadTarball(server.url, server.adminToken, { scope, name, version }, body);
  const task = (await res.json()) as { id: string };
  if (!res.ok) throw new Error(`publish: ${res.status} ${JSON.stringify(task)}`);
  return (await waitForTask(server.url, task.id)).status;
}

function memoryKiB(pid: number, field: "VmRSS" | "VmHWM"): number {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return Number(match![1]);
}

export async function benchJsr(): Promise<Record<string, string>> {
  const figures: Record<string, string> = {};
  const server = await startWharf({ WHARF_CHECK_RESPONSES: "false", WHARF_COUNT_SQL: "false", LOG_LEVEL: "info" }, { keepLogs: false });
  try {
    await adminPost(server, "/api/scopes", { scope: "bench" });
    await adminPost(server, "/api/scopes/bench/packages", { package: "files" });
    const module = "export const data = " + JSON.stringify("x".repeat(8 * 1024)) + ";\n";
    if ((await publish(server, "bench", "files", "1.0.0", await tarball(denoPackage("@bench/files", "1.0.0", { "mod.ts": module })))) !== "success") {
      throw new Error("the benchmark package did not publish");
    }
    const endpoints: Endpoint[] = [
      { label: "jsr scope", path: "/api/scopes/bench", bodyOnly: true },
      { label: "jsr package", path: "/api/scopes/bench/packages/files", bodyOnly: true },
      { label: "jsr registry file", path: "/@bench/files/1.0.0/mod.ts", bodyOnly: true },
      { label: "jsr meta.json", path: "/@bench/files/meta.json", bodyOnly: true },
    ];
    Object.assign(figures, await versusBare(server, endpoints));
    await statementsPerRequest(server, endpoints, figures);

    // Memory: the peak resident size while publishing a 20 MiB tarball, above the idle size before it. The first
    // publish after a start also loads TypeScript's compiler in its worker thread, once: shown on its own line.
    const pid = server.pid()!;
    const beforeFirst = memoryKiB(pid, "VmRSS");
    if ((await publish(server, "bench", "files", "1.0.1", await tarball(denoPackage("@bench/files", "1.0.1", { "mod.ts": module })))) !== "success") {
      throw new Error("the warm-up package did not publish");
    }
    figures["jsr first publish after start, TypeScript loaded once, MiB"] = ((memoryKiB(pid, "VmHWM") - beforeFirst) / 1024).toFixed(1);
    await adminPost(server, "/api/scopes/bench/packages", { package: "big" });
    const big = await tarball(denoPackage("@bench/big", "1.0.0", { "data.bin": randomBytes(19 * 1024 * 1024) }));
    // The peak so far (VmHWM) is reset first: it held the first publish's.
    fs.writeFileSync(`/proc/${pid}/clear_refs`, "5");
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
