// Content-addressed storage for tarballs and package files: a blob's key is
// the sha256 of its bytes. A blob is written to a temporary file, flushed and
// renamed into place, so a crash never leaves a half blob under a real key.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";

export interface StoredBlob {
  /** sha256 of the content, lowercase hex. */
  sha256: string;
  size: number;
}

export interface BlobStore {
  /** Stores what the stream yields; refuses (and keeps nothing) past maxBytes. */
  put(content: Readable | Buffer, options?: { maxBytes?: number }): Promise<StoredBlob>;
  /** The blob's bytes, or undefined when there is no such blob. */
  open(sha256: string): Promise<Readable | undefined>;
  has(sha256: string): Promise<boolean>;
}

export class BlobTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`blob exceeds ${maxBytes} bytes`);
  }
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

export class FileBlobStore implements BlobStore {
  private readonly tmpDir: string;

  constructor(private readonly root: string) {
    this.tmpDir = path.join(root, "tmp");
    fs.mkdirSync(this.tmpDir, { recursive: true });
  }

  async put(content: Readable | Buffer, options: { maxBytes?: number } = {}): Promise<StoredBlob> {
    const source = Buffer.isBuffer(content) ? Readable.from([content]) : content;
    const tmp = path.join(this.tmpDir, randomBytes(12).toString("hex"));
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
      // Same content, same key: renaming over an existing blob changes nothing.
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

  /** Where a blob lives: fanned out by its first two hex digits. */
  pathOf(sha256: string): string {
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }
}
