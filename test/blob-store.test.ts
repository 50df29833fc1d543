// The filesystem blob store, on a real temporary folder.
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { BlobTooLargeError, FileBlobStore } from "../src/storage/blob-store";

let root: string;
let store: FileBlobStore;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-blobs-"));
  store = new FileBlobStore(root);
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");

it("stores content under its sha256 and gives it back", async () => {
  const stored = await store.put(Readable.from(["hello ", "world"]));
  expect(stored).toEqual({ sha256: sha256("hello world"), size: 11 });
  expect(await store.has(stored.sha256)).toBe(true);
  expect(await text((await store.open(stored.sha256))!)).toBe("hello world");
  // Storing the same bytes again is harmless.
  expect(await store.put(Buffer.from("hello world"))).toEqual(stored);
});

it("keeps nothing of a blob over the limit", async () => {
  const big = randomBytes(64 * 1024);
  await expect(store.put(Readable.from([big.subarray(0, 40000), big.subarray(40000)]), { maxBytes: 50000 })).rejects.toBeInstanceOf(
    BlobTooLargeError,
  );
  expect(await store.has(sha256(big))).toBe(false);
  expect(fs.readdirSync(path.join(root, "tmp"))).toEqual([]);
});

it("keeps nothing of a stream that fails midway", async () => {
  const failing = new Readable({
    read() {
      this.push(Buffer.from("partial"));
      this.destroy(new Error("connection reset"));
    },
  });
  await expect(store.put(failing)).rejects.toThrow("connection reset");
  expect(fs.readdirSync(path.join(root, "tmp"))).toEqual([]);
  expect(fs.readdirSync(root)).toEqual(["tmp"]);
});

it("knows no blob by a key that is not a sha256", async () => {
  expect(await store.has("../../etc/passwd")).toBe(false);
  expect(await store.open("0".repeat(64))).toBeUndefined();
});

it("lists its blobs with their size and age, and deletes one unless it was written again", async () => {
  const a = await store.put(Buffer.from("aaa"));
  const b = await store.put(Buffer.from("bbbb"));
  const listed = [];
  for await (const blob of store.list()) listed.push(blob);
  expect(listed.sort((x, y) => x.size - y.size)).toEqual([
    { ...a, modifiedAt: expect.any(Date) },
    { ...b, modifiedAt: expect.any(Date) },
  ]);

  // Aged, then stored again (as a publish of the same bytes does): young again, so a collector that saw it old keeps it.
  const seenOld = new Date(Date.now() - 60_000);
  fs.utimesSync(store.pathOf(a.sha256), new Date(0), new Date(0));
  await store.put(Buffer.from("aaa"));
  expect(await store.delete(a.sha256, { unmodifiedSince: seenOld })).toBe(false);
  expect(await store.has(a.sha256)).toBe(true);

  fs.utimesSync(store.pathOf(a.sha256), new Date(0), new Date(0));
  expect(await store.delete(a.sha256, { unmodifiedSince: seenOld })).toBe(true);
  expect(await store.has(a.sha256)).toBe(false);
  expect(await store.delete(a.sha256)).toBe(false);
  expect(await store.delete("../../etc/passwd")).toBe(false);
});

it("removes the temporary files of uploads whose writer died, or that nobody wrote to for an hour", async () => {
  const tmp = path.join(root, "tmp");
  // A real upload cut short: a process that is killed while it stores a blob.
  const writer = spawn(
    process.execPath,
    [
      "-e",
      `const { Readable } = require("node:stream");
       const { FileBlobStore } = require(${JSON.stringify(path.resolve(__dirname, "..", "dist", "src", "storage", "blob-store.js"))});
       new FileBlobStore(${JSON.stringify(root)}).put(new Readable({ read() { if (!this.sent) { this.sent = true; this.push("half"); } } }));
       setInterval(() => undefined, 1000); // stays alive, mid-upload, until killed`,
    ],
    { stdio: "ignore" },
  );
  const deadline = Date.now() + 30_000;
  while (fs.readdirSync(tmp).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const [killedUpload] = fs.readdirSync(tmp);
  expect(killedUpload).toContain(`-${writer.pid}-`);
  await new Promise((resolve) => {
    writer.once("exit", resolve);
    writer.kill("SIGKILL");
  });

  // Written elsewhere (another host sharing the folder): judged by age alone.
  fs.writeFileSync(path.join(tmp, "0123456789ab-1-00"), "recent");
  fs.writeFileSync(path.join(tmp, "0123456789ab-2-00"), "stale");
  fs.utimesSync(path.join(tmp, "0123456789ab-2-00"), new Date(0), new Date(Date.now() - 2 * 60 * 60 * 1000));
  // This process's own upload in progress stays.
  const ongoing = new Readable({ read() {} });
  ongoing.push("in flight");
  const stored = store.put(ongoing);
  while (fs.readdirSync(tmp).length < 4) await new Promise((r) => setTimeout(r, 20));

  expect(await store.removeAbandonedUploads()).toBe(2);
  const left = fs.readdirSync(tmp);
  expect(left).toHaveLength(2);
  expect(left).toContain("0123456789ab-1-00");
  expect(left.find((name) => name.includes(`-${process.pid}-`))).toBeDefined();
  ongoing.push(null);
  expect((await stored).size).toBe("in flight".length);
});
