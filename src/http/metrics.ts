// Prometheus metrics (GET /metrics, prom-client): requests by route template, publishing tasks, blob-store
// errors, GraphQL operations by executor, the database pool, and Node's own process metrics. Off unless
// WHARF_METRICS_TOKEN is set; then the scraper sends it as a Bearer token. Each process counts its own: scrape every
// process (see the README).
import type { IncomingMessage, ServerResponse } from "node:http";
import { timingSafeEqual } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { Pool } from "pg";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { pathOf } from "./url-path";

export interface Metrics {
  /** Counts a request once it is answered (call at the start of the request). */
  observeRequest(req: IncomingMessage, res: ServerResponse): void;
  taskDone(outcome: string, ms: number): void;
  blobStoreError(operation: string): void;
  /** Counts a GraphQL operation by how it ran: compiled (graphql-jit) or through graphql-js. */
  graphqlOperation(executor: "compiled" | "graphql-js"): void;
  /** Serves GET /metrics: 404 when metrics are off, 401 without the token. */
  serve(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

// A route's template, noted by whoever matched it (the REST adapter); the paths Wharf itself owns are known here.
// Kept on the request itself: a WeakMap's set cost every cached answer, metrics on or off.
const TEMPLATE = Symbol("routeTemplate");
type WithTemplate = IncomingMessage & { [TEMPLATE]?: string };
export function noteRouteTemplate(req: IncomingMessage, template: string): void {
  (req as WithTemplate)[TEMPLATE] = template;
}
export function notedRouteTemplate(req: IncomingMessage): string | undefined {
  return (req as WithTemplate)[TEMPLATE];
}

const FIXED_ROUTES = new Set(["/healthz", "/readyz", "/metrics", "/graphql", "/auth", "/api/.well-known/openapi"]);
const REGISTRY_ROUTES: Array<[RegExp, string]> = [
  [/^\/@[^/]+\/[^/]+\/meta\.json$/, "/@{scope}/{name}/meta.json"],
  [/^\/@[^/]+\/[^/]+\/[^/]+_meta\.json$/, "/@{scope}/{name}/{version}_meta.json"],
  [/^\/@[^/]+\/[^/]+\/[^/]+\/.+$/, "/@{scope}/{name}/{version}/{path}"],
];

/** A label of bounded cardinality: a template, never a raw path. */
function routeOf(req: IncomingMessage): string {
  const noted = notedRouteTemplate(req);
  if (noted) return noted;
  const path = pathOf(req.url ?? "");
  if (FIXED_ROUTES.has(path)) return path;
  for (const [pattern, template] of REGISTRY_ROUTES) if (pattern.test(path)) return template;
  return "unmatched";
}

export function createMetrics(options: { token?: string; pool?: Pool }): Metrics {
  // Off (the default): nothing is counted, so the hot paths pay nothing for metrics nobody reads.
  if (!options.token) return METRICS_OFF;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "wharf_" });
  const requests = new Counter({
    name: "wharf_http_requests_total",
    help: "HTTP requests answered, by method, route template and status.",
    labelNames: ["method", "route", "status"],
    registers: [registry],
  });
  const latency = new Histogram({
    name: "wharf_http_request_duration_seconds",
    help: "Time to answer an HTTP request, by method and route template.",
    labelNames: ["method", "route"],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const tasks = new Counter({
    name: "wharf_publish_tasks_total",
    help: "Publishing tasks this process processed, by outcome (success, failure, unfinished, crashed).",
    labelNames: ["outcome"],
    registers: [registry],
  });
  const taskDuration = new Histogram({
    name: "wharf_publish_task_duration_seconds",
    help: "Time to process a publishing task, by outcome.",
    labelNames: ["outcome"],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers: [registry],
  });
  const blobErrors = new Counter({
    name: "wharf_blob_store_errors_total",
    help: "Blob-store operations that failed (the store did not answer or refused), by operation.",
    labelNames: ["operation"],
    registers: [registry],
  });
  const graphqlOperations = new Counter({
    name: "wharf_graphql_operations_total",
    help: "GraphQL operations run, by executor: compiled (a query run before) or graphql-js (mutations, new queries).",
    labelNames: ["executor"],
    registers: [registry],
  });
  const pool = options.pool;
  if (pool) {
    new Gauge({
      name: "wharf_db_pool_connections",
      help: "Database pool connections, by state: total (open), idle, and waiting (requests queued for a connection).",
      labelNames: ["state"],
      registers: [registry],
      collect() {
        this.set({ state: "total" }, pool.totalCount);
        this.set({ state: "idle" }, pool.idleCount);
        this.set({ state: "waiting" }, pool.waitingCount);
      },
    });
  }
  const expected = Buffer.from(`Bearer ${options.token}`);

  return {
    observeRequest(req, res) {
      const started = performance.now();
      res.once("finish", () => {
        const route = routeOf(req);
        const method = req.method ?? "GET";
        requests.inc({ method, route, status: String(res.statusCode) });
        latency.observe({ method, route }, (performance.now() - started) / 1000);
      });
    },
    taskDone(outcome, ms) {
      tasks.inc({ outcome });
      taskDuration.observe({ outcome }, ms / 1000);
    },
    blobStoreError(operation) {
      blobErrors.inc({ operation });
    },
    graphqlOperation(executor) {
      graphqlOperations.inc({ executor });
    },
    async serve(req, res) {
      const given = Buffer.from(req.headers.authorization ?? "");
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res.writeHead(401, { "Content-Type": "application/json", "WWW-Authenticate": "Bearer" });
        res.end(JSON.stringify({ code: "unauthenticated", message: "GET /metrics needs WHARF_METRICS_TOKEN as a Bearer token." }));
        return;
      }
      const body = await registry.metrics();
      res.writeHead(200, { "Content-Type": registry.contentType }).end(body);
    },
  };
}

const METRICS_OFF: Metrics = {
  observeRequest() {},
  taskDone() {},
  blobStoreError() {},
  graphqlOperation() {},
  async serve(_req, res) {
    res.writeHead(404, { "Content-Type": "application/json" }).end(JSON.stringify({ code: "notFound", message: "Not Found" }));
  },
};
