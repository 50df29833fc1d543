// A blob store that reports its failures (to metrics) and passes everything else through. A blob refused as too
// large is the uploader's fault, not the store's, and is not counted.
import type { Readable } from "node:stream";
import { BlobTooLargeError, type BlobInfo, type BlobSource, type BlobStore, type StoredBlob } from "../blob-store";

export function reportingErrors(store: BlobStore, onError: (operation: string) => void): BlobStore {
  const watch = <T>(operation: string, work: Promise<T>): Promise<T> =>
    work.catch((err) => {
      if (!(err instanceof BlobTooLargeError)) onError(operation);
      throw err;
    });
  return {
    description: store.description,
    check: () => watch("check", store.check()),
    put: (content: BlobSource, options?: { maxBytes?: number }): Promise<StoredBlob> => watch("put", store.put(content, options)),
    open: (sha256: string): Promise<Readable | undefined> => watch("open", store.open(sha256)),
    has: (sha256: string) => watch("has", store.has(sha256)),
    async *list(): AsyncIterable<BlobInfo> {
      try {
        yield* store.list();
      } catch (err) {
        onError("list");
        throw err;
      }
    },
    delete: (sha256: string, options?: { unmodifiedSince?: Date }) => watch("delete", store.delete(sha256, options)),
    removeAbandonedUploads: () => watch("removeAbandonedUploads", store.removeAbandonedUploads()),
  };
}
