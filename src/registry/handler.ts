// The jsr registry files on the same origin as the API, as deno expects them:
//   /@scope/name/meta.json            changes with each publish: revalidated
//   /@scope/name/<version>_meta.json  immutable
//   /@scope/name/<version>/<path>     immutable
// This is the hottest path of a registry, so it runs before Express, answers
// from a byte-bounded cache, and reads the database only on a miss. Files
// over 1 MiB are streamed from the blob store on every request instead: the
// cache keeps only where they are, so a download never holds a large file whole.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { asWharfError, errorFields, errorReply, malformed, WharfError } from "../errors";
import type { Logger } from "../logger";
import { logRequest, requestStarted } from "../http/request-log";
import { requestIdOf, withRequestIdHeader } from "../http/request-id";
import { pathOf } from "../http/url-path";
import { findFile } from "../services/jsr/versions";
import { unstorableText } from "../services/shared/storable";
import type { BlobStore } from "../storage/blob-store";
import type { Db } from "../storage/database";
import type { Downloads } from "../services/shared/context";
import { wantsHtml } from "../web/routes";
import { createFileCache, deletePrefix, type CachedHeaders, type CachedResponse, type StreamedResponse } from "./cache";
import { packageMetadata, versionMetadata } from "./metadata";

const IMMUTABLE = "public, max-age=31536000, immutable";
const REVALIDATE = "no-cache";
const CACHE_BYTES = 64 * 1024 * 1024;
// Files above this are streamed, never read whole into memory.
const STREAM_OVER_BYTES = 1024 * 1024;
// Another Wharf's publish reaches this cache at once, by a notification (storage/change-feed.ts); should one be
// lost, this process still trusts its copy of a meta.json no longer than this.
const META_TTL_MS = 30_000;
// The same address shows a browser the UI (web/ui.ts), so caches must key on Accept. Registry files are
// authors' bytes: never sniffed into something else, and sandboxed if a browser opens one as a document.
const SAFETY_HEADERS = ["Vary", "Accept, Origin", "X-Content-Type-Options", "nosniff", "Content-Security-Policy", "sandbox"];
// As jsr's load balancer sends them on module files (lb/headers.ts): any site's scripts may read the registry.
const CORS_HEADERS = ["Access-Control-Allow-Origin", "*", "Access-Control-Expose-Headers", "*"];
// Names and values in turn, one pair a line.
const PREFLIGHT_HEADERS = [
  "Access-Control-Allow-Origin", "*",
  "Access-Control-Allow-Methods", "HEAD, GET",
  "Access-Control-Allow-Headers", "Authorization, X-Cloud-Trace-Context",
  "Access-Control-Max-Age", "3600",
  "Vary", "Origin",
];

const CONTENT_TYPES: Record<string, string> = {
  ".ts": "text/typescript",
  ".mts": "text/typescript",
  ".cts": "text/typescript",
  ".tsx": "text/tsx",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".cjs": "text/javascript",
  ".jsx": "text/jsx",
  ".json": "application/json",
  ".jsonc": "application/json",
  ".md": "text/markdown",
  ".txt": "text/plain",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".html": "text/html",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

function missingBlob(sha256: string): Error {
  return new Error(`blob ${sha256} of a registry file is missing from the blob store`);
}

type Validators = Pick<CachedHeaders, "etag" | "cacheControl">;

/** What a 304 and a 200 both say: the validator, how long to keep it, and the safety and CORS headers. */
function commonHeaders(entry: Validators): string[] {
  return ["ETag", entry.etag, "Cache-Control", entry.cacheControl, ...SAFETY_HEADERS, ...CORS_HEADERS];
}

/** An entry's headers, with those of its 200 answer worked out once. */
function withOkHeaders(entry: Omit<CachedHeaders, "ok">, length: number): CachedHeaders {
  return { ...entry, ok: [...commonHeaders(entry), "Content-Type", entry.contentType, "Content-Length", String(length)] };
}

function contentTypeOf(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? "application/octet-stream";
}

// /@scope/name/rest, with scope and name in jsr's alphabet.
const REGISTRY_PATH = /^\/@([a-z0-9-]+)\/([a-z0-9-]+)\/(.+)$/;
const META_PATH = /^\/@[a-z0-9-]+\/[a-z0-9-]+\/meta\.json$/;

/** A file's path from the URL: bad percent-encoding, or text PostgreSQL cannot store, is the caller's error. */
function decodedPath(encoded: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(encoded);
  } catch {
    throw malformed("the path is not percent-encoded UTF-8");
  }
  const problem = unstorableText(decoded);
  if (problem) throw malformed(`the path ${problem}`);
  return decoded;
}

export interface Registry {
  /** Serves the request if it is for a registry file; false leaves it to the rest of the app. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** Forget what is cached about a package (it was published to, yanked, ...). */
  forget(scope: string, name: string): void;
  /** Forget every package's meta.json (changes may have been missed). */
  forgetAll(): void;
}

export function createRegistry(deps: { db: Db; blobs: BlobStore; log: Logger; downloads: Pick<Downloads, "jsr"> }): Registry {
  const cache = createFileCache(CACHE_BYTES);

  const json = (body: unknown, cacheControl: string): CachedResponse => {
    const bytes = Buffer.from(JSON.stringify(body));
    return { body: bytes, ...withOkHeaders({ etag: `"${createHash("sha256").update(bytes).digest("hex")}"`, contentType: "application/json", cacheControl }, bytes.length) };
  };

  /** Builds what a path answers from the database and blobs. */
  const load = async (scope: string, name: string, rest: string): Promise<CachedResponse> => {
    if (rest === "meta.json") return json(await packageMetadata(deps.db, scope, name), REVALIDATE);
    const versionMeta = /^([^/]+)_meta\.json$/.exec(rest);
    if (versionMeta) return json(await versionMetadata(deps.db, scope, name, versionMeta[1]), IMMUTABLE);
    const slash = rest.indexOf("/");
    if (slash < 0) throw new WharfError("notFound");
    const version = rest.slice(0, slash);
    const filePath = decodedPath(rest.slice(slash));
    const file = await findFile(deps.db, scope, name, version, filePath);
    if (!file) throw new WharfError("packagePathNotFound");
    // Content-addressed: the checksum is a strong validator, and the bytes never change.
    const headers = { etag: `"sha256-${file.sha256}"`, contentType: contentTypeOf(filePath), cacheControl: IMMUTABLE };
    if (file.size > STREAM_OVER_BYTES) return { ...withOkHeaders(headers, file.size), blob: { sha256: file.sha256, size: file.size } };
    const content = await deps.blobs.open(file.sha256);
    if (!content) throw missingBlob(file.sha256);
    const chunks: Buffer[] = [];
    for await (const chunk of content) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    return { ...withOkHeaders(headers, body.length), body };
  };

  /**
   * Answers from an entry, in one writeHead of headers worked out when it was loaded. Only a large file's bytes
   * are waited for (streamed from the blob store): anything else is answered before this returns.
   */
  const answer = (req: IncomingMessage, res: ServerResponse, entry: CachedResponse): Promise<void> | undefined => {
    if (req.headers["if-none-match"]?.split(",").some((tag) => tag.trim() === entry.etag)) {
      res.writeHead(304, withRequestIdHeader(res, commonHeaders(entry))).end();
    } else if (req.method === "HEAD") {
      res.writeHead(200, withRequestIdHeader(res, entry.ok)).end();
    } else if ("body" in entry) {
      res.writeHead(200, withRequestIdHeader(res, entry.ok)).end(entry.body);
    } else {
      return stream(res, entry);
    }
    return undefined;
  };

  const stream = async (res: ServerResponse, entry: StreamedResponse) => {
    // Opened before the status is sent, so that a missing blob is still a clean 500.
    const content = await deps.blobs.open(entry.blob.sha256);
    if (!content) throw missingBlob(entry.blob.sha256);
    res.writeHead(200, withRequestIdHeader(res, entry.ok));
    // pipeline destroys the blob stream, closing its file, however the response ends (a client that goes away included).
    await pipeline(content, res).catch((err: NodeJS.ErrnoException) => {
      if (err.code === "ERR_STREAM_PREMATURE_CLOSE") return; // the client went away: nothing to answer
      deps.log.error("streaming a registry file failed", { sha256: entry.blob.sha256, error: String(err) });
      res.destroy();
    });
  };

  // Single flight: when a meta.json expires under load, the requests in flight share one reload rather than each
  // running its own (about 50 reloads a second at 50 connections). A load that began before a package changed is
  // answered to who waited for it, but neither kept nor shared with later requests.
  const loading = new Map<string, Promise<CachedResponse>>();
  let changes = 0;
  const loadOnce = (key: string, scope: string, name: string, rest: string, isMeta: boolean): Promise<CachedResponse> => {
    const pending = loading.get(key);
    if (pending) return pending;
    const startedAt = changes;
    const loaded: Promise<CachedResponse> = load(scope, name, rest)
      .then((entry) => {
        if (changes === startedAt) cache.set(key, entry, isMeta ? { ttl: META_TTL_MS } : undefined);
        return entry;
      })
      .finally(() => {
        if (loading.get(key) === loaded) loading.delete(key);
      });
    loading.set(key, loaded);
    return loaded;
  };

  /** Answers from an entry; a version's _meta.json counts a download (as jsr counts them: deno fetches it once per version it installs). */
  const answerCounting = (req: IncomingMessage, res: ServerResponse, entry: CachedResponse, scope: string, name: string, rest: string) => {
    if (req.method === "GET" && rest.endsWith("_meta.json") && !rest.includes("/")) deps.downloads.jsr.count(`${scope}/${name}`, rest.slice(0, -"_meta.json".length));
    return answer(req, res, entry);
  };

  /** Answers from memory when it can (the hot path: nothing to wait for), or once the entry is loaded. */
  const serve = (req: IncomingMessage, res: ServerResponse, key: string, scope: string, name: string, rest: string): Promise<void> | undefined => {
    const kept = cache.get(key);
    if (kept) return answerCounting(req, res, kept, scope, name, rest);
    return loadOnce(key, scope, name, rest, rest === "meta.json").then((entry) => answerCounting(req, res, entry, scope, name, rest));
  };

  /** What a request that failed is answered, in the jsr dialect; one whose answer had begun is cut off. */
  const failed = (res: ServerResponse, urlPath: string, err: unknown) => {
    const error = asWharfError(err);
    if (error.status >= 500) deps.log.error("registry request failed", { path: urlPath, requestId: requestIdOf(res), ...errorFields(err) });
    if (res.headersSent) return void res.destroy();
    const { status, body } = errorReply(urlPath, error);
    res.writeHead(status, withRequestIdHeader(res, ["Content-Type", "application/json", ...CORS_HEADERS])).end(JSON.stringify(body));
  };

  return {
    handle(req, res) {
      const method = req.method!;
      if (method !== "GET" && method !== "HEAD" && method !== "OPTIONS") return false;
      const url = req.url ?? "";
      const urlPath = pathOf(url);
      const match = REGISTRY_PATH.exec(urlPath);
      if (!match) return false;
      if (method === "OPTIONS") {
        res.writeHead(204, withRequestIdHeader(res, PREFLIGHT_HEADERS)).end();
        return true;
      }
      // Content negotiation: a browser gets the UI's page for a version or file; deno (any other Accept) the bytes,
      // and so does a browser following the page's own "raw" link (?raw).
      if (wantsHtml(req.headers.accept) && !match[3].endsWith("meta.json") && !/[?&]raw(=|&|$)/.test(url)) return false;
      const started = requestStarted();
      let answering: Promise<void> | undefined;
      try {
        answering = serve(req, res, urlPath, match[1], match[2], match[3]);
      } catch (err) {
        answering = Promise.reject(err);
      }
      // Answered at once from memory (the hot path), or once loaded or streamed.
      if (!answering) logRequest(deps.log, method, urlPath, res, started);
      else answering.catch((err: unknown) => failed(res, urlPath, err)).finally(() => logRequest(deps.log, method, urlPath, res, started));
      return true;
    },
    forget(scope, name) {
      changes++;
      loading.delete(`/@${scope}/${name}/meta.json`);
      // Versions are immutable but may be deleted by staff: nothing of the package stays cached.
      deletePrefix(cache, `/@${scope}/${name}/`);
    },
    forgetAll() {
      changes++;
      loading.clear();
      for (const key of [...cache.keys()]) if (META_PATH.test(key)) cache.delete(key);
    },
  };
}
