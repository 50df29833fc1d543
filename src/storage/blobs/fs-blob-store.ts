// Blobs as files under BLOB_DIR, fanned out by the first two hex digits of their key. A blob is written to a
// temporary file, flushed and renamed into place, so a crash never leaves a half blob under a real key.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { isAlive } from "../processes";
import { ABANDONED_UPLOAD_MS, measuring, SHA256_HEX, type BlobInfo, type BlobStore, type StoredBlob, type BlobSource } from "../blob-store";

const FAN_OUT = /^[0-9a-f]{2}$/;

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
  readonly description: string;
  private readonly tmpDir: string;

  constructor(private readonly root: string) {
    this.tmpDir = path.join(root, "tmp");
    this.description = `the blob folder ${root}`;
    fs.mkdirSync(this.tmpDir, { recursive: true });
  }

  async check(): Promise<void> {
    await fs.promises.access(this.tmpDir, fs.constants.W_OK);
  }

  async put(content: BlobSource, options: { maxBytes?: number } = {}): Promise<StoredBlob> {
    const source = Buffer.isBuffer(content) ? Readable.from([content]) : content;
    const tmp = path.join(this.tmpDir, `${HOST_TAG}-${process.pid}-${randomBytes(12).toString("hex")}`);
    const measure = measuring(options.maxBytes);
    // flush: the bytes reach the disk before the rename makes them visible.
    const file = fs.createWriteStream(tmp, { flush: true });
    try {
      await pipeline(source, measure.stream, file);
      const { sha256, size } = measure.result();
      const final = this.pathOf(sha256);
      await fs.promises.mkdir(path.dirname(final), { recursive: true });
      // Same content, same key: renaming over an existing blob changes its bytes in no way, and makes it young
      // again (a new file, written just now), as the garbage collector needs.
      await fs.promises.rename(tmp, final);
      return { sha256, size };
    } catch (err) {
      // A source that fails at once rejects the pipeline while the file stream may still be opening or closing the
      // file (created after an rm that ran then): it is removed only once the stream has closed it.
      if (!file.closed) await new Promise<void>((closed) => file.once("close", () => closed()));
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
