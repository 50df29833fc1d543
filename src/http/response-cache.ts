// Whole responses of the REST faces' hot reads, answered ahead of Express from memory. Through Express and
// openapi-backend a read reached only 0.02-0.12 of a bare node server on the same bytes. Which responses may be kept
// is the handlers' word (Reply.keep, from the services: services/shared/kept-reads.ts): the first anonymous 200 is
// kept with the headers Express sent, until a write makes one of its tags stale, in this process or, through the
// change feed, another, so that a write shows on the next read. Only anonymous requests are answered or kept: what
// differs per caller never reaches the cache. Downloads this process counted are written first (as requestContext
// does for every read), except for a download itself, which counts once more at each answer (Keep.onServe).
import type { IncomingMessage, OutgoingHttpHeader, ServerResponse } from "node:http";
import { LRUCache } from "lru-cache";
import type { Logger } from "../logger";
import type { Keep } from "../services/shared/kept-reads";
import type { Downloads } from "../services/shared/context";
import { noteRouteTemplate } from "./metrics";
import { logRequest, requestStarted } from "./request-log";
import { withRequestIdHeader } from "./request-id";
import { pathOf } from "./url-path";

const CACHE_BYTES = 32 * 1024 * 1024;
// One entry (a tarball, say) takes at most this much of the cache; bigger ones are streamed each time.
const ENTRY_BYTES = CACHE_BYTES / 32;
// What an entry costs besides its body: key, headers, tags, bookkeeping, roughly.
const ENTRY_OVERHEAD = 1024;
const REST_PATH = /^\/(atom\/)?api\//;
// Sent per response (or by node itself), never replayed.
const PER_RESPONSE = new Set(["x-request-id", "x-wharf-sql-statements", "date", "connection", "keep-alive", "transfer-encoding"]);

interface Entry {
  body: Buffer;
  /** Names and values in turn, as writeHead takes them. */
  headers: OutgoingHttpHeader[];
  keep: Keep;
  /** The route template, for the metrics. */
  route: string | undefined;
}

/** Who answers what the cache does not: Express. */
type Next = (req: IncomingMessage, res: ServerResponse) => void;

export interface ResponseCache {
  /** Serves the request if it may be answered from memory; false leaves it to Express. next: Express, keeping its answer. */
  handle(req: IncomingMessage, res: ServerResponse, next: Next): boolean;
  /** Drops every response that depends on one of these tags. */
  forget(tags: string[]): void;
  forgetAll(): void;
}

// What the REST adapter said about a response it sent: it may be kept, with these tags, for this route.
const marks = new WeakMap<ServerResponse, { keep: Keep; route: string | undefined }>();

/** Called by the REST adapter for a 200 that any anonymous caller may be given again (Reply.keep). */
export function markKeepable(res: ServerResponse, keep: Keep, route: string | undefined): void {
  marks.set(res, { keep, route });
}

/** Whether the cache may answer or keep this request: an anonymous, unconditional GET on a REST face. */
export function cacheableRequest(req: IncomingMessage): boolean {
  if (req.method !== "GET" || req.headers.authorization !== undefined) return false;
  if (req.headers["if-none-match"] !== undefined || req.headers["if-modified-since"] !== undefined) return false;
  return REST_PATH.test(req.url ?? "");
}

/** Cache-Control: no-cache (or HTTP/1.0's Pragma: no-cache): answered by Express, not from memory. */
export function asksFresh(req: IncomingMessage): boolean {
  const control = req.headers["cache-control"];
  return (control !== undefined && /(?:^|[\s,])no-cache(?:$|[\s,=])/i.test(control)) || req.headers.pragma === "no-cache";
}

export function createResponseCache(deps: { log: Logger; downloads: Downloads }): ResponseCache {
  const keysByTag = new Map<string, Set<string>>();
  // Least recently used out first; whatever leaves (pushed out, replaced, forgotten) leaves its tags' index too.
  const entries = new LRUCache<string, Entry>({
    maxSize: CACHE_BYTES,
    maxEntrySize: ENTRY_BYTES + ENTRY_OVERHEAD,
    sizeCalculation: (entry) => entry.body.length + ENTRY_OVERHEAD,
    dispose: (entry, key) => {
      for (const tag of entry.keep.tags) {
        const keys = keysByTag.get(tag);
        keys?.delete(key);
        if (keys?.size === 0) keysByTag.delete(tag);
      }
    },
  });
  // Bumped by every change: a response read before a change is answered but not kept.
  let changes = 0;
  const settled = () => Promise.all([deps.downloads.atom.settled(), deps.downloads.jsr.settled()]);
  const isSettled = () => deps.downloads.atom.isSettled() && deps.downloads.jsr.isSettled();

  const keep = (key: string, entry: Entry) => {
    entries.set(key, entry);
    if (entries.peek(key) !== entry) return; // too big to keep
    for (const tag of entry.keep.tags) {
      const keys = keysByTag.get(tag) ?? new Set();
      keys.add(key);
      keysByTag.set(tag, keys);
    }
  };

  /** Lets Express answer, and keeps its answer if the handler marked it keepable and nothing changed meanwhile. */
  const fill = (req: IncomingMessage, res: ServerResponse, key: string, next: Next) => {
    const startedAt = changes;
    const chunks: Buffer[] = [];
    let size = 0;
    // Only a response its handler marked keepable is copied (the adapter marks before it writes); one written in part
    // before its mark is never kept.
    let unmarkedWrite = false;
    const collect = (chunk: unknown, encoding: unknown) => {
      if (size > ENTRY_BYTES || chunk === undefined || chunk === null || typeof chunk === "function") return;
      if (!marks.has(res)) {
        unmarkedWrite = true;
        return;
      }
      const buffer = typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array);
      size += buffer.length;
      if (size <= ENTRY_BYTES) chunks.push(buffer);
    };
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    (res as { write: unknown }).write = (...args: unknown[]) => {
      collect(args[0], args[1]);
      return write(...args);
    };
    (res as { end: unknown }).end = (...args: unknown[]) => {
      collect(args[0], args[1]);
      const mark = marks.get(res);
      if (mark && !unmarkedWrite && res.statusCode === 200 && size <= ENTRY_BYTES && changes === startedAt && !res.hasHeader("set-cookie")) {
        const headers: OutgoingHttpHeader[] = [];
        for (const [name, value] of Object.entries(res.getHeaders())) if (!PER_RESPONSE.has(name) && value !== undefined) headers.push(name, value);
        keep(key, { body: Buffer.concat(chunks), headers, keep: mark.keep, route: mark.route });
      }
      return end(...args);
    };
    next(req, res);
  };

  const serve = (req: IncomingMessage, res: ServerResponse, key: string, entry: Entry) => {
    if (entry.route) noteRouteTemplate(req, entry.route);
    const started = requestStarted();
    entry.keep.onServe?.();
    res.writeHead(200, withRequestIdHeader(res, entry.headers)).end(entry.body);
    // Answered whole, at once: logged now rather than by a listener on "finish".
    logRequest(deps.log, "GET", pathOf(key), res, started);
  };

  return {
    handle(req, res, next) {
      if (!cacheableRequest(req)) return false;
      const key = req.url!;
      // A caller that asks for a fresh answer (a browser's hard reload, an operator's check) gets one, kept for others.
      const entry = asksFresh(req) ? undefined : entries.get(key);
      // A miss goes to Express, which waits for counted downloads itself; a download need not wait for others.
      if (!entry) fill(req, res, key, next);
      else if (entry.keep.onServe || isSettled()) serve(req, res, key, entry);
      else {
        // A batch of downloads written meanwhile may have dropped the entry.
        settled().then(
          () => {
            const now = entries.get(key);
            if (now) serve(req, res, key, now);
            else fill(req, res, key, next);
          },
          () => fill(req, res, key, next),
        );
      }
      return true;
    },
    forget(tags) {
      changes++;
      for (const tag of tags) for (const key of [...(keysByTag.get(tag) ?? [])]) entries.delete(key);
    },
    forgetAll() {
      changes++;
      entries.clear();
      keysByTag.clear();
    },
  };
}
