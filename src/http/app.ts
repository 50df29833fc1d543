// The one HTTP server: health, GraphQL, and the REST faces on one origin.
import type { IncomingMessage, ServerResponse } from "node:http";
import express, { type ErrorRequestHandler } from "express";
import { errorFields, malformed, WharfError } from "../errors";
import type { Config } from "../config";
import type { Logger } from "../logger";
import type { BlobStore } from "../storage/blob-store";
import type { Db } from "../storage/database";
import type { SqlReader } from "../storage/sql-reader";
import type { Downloads } from "../services/shared/context";
import { graphqlHandler } from "../graphql/infra/server";
import { readOpenApiDocument, restHandler, sendError } from "../rest/openapi-adapter";
import { jsrOperations } from "../rest/jsr";
import { atomPackageOperations } from "../rest/atom/packages";
import { oidcRoutes } from "./oidc-routes";
import { pageViewer } from "./page-viewer";
import { countStatementsPerRequest } from "../storage/statement-counter";
import { createRegistry, type Registry } from "../registry/handler";
import { ping } from "../storage/queries/ping";
import { onPackageChanged } from "../services/jsr/package-events";
import { onStaleReads } from "../services/shared/kept-reads";
import { createResponseCache } from "./response-cache";
import { requestLog } from "./request-log";
import type { Metrics } from "./metrics";
import { requestIdOf, sendRequestId, withRequestId } from "./request-id";
import { readiness } from "./readiness";
import { pathOf } from "./url-path";
import { webUi } from "../web/ui";

export interface AppDeps {
  db: Db;
  sql: SqlReader;
  blobs: BlobStore;
  config: Config;
  log: Logger;
  metrics: Metrics;
  downloads: Downloads;
}

export interface App {
  /** Serves a request: registry files first (the hot path), then everything else. */
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  /** Forgets every cached meta.json (package changes may have been missed). */
  forgetCachedPackages(): void;
  /** Stops what the app started besides the HTTP server (Apollo). */
  stop(): Promise<void>;
}

export async function createApp(deps: AppDeps): Promise<App> {
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "extended");
  // req.ip: the client's address for the sign-in throttle and the GraphQL budget (WHARF_TRUST_PROXY).
  app.set("trust proxy", deps.config.trustProxy);
  app.use(requestLog(deps.log));
  if (deps.config.countSql) app.use(countStatementsPerRequest);

  app.get("/healthz", async (_req, res) => {
    const healthy = await ping(deps.sql).then(
      () => true,
      () => false,
    );
    res.status(healthy ? 200 : 503).json({ status: healthy ? "ok" : "unavailable" });
  });

  app.get("/readyz", readiness(deps));
  app.get("/metrics", (req, res) => void deps.metrics.serve(req, res));

  const openapiDocument = readOpenApiDocument();
  app.get("/api/.well-known/openapi", (_req, res) => {
    res.type("application/yaml").send(openapiDocument);
  });

  app.use("/auth/oidc", oidcRoutes(deps));

  const graphql = await graphqlHandler(deps);
  app.use("/graphql", graphql.handler);

  const rest = await restHandler({ ...jsrOperations, ...atomPackageOperations }, deps);
  app.all(/^\/(atom\/)?api\//, express.json({ limit: "1mb" }), rest);

  const ui = webUi(deps.log, pageViewer(deps));
  app.use(ui.router);

  app.use((req, res) => {
    if (!ui.notFound(req, res)) sendError(res, req.path, new WharfError("notFound"));
  });

  // Body parsing failures (bad JSON, too large) in the dialect of the path.
  const onError: ErrorRequestHandler = (err, req, res, _next) => {
    const status = (err as { status?: number }).status;
    if (status && status >= 400 && status < 500) {
      sendError(res, pathOf(req.originalUrl), malformed(`${err.message}`));
      return;
    }
    deps.log.error("unhandled error", { path: req.path, requestId: requestIdOf(res), ...errorFields(err) });
    sendError(res, pathOf(req.originalUrl), new WharfError("internalServerError"));
  };
  app.use(onError);

  const toExpress = (req: IncomingMessage, res: ServerResponse) => {
    sendRequestId(res);
    app(req, res);
  };
  const registry: Registry = createRegistry(deps);
  const stopForgetting = onPackageChanged(registry.forget);
  const responses = createResponseCache({ log: deps.log, downloads: deps.downloads });
  const stopForgettingResponses = onStaleReads(responses.forget);
  return {
    handler: withRequestId((req, res) => {
      deps.metrics.observeRequest(req, res);
      if (!registry.handle(req, res) && !responses.handle(req, res, toExpress)) toExpress(req, res);
    }),
    forgetCachedPackages: () => {
      registry.forgetAll();
      responses.forgetAll();
    },
    async stop() {
      stopForgetting();
      stopForgettingResponses();
      await graphql.stop();
    },
  };
}
