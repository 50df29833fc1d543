// What the registry's hot path keeps in memory (lru-cache, bounded in bytes, least recently used out first).
// Versioned files never change, so they stay until pushed out; a package's meta.json is dropped when the package
// changes.
import { LRUCache } from "lru-cache";

export interface CachedHeaders {
  etag: string;
  contentType: string;
  cacheControl: string;
  /** The headers of its 200 answer, names and values in turn: worked out once, not per request. */
  ok: readonly string[];
}

/** A response kept whole: its bytes are in memory. */
export interface BufferedResponse extends CachedHeaders {
  body: Buffer;
}

/** A large file's response: only where its bytes are, streamed from the blob store on each request. */
export interface StreamedResponse extends CachedHeaders {
  blob: { sha256: string; size: number };
}

export type CachedResponse = BufferedResponse | StreamedResponse;

export type FileCache = LRUCache<string, CachedResponse>;

// What an entry without a body costs: its key, headers and bookkeeping, roughly.
const ENTRY_OVERHEAD = 512;

/** A cache of at most maxBytes; one large file may take a sixteenth of it at most, so it cannot flush the rest. */
export function createFileCache(maxBytes: number): FileCache {
  return new LRUCache<string, CachedResponse>({
    maxSize: maxBytes,
    maxEntrySize: maxBytes / 16,
    sizeCalculation: (entry) => ("body" in entry ? entry.body.length : 0) + ENTRY_OVERHEAD,
  });
}

/** Drops every entry whose key starts with `prefix` (a package's files, once a version of it is deleted). */
export function deletePrefix(cache: FileCache, prefix: string): void {
  for (const key of [...cache.keys()]) if (key.startsWith(prefix)) cache.delete(key);
}
