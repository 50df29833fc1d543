// Registry files over 1 MiB are streamed from the blob store: twenty clients
// downloading a 19 MiB file at once must not cost twenty copies of it in memory.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import { denoPackage, tarball, uploadTarball, waitForTask } from "./support/packages";
import { bodyOf } from "./support/client";
import { uniqueName, useWharf } from "./support/world";

const world = useWharf();
// Random bytes do not compress: this stays under the 20 MiB upload and unpacked limits.
const BIG = 19 * 1024 * 1024;
const MiB = 1024 * 1024;

let fileUrl: string;
let sha256: string;

beforeAll(async () => {
  const owner = await world.user();
  const scope = uniqueName("s");
  await owner.api.post("/api/scopes", { body: { scope } });
  await owner.api.post(`/api/scopes/${scope}/packages`, { body: { package: "big" } });
  const content = randomBytes(BIG);
  sha256 = createHash("sha256").update(content).digest("hex");
  const body = await tarball(denoPackage(`@${scope}/big`, "1.0.0", { "assets/big.bin": content }));
  const res = await uploadTarball(world.server.url, owner.token, { scope, name: "big", version: "1.0.0" }, body);
  expect(res.status).toBe(200);
  expect((await waitForTask(world.server.url, (await bodyOf(res)).id)).status).toBe("success");
  fileUrl = `${world.server.url}/@${scope}/big/1.0.0/assets/big.bin`;
});

/** Reads a response body chunk by chunk, hashing it, without holding it whole. */
async function digestOf(res: Response): Promise<{ size: number; sha256: string }> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    hash.update(chunk);
  }
  return { size, sha256: hash.digest("hex") };
}

function memoryOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)![1]) * 1024;
  return { rss: kib("VmRSS"), peak: kib("VmHWM") };
}

/** The server's open file descriptors that point at the blob. */
function descriptorsOnBlob(pid: number): string[] {
  return fs
    .readdirSync(`/proc/${pid}/fd`)
    .map((fd) => {
      try {
        return fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        return ""; // closed while we looked
      }
    })
    .filter((target) => target.endsWith(sha256));
}

it("serves a large file whole and right, with the same headers as any file", async () => {
  const res = await fetch(fileUrl);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-length")).toBe(String(BIG));
  expect(res.headers.get("etag")).toBe(`"sha256-${sha256}"`);
  expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  expect(res.headers.get("content-type")).toBe("application/octet-stream");
  expect(await digestOf(res)).toEqual({ size: BIG, sha256 });

  const head = await fetch(fileUrl, { method: "HEAD" });
  expect([head.status, head.headers.get("content-length"), head.headers.get("etag")]).toEqual([200, String(BIG), `"sha256-${sha256}"`]);
  expect(await head.text()).toBe("");
  const unchanged = await fetch(fileUrl, { headers: { "if-none-match": `"sha256-${sha256}"` } });
  expect([unchanged.status, unchanged.headers.get("etag"), await unchanged.text()]).toEqual([304, `"sha256-${sha256}"`, ""]);
});

it("streams it to twenty clients at once without a copy per request", async () => {
  const pid = world.server.pid()!;
  // Restart the peak (VmHWM) from the current size, so the peak seen is this test's.
  fs.writeFileSync(`/proc/${pid}/clear_refs`, "5");
  const before = memoryOf(pid).rss;
  const downloads = await Promise.all(Array.from({ length: 20 }, async () => digestOf(await fetch(fileUrl))));
  expect(downloads).toEqual(Array.from({ length: 20 }, () => ({ size: BIG, sha256 })));
  // Twenty whole copies would be 380 MiB; streaming costs a few buffers per request.
  const growth = memoryOf(pid).peak - before;
  expect(growth).toBeLessThan(200 * MiB);
});

it("closes the file when a client goes away mid-download", async () => {
  const pid = world.server.pid()!;
  const aborted = new AbortController();
  const res = await fetch(fileUrl, { signal: aborted.signal });
  const reader = res.body!.getReader();
  expect((await reader.read()).done).toBe(false);
  // The client has read one chunk of 19 MiB: the server is still sending, from the open blob.
  expect(descriptorsOnBlob(pid)).toHaveLength(1);
  aborted.abort();
  await reader.cancel().catch(() => undefined);

  const deadline = Date.now() + 30_000;
  while (descriptorsOnBlob(pid).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  expect(descriptorsOnBlob(pid)).toEqual([]);
  // And the server still serves it.
  expect(await digestOf(await fetch(fileUrl))).toEqual({ size: BIG, sha256 });
});
