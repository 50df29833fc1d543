// Blobs as objects in an S3-compatible bucket (AWS S3, MinIO, Ceph, R2, ...), so that every Wharf process on every
// machine sees the same blobs. Keys are <prefix><first two hex digits>/<sha256>.
//
// A stream's key is known only once it has been read whole: it is uploaded (multipart, as it comes) to a temporary
// key under <prefix>tmp/, then copied to its final key by the server, and the temporary object removed. The copy is
// a new object written now, so a blob stored again is young again, as the garbage collector needs (see BlobStore).
// A Buffer's key is known at once: it is written to its final key directly.
import { createHash, randomBytes } from "node:crypto";
import { PassThrough, Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { ABANDONED_UPLOAD_MS, BlobTooLargeError, measuring, SHA256_HEX, type BlobInfo, type BlobSource, type BlobStore, type StoredBlob } from "../blob-store";

export interface S3BlobStoreOptions {
  bucket: string;
  /** Prepended to every key, e.g. "wharf/" to share a bucket. */
  prefix?: string;
  /** An S3-compatible server's URL; AWS's own endpoint when absent. */
  endpoint?: string;
  region: string;
  /** Path-style URLs (http://host/bucket/key), which most S3-compatible servers need. */
  forcePathStyle: boolean;
  /** Explicit credentials (tests); otherwise the SDK's usual chain (environment, profile, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

const TEMPORARY = "tmp/";
const BLOB_KEY = /^([0-9a-f]{2})\/([0-9a-f]{64})$/;
// lib-storage's part size: S3's minimum, so an upload holds at most a few parts in memory at once.
const PART_BYTES = 5 * 1024 * 1024;

export class S3BlobStore implements BlobStore {
  readonly description: string;
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;

  constructor(options: S3BlobStoreOptions) {
    this.bucket = options.bucket;
    this.prefix = options.prefix ?? "";
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      credentials: options.credentials,
    });
    this.description = `the S3 bucket ${options.bucket}${options.endpoint ? ` at ${options.endpoint}` : ""}${this.prefix ? ` under ${this.prefix}` : ""}`;
  }

  async check(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
  }

  async put(content: BlobSource, options: { maxBytes?: number } = {}): Promise<StoredBlob> {
    if (Buffer.isBuffer(content)) {
      if (options.maxBytes !== undefined && content.length > options.maxBytes) throw new BlobTooLargeError(options.maxBytes);
      const sha256 = createHash("sha256").update(content).digest("hex");
      await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256), Body: content }));
      return { sha256, size: content.length };
    }
    const tmpKey = `${this.prefix}${TEMPORARY}${Date.now()}-${randomBytes(12).toString("hex")}`;
    const measure = measuring(options.maxBytes);
    const body = new PassThrough();
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: tmpKey, Body: body },
      partSize: PART_BYTES,
      queueSize: 2,
    });
    try {
      // Read, measure and upload together; a failure on either side stops the other, and the reader's own error
      // (too large, a client gone) is the one reported.
      const uploading = upload.done().catch((err) => {
        body.destroy(err);
        throw err;
      });
      const feeding = pipeline(content, measure.stream, body).catch(async (err) => {
        await upload.abort().catch(() => undefined);
        throw err;
      });
      const [fed, uploaded] = await Promise.allSettled([feeding, uploading]);
      if (fed.status === "rejected") throw fed.reason;
      if (uploaded.status === "rejected") throw uploaded.reason;
      const stored = measure.result();
      await this.client.send(
        new CopyObjectCommand({ Bucket: this.bucket, Key: this.keyOf(stored.sha256), CopySource: `${this.bucket}/${encodeURI(tmpKey)}` }),
      );
      return stored;
    } finally {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: tmpKey })).catch(() => undefined);
    }
  }

  async open(sha256: string): Promise<Readable | undefined> {
    if (!SHA256_HEX.test(sha256)) return undefined;
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }));
      // In Node the body is the HTTP response itself: streamed as it arrives, never buffered whole.
      return object.Body as Readable;
    } catch (err) {
      if (isMissing(err)) return undefined;
      throw err;
    }
  }

  async has(sha256: string): Promise<boolean> {
    return (await this.modifiedAt(sha256)) !== undefined;
  }

  async *list(): AsyncIterable<BlobInfo> {
    for await (const object of this.objects(this.prefix)) {
      const key = BLOB_KEY.exec(object.key.slice(this.prefix.length));
      if (key) yield { sha256: key[2], size: object.size, modifiedAt: object.modifiedAt };
    }
  }

  async delete(sha256: string, options: { unmodifiedSince?: Date } = {}): Promise<boolean> {
    const modifiedAt = await this.modifiedAt(sha256);
    if (!modifiedAt) return false;
    // As with files: a put() of the same bytes between this look and the delete would be lost, a window of one
    // request against a grace period of hours during which the blob was already unreferenced.
    if (options.unmodifiedSince && modifiedAt > options.unmodifiedSince) return false;
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }));
    return true;
  }

  /** Temporary objects of uploads that died mid-way: judged by age alone, as any process may be writing them. */
  async removeAbandonedUploads(): Promise<number> {
    const cutoff = Date.now() - ABANDONED_UPLOAD_MS;
    let removed = 0;
    for await (const object of this.objects(`${this.prefix}${TEMPORARY}`)) {
      if (object.modifiedAt.getTime() >= cutoff) continue;
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: object.key }));
      removed++;
    }
    return removed;
  }

  private keyOf(sha256: string): string {
    return `${this.prefix}${sha256.slice(0, 2)}/${sha256}`;
  }

  private async modifiedAt(sha256: string): Promise<Date | undefined> {
    if (!SHA256_HEX.test(sha256)) return undefined;
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }));
      return head.LastModified ?? new Date(0);
    } catch (err) {
      if (isMissing(err)) return undefined;
      throw err;
    }
  }

  private async *objects(prefix: string): AsyncIterable<{ key: string; size: number; modifiedAt: Date }> {
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }));
      for (const object of page.Contents ?? []) {
        if (object.Key) yield { key: object.Key, size: object.Size ?? 0, modifiedAt: object.LastModified ?? new Date(0) };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }
}

function isMissing(err: unknown): boolean {
  return err instanceof S3ServiceException && (err.name === "NoSuchKey" || err.name === "NotFound" || err.$metadata?.httpStatusCode === 404);
}
