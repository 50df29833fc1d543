// The blob-store contract, run against every store: the filesystem on a real temporary folder, and S3 on a real
// S3-protocol server (s3rver over HTTP, through the real AWS SDK). Then what only the filesystem store does.
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { buffer, text } from "node:stream/consumers";
import { BlobTooLargeError, type BlobInfo, type BlobStore } from "../src/storage/blob-store";
import { FileBlobStore } from "../src/storage/blobs/fs-blob-store";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { S3BlobStore } from "../src/storage/blobs/s3-blob-store";
import { s3rverFileOf, startS3, type S3Server } from "./support/s3";

const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");

interface Fixture {
  store: BlobStore;
  /** Makes a blob look written long ago, as the garbage collector would find it. */
  age(sha256: string): void;
  /** Whatever the store keeps besides its blobs (temporary uploads): nothing once a put failed. */
  leftovers(): string[];
  close(): Promise<void>;
}

const LONG_AGO = new Date(Date.now() - 2 * 60 * 60 * 1000);

async function fileFixture(): Promise<Fixture> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-blobs-"));
  const store = new FileBlobStore(root);
  return {
    store,
    age: (key) => fs.utimesSync(store.pathOf(key), LONG_AGO, LONG_AGO),
    leftovers: () => fs.readdirSync(path.join(root, "tmp")),
    close: async () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

async function s3Fixture(): Promise<Fixture> {
  const s3: S3Server = await startS3();
  const store = new S3BlobStore({ ...s3.options, prefix: "blobs/" });
  return {
    store,
    age: (key) => fs.utimesSync(s3rverFileOf(s3, key)!, LONG_AGO, LONG_AGO),
    leftovers: () => {
      const tmp = path.join(s3.directory, s3.bucket, "blobs", "tmp");
      return fs.existsSync(tmp) ? fs.readdirSync(tmp) : [];
    },
    close: () => s3.stop(),
  };
}

describe.each([
  ["the filesystem", fileFixture],
  ["S3 (s3rver)", s3Fixture],
])("the blob store on %s", (_name, makeFixture) => {
  let fixture: Fixture;
  let store: BlobStore;
  beforeEach(async () => {
    fixture = await makeFixture();
    store = fixture.store;
  });
  afterEach(() => fixture.close());

  it("answers its readiness check", async () => {
    await expect(store.check()).resolves.toBeUndefined();
  });

  it("stores content under its sha256 and gives it back, from a stream or a buffer", async () => {
    const stored = await store.put(Readable.from(["hello ", "world"]));
    expect(stored).toEqual({ sha256: sha256("hello world"), size: 11 });
    expect(await store.has(stored.sha256)).toBe(true);
    expect(await text((await store.open(stored.sha256))!)).toBe("hello world");
    // Storing the same bytes again is harmless.
    expect(await store.put(Buffer.from("hello world"))).toEqual(stored);
    expect(await text((await store.open(stored.sha256))!)).toBe("hello world");
  });

  it("streams a large blob in and out whole", async () => {
    // Over S3's part size twice: a real multipart upload.
    const big = randomBytes(11 * 1024 * 1024);
    const chunks = Array.from({ length: 11 }, (_, i) => big.subarray(i * 1024 * 1024, (i + 1) * 1024 * 1024));
    const stored = await store.put(Readable.from(chunks));
    expect(stored).toEqual({ sha256: sha256(big), size: big.length });
    const read = await store.open(stored.sha256);
    expect(read).toBeInstanceOf(Readable);
    expect(sha256(await buffer(read!))).toBe(stored.sha256);
    expect(fixture.leftovers()).toEqual([]);
  });

  it("keeps nothing of a blob over the limit", async () => {
    const big = randomBytes(64 * 1024);
    await expect(store.put(Readable.from([big.subarray(0, 40000), big.subarray(40000)]), { maxBytes: 50000 })).rejects.toBeInstanceOf(
      BlobTooLargeError,
    );
    await expect(store.put(big, { maxBytes: 50000 })).rejects.toBeInstanceOf(BlobTooLargeError);
    expect(await store.has(sha256(big))).toBe(false);
    expect(fixture.leftovers()).toEqual([]);
  });

  it("keeps nothing of a stream that fails midway", async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.from("partial"));
        this.destroy(new Error("connection reset"));
      },
    });
    await expect(store.put(failing)).rejects.toThrow("connection reset");
    expect(fixture.leftovers()).toEqual([]);
    const listed: BlobInfo[] = [];
    for await (const blob of store.list()) listed.push(blob);
    expect(listed).toEqual([]);
  });

  it("knows no blob by a key that is not a sha256", async () => {
    expect(await store.has("../../etc/passwd")).toBe(false);
    expect(await store.open("../../etc/passwd")).toBeUndefined();
    expect(await store.open("0".repeat(64))).toBeUndefined();
    expect(await store.has("0".repeat(64))).toBe(false);
  });

  it("lists its blobs with their size and age, and deletes one unless it was written again", async () => {
    const before = Date.now();
    const a = await store.put(Buffer.from("aaa"));
    const b = await store.put(Readable.from(["bbbb"]));
    const listed: BlobInfo[] = [];
    for await (const blob of store.list()) listed.push(blob);
    expect(listed.sort((x, y) => x.size - y.size)).toEqual([
      { ...a, modifiedAt: expect.any(Date) },
      { ...b, modifiedAt: expect.any(Date) },
    ]);
    // S3 keeps whole seconds.
    for (const blob of listed) expect(blob.modifiedAt.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);

    // Aged, then stored again (as a publish of the same bytes does): young again, so a collector that saw it old keeps it.
    const seenOld = new Date(Date.now() - 60_000);
    fixture.age(a.sha256);
    await store.put(Buffer.from("aaa"));
    expect(await store.delete(a.sha256, { unmodifiedSince: seenOld })).toBe(false);
    expect(await store.has(a.sha256)).toBe(true);

    fixture.age(a.sha256);
    expect(await store.delete(a.sha256, { unmodifiedSince: seenOld })).toBe(true);
    expect(await store.has(a.sha256)).toBe(false);
    expect(await store.delete(a.sha256)).toBe(false);
    expect(await store.delete("../../etc/passwd")).toBe(false);
    expect(await store.has(b.sha256)).toBe(true);
  });
});

describe("the S3 store", () => {
  it("removes temporary objects of uploads that died, by their age alone", async () => {
    const s3 = await startS3();
    try {
      const store = new S3BlobStore({ ...s3.options, prefix: "blobs/" });
      const client = new S3Client({ ...s3.options });
      // Uploads that died between their temporary object and the copy: one long ago, one that may still be going.
      await client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: "blobs/tmp/1-dead", Body: "half" }));
      await client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: "blobs/tmp/2-recent", Body: "half" }));
      fs.utimesSync(s3rverFileOf(s3, "1-dead")!, LONG_AGO, LONG_AGO);
      const kept = await store.put(Buffer.from("kept"));

      expect(await store.removeAbandonedUploads()).toBe(1);
      expect(s3rverFileOf(s3, "1-dead")).toBeUndefined();
      expect(s3rverFileOf(s3, "2-recent")).toBeDefined();
      expect(await store.has(kept.sha256)).toBe(true);
      client.destroy();
    } finally {
      await s3.stop();
    }
  });

  it("fails its readiness check when the bucket does not exist", async () => {
    const s3 = await startS3();
    try {
      await expect(new S3BlobStore({ ...s3.options, bucket: "no-such-bucket" }).check()).rejects.toThrow();
    } finally {
      await s3.stop();
    }
  });
});

describe("the filesystem store", () => {
  let root: string;
  let store: FileBlobStore;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-blobs-"));
    store = new FileBlobStore(root);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it("removes the temporary files of uploads whose writer died, or that nobody wrote to for an hour", async () => {
    const tmp = path.join(root, "tmp");
    // A real upload cut short: a process that is killed while it stores a blob.
    const writer = spawn(
      process.execPath,
      [
        "-e",
        `const { Readable } = require("node:stream");
         const { FileBlobStore } = require(${JSON.stringify(path.resolve(__dirname, "..", "dist", "src", "storage", "blobs", "fs-blob-store.js"))});
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
});
