// The Atom API's single-package reads, answered ahead of Express from memory: GET /atom/api/packages/:name (with or
// without ?engine=), /versions/:v and /stargazers. Through Express and openapi-backend they reached only 0.03-0.12 of
// a bare node server on the same bytes. Only anonymous requests: a miss goes through the normal handler (and the
// response checker), and its 200 is kept with the headers Express sent. An entry is dropped when its package changes
// (services/atom/package-events.ts, from this process or, by the change feed, another), so a write shows on the
// next read. Downloads this process counted are written first, as requestContext does for every other read.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import type { Logger } from "../logger";
import type { SqlReader } from "../storage/sql-reader";
import type { DownloadCounter } from "../services/shared/download-counter";
import { logRequest } from "./request-log";

const CACHE_BYTES = 16 * 1024 * 1024;
// What an entry costs besides its body: key, headers, bookkeeping, roughly.
const ENTRY_OVERHEAD = 1024;
const PACKAGE_PATH = /^\/atom\/api\/packages\/([^/]+)(?:\/versions\/([^/]+)|\/stargazers)?$/;
// Literal paths beside /packages/:name: lists, not packages.
const NOT_NAMES = new Set(["search", "featured"]);
// Sent per response (or by node itself), never replayed.
const PER_RESPONSE = new Set(["x-request-id", "x-wharf-sql-statements", "date", "connection", "keep-alive", "transfer-encoding"]);
// The package's name now, for a name it has or had before a rename (as storage/queries/atom-package-reads.ts finds it).
const CURRENT_NAME = `SELECT coalesce((SELECT name FROM atom_packages WHERE name = $1), (SELECT name FROM atom_renames WHERE old_name = $1)) AS name`;

interface Entry {
  body: Buffer;
  headers: OutgoingHttpHeaders;
  /** The requested name (lower case) and the package's name: a change to either drops the entry. */
  names: [string, string];
}

export interface AtomReadCache {
  /** Serves the request if it is a cacheable Atom read; false leaves it to Express (which may fill the cache). */
  handle(req: IncomingMessage, res: ServerResponse, next: () => void): boolean;
  /** Drops what is kept about these packages. */
  forget(names: string[]): void;
  forgetAll(): void;
}

/** The lower-case package name a cacheable request reads; undefined for any other request. */
export function cacheableName(req: IncomingMessage): string | undefined {
  if (req.method !== "GET" || req.headers.authorization !== undefined) return undefined;
  if (req.headers["if-none-match"] !== undefined || req.headers["if-modified-since"] !== undefined) return undefined;
  const url = req.url ?? "";
  const question = url.indexOf("?");
  const path = question < 0 ? url : url.slice(0, question);
  const match = PACKAGE_PATH.exec(path);
  if (!match) return undefined;
  // Only the package read takes a query, and only ?engine=.
  if (question >= 0 && (match[0].includes("/versions/") || match[0].endsWith("/stargazers") || !/^engine=[^&]*$/.test(url.slice(question + 1)))) return undefined;
  let name: string;
  try {
    name = decodeURIComponent(match[1]).toLowerCase();
  } catch {
    return undefined;
  }
  return NOT_NAMES.has(name) ? undefined : name;
}

export function createAtomReadCache(deps: { sql: SqlReader; log: Logger; downloads: Pick<DownloadCounter, "settled"> }): AtomReadCache {
  const entries = new Map<string, Entry>();
  let bytes = 0;
  // Bumped by every change: a response read before a change is answered but not kept.
  let changes = 0;

  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.body.length + ENTRY_OVERHEAD;
  };

  const keep = (key: string, entry: Entry) => {
    const cost = entry.body.length + ENTRY_OVERHEAD;
    if (cost > CACHE_BYTES / 16) return;
    drop(key);
    entries.set(key, entry);
    bytes += cost;
    for (const oldest of entries.keys()) {
      if (bytes <= CACHE_BYTES) break;
      drop(oldest);
    }
  };

  /** Lets Express answer, and keeps its 200 (unless a package changed meanwhile). */
  const fill = (res: ServerResponse, key: string, requested: string, next: () => void) => {
    const startedAt = changes;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    (res as { end: unknown }).end = (...args: unknown[]) => {
      const [chunk] = args;
      if (res.statusCode === 200 && (Buffer.isBuffer(chunk) || typeof chunk === "string")) {
        const body = Buffer.from(chunk as Buffer | string);
        const headers: OutgoingHttpHeaders = {};
        for (const [name, value] of Object.entries(res.getHeaders())) if (!PER_RESPONSE.has(name)) headers[name] = value;
        void deps.sql.query<{ name: string | null }>(CURRENT_NAME, [requested]).then(
          ([row]) => {
            if (row?.name && changes === startedAt) keep(key, { body, headers, names: [requested, row.name] });
          },
          () => undefined,
        );
      }
      return end(...args);
    };
    next();
  };

  const serve = (req: IncomingMessage, res: ServerResponse, key: string, requested: string, next: () => void) => {
    const entry = entries.get(key);
    if (!entry) return fill(res, key, requested, next);
    // Most recently used last: Map keeps insertion order.
    entries.delete(key);
    entries.set(key, entry);
    const started = process.hrtime.bigint();
    res.once("finish", () => logRequest(deps.log, "GET", key.split("?")[0], res, started));
    res.writeHead(200, entry.headers).end(entry.body);
  };

  return {
    handle(req, res, next) {
      const requested = cacheableName(req);
      if (requested === undefined) return false;
      const key = req.url!;
      deps.downloads.settled().then(
        () => serve(req, res, key, requested, next),
        () => next(),
      );
      return true;
    },
    forget(names) {
      changes++;
      const gone = new Set(names.map((name) => name.toLowerCase()));
      for (const [key, entry] of entries) if (gone.has(entry.names[0]) || gone.has(entry.names[1])) drop(key);
    },
    forgetAll() {
      changes++;
      entries.clear();
      bytes = 0;
    },
  };
}
