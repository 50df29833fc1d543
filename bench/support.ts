// What the benchmarks share: set-up calls to a server they started.
import type { WharfProcess } from "../test/support/server";

/** POSTs JSON as the server's admin; set-up must succeed. */
export async function adminPost(server: WharfProcess, path: string, body: unknown): Promise<void> {
  const res = await fetch(server.url + path, {
    method: "POST",
    headers: { authorization: `Bearer ${server.adminToken}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
}
