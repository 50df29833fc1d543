// A small least-recently-used cache bounded by bytes, for the registry's hot
// path. Versioned files never change, so they stay until pushed out; a
// package's meta.json is dropped when the package changes.
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

// What an entry without a body costs: its key, headers and bookkeeping, roughly.
const ENTRY_OVERHEAD = 512;

function costOf(entry: CachedResponse): number {
  return "body" in entry ? entry.body.length + ENTRY_OVERHEAD : ENTRY_OVERHEAD;
}

export class ResponseCache {
  private readonly entries = new Map<string, CachedResponse>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      // Most recently used last: Map keeps insertion order.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: CachedResponse): void {
    if (costOf(entry) > this.maxBytes / 16) return; // one large file must not flush everything else
    this.delete(key);
    this.entries.set(key, entry);
    this.bytes += costOf(entry);
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= costOf(old);
    }
  }

  /** Drops every entry whose key starts with `prefix` (a package's files, once a version of it is deleted). */
  deletePrefix(prefix: string): void {
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.delete(key);
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= costOf(entry);
  }
}
