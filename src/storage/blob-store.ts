// Content-addressed storage for tarballs and package files: a blob's key is
// the sha256 of its bytes. The stores (src/storage/blobs/) are the local
// filesystem and any S3-compatible object store; blobs/factory.ts picks one.
import { createHash } from "node:crypto";
import { Transform, type Readable } from "node:stream";

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
  /** Where the blobs are, in words for people (logs, the CLI). */
  readonly description: string;
  /** Resolves when the store answers (readiness); rejects with why not. */
  check(): Promise<void>;
  /** Stores what the stream yields; refuses (and keeps nothing) past maxBytes. */
  put(content: BlobSource, options?: { maxBytes?: number }): Promise<StoredBlob>;
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

export const SHA256_HEX = /^[0-9a-f]{64}$/;

// An upload's temporary file or object older than this is abandoned whoever wrote it: a live upload writes to it
// all along (and an object store's upload finishes well within it).
export const ABANDONED_UPLOAD_MS = 60 * 60 * 1000;

/** A pass-through that hashes and counts what flows, and fails past maxBytes. */
export function measuring(maxBytes?: number): { stream: Transform; result(): StoredBlob } {
  const hash = createHash("sha256");
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (maxBytes !== undefined && size > maxBytes) return done(new BlobTooLargeError(maxBytes));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  return { stream, result: () => ({ sha256: hash.digest("hex"), size }) };
}

export type BlobSource = Readable | Buffer;
