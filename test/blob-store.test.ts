// The filesystem blob store, on a real temporary folder.
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
