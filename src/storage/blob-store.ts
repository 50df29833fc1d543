// Content-addressed storage for tarballs and package files: a blob's key is
// the sha256 of its bytes. A blob is written to a temporary file, flushed and
// renamed into place, so a crash never leaves a half blob under a real key.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { isAlive } from "./processes";

export interface StoredBlob {
  /** sha256 of the content, lowercase hex. */
  sha256: string;
  size: number;
}

export interface BlobInfo extends StoredBlob {
  /** When the blob was last written: the garbage collector's grace period counts from here. */
  modifiedAt: Date;
}

/**
 * Where blobs live. The garbage collector (blob-gc.ts) deletes blobs that no
 * row references once they are older than a grace period, so every store must
 * keep this promise: put() makes the blob's modifiedAt "now", even when the
 * same bytes were already stored. Whoever is about to reference a blob has put
 * it moments before, and so it is young.
 */
export interface BlobStore {
  /** Stores what the stream yields; refuses (and keeps nothing) past maxBytes. */
  put(content: Readable | Buffer, options?: { maxBytes?: number }): Promise<StoredBlob>;
  /** The blob's bytes, or undefined when there is no such blob. */
  open(sha256: string): Promise<Readable | undefined>;
  has(sha256: string): Promise<boolean>;
  /** Every blob, in no particular order. */
  list(): AsyncIterable<BlobInfo>;
  /**
   * Removes a blob; with unmodifiedSince, only if it was not written again after that moment
   * (a publish that stored the same bytes meanwhile keeps it). True when it was removed.
   */
  delete(sha256: string, options?: { unmodifiedSince?: Date }): Promise<boolean>;
  /** Removes what uploads that died (a crash, a kill) left half written; returns how many. */
  removeAbandonedUploads(): Promise<number>;
}

export class BlobTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`blob exceeds ${maxBytes} bytes`);
  }
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
const FAN_OUT = /^[0-9a-f]{2}$/;

// An upload's temporary file older than this is abandoned whoever wrote it: a
// live upload writes to it all along, so its modification time stays recent.
export const ABANDONED_UPLOAD_MS = 60 * 60 * 1000;

// A temporary file is named <host>-<pid>-<random>. <host> stands for this
// machine and pid namespace, where a pid names one process: a file of ours
// whose writer is dead is removed at once; one written elsewhere (BLOB_DIR
// shared between hosts or containers) only by its age.
const HOST_TAG = (() => {
  let pidNamespace = "";
  try {
    pidNamespace = fs.readlinkSync("/proc/self/ns/pid");
  } catch {
    // no /proc: the host name alone
  }
  return createHash("sha256").update(`${os.hostname()}\0${pidNamespace}`).digest("hex").slice(0, 12);
})();
const TEMPORARY_NAME = /^([0-9a-f]{12})-(\d+)-[0-9a-f]+$/;

export class FileBlobStore implements BlobStore {
  private readonly tmpDir: string;

  constructor(private readonly root: string) {
    this.tmpDir = path.join(root, "tmp");
    fs.mkdirSync(this.tmpDir, { recursive: true });
  }

  async put(content: Readable | Buffer, options: { maxBytes?: number } = {}): Promise<StoredBlob> {
    const source = Buffer.isBuffer(content) ? Readable.from([content]) : content;
    const tmp = path.join(this.tmpDir, `${HOST_TAG}-${process.pid}-${randomBytes(12).toString("hex")}`);
    const hash = createHash("sha256");
    let size = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (options.maxBytes !== undefined && size > options.maxBytes) return done(new BlobTooLargeError(options.maxBytes));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      // flush: the bytes reach the disk before the rename makes them visible.
      await pipeline(source, measure, fs.createWriteStream(tmp, { flush: true }));
      const sha256 = hash.digest("hex");
      const final = this.pathOf(sha256);
      await fs.promises.mkdir(path.dirname(final), { recursive: true });
      // Same content, same key: renaming over an existing blob changes its bytes in no way, and makes it young
      // again (a new file, written just now), as the garbage collector needs.
      await fs.promises.rename(tmp, final);
      return { sha256, size };
    } catch (err) {
      await fs.promises.rm(tmp, { force: true });
      throw err;
    }
  }

  async open(sha256: string): Promise<Readable | undefined> {
    if (!(await this.has(sha256))) return undefined;
    return fs.createReadStream(this.pathOf(sha256));
  }

  async has(sha256: string): Promise<boolean> {
    if (!SHA256_HEX.test(sha256)) return false;
    return fs.promises.access(this.pathOf(sha256)).then(
      () => true,
      () => false,
    );
  }

  async *list(): AsyncIterable<BlobInfo> {
    for (const fanOut of await fs.promises.readdir(this.root)) {
      if (!FAN_OUT.test(fanOut)) continue;
      for await (const entry of await fs.promises.opendir(path.join(this.root, fanOut))) {
        if (!entry.isFile() || !SHA256_HEX.test(entry.name)) continue;
        const stat = await statOf(path.join(this.root, fanOut, entry.name));
        if (stat) yield { sha256: entry.name, size: stat.size, modifiedAt: new Date(stat.mtimeMs) };
      }
    }
  }

  async delete(sha256: string, options: { unmodifiedSince?: Date } = {}): Promise<boolean> {
    if (!SHA256_HEX.test(sha256)) return false;
    const file = this.pathOf(sha256);
    const stat = await statOf(file);
    if (!stat) return false;
    // A put() of the same bytes between this check and the unlink below would be lost: a window of one system
    // call, against a grace period of hours during which the blob was already unreferenced.
    if (options.unmodifiedSince && stat.mtime > options.unmodifiedSince) return false;
    return fs.promises.unlink(file).then(
      () => true,
      (err: NodeJS.ErrnoException) => {
        if (err.code === "ENOENT") return false;
        throw err;
      },
    );
  }

  async removeAbandonedUploads(): Promise<number> {
    const now = Date.now();
    let removed = 0;
    for (const name of await fs.promises.readdir(this.tmpDir)) {
      const file = path.join(this.tmpDir, name);
      const writer = TEMPORARY_NAME.exec(name);
      const writerDied = writer?.[1] === HOST_TAG && Number(writer[2]) !== process.pid && !isAlive(Number(writer[2]));
      const stat = writerDied ? undefined : await statOf(file);
      if (writerDied || (stat && now - stat.mtimeMs > ABANDONED_UPLOAD_MS)) {
        await fs.promises.rm(file, { force: true });
        removed++;
      }
    }
    return removed;
  }

  /** Where a blob lives: fanned out by its first two hex digits. */
  pathOf(sha256: string): string {
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }
}

async function statOf(file: string): Promise<fs.Stats | undefined> {
  return fs.promises.stat(file).catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return undefined;
    throw err;
  });
}
