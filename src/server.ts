// A running Wharf: database, app and HTTP listener, started and stopped together.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { withListeningPort, type Config } from "./config";
import type { Logger } from "./logger";
import { createApp } from "./http/app";
import { answerWhileStarting } from "./http/starting";
import { startPublishWorker } from "./services/jsr/publishing/publish-worker";
import { voidLeases } from "./services/jsr/publishing/task-leases";
import { ensureAdmin, ensureAdminUser } from "./services/accounts/users";
import { ensurePassword } from "./services/accounts/sign-in";
import { createBlobStore } from "./storage/blobs/factory";
import { reportingErrors } from "./storage/blobs/instrumented";
import { createMetrics } from "./http/metrics";
import { gracefulCloser } from "./http/graceful-close";
import { openDatabase } from "./storage/database";
import { startChangeFeed } from "./storage/change-feed";
import { forgetTokens } from "./services/accounts/token-cache";
import { createDownloadCounter } from "./services/shared/download-counter";
import { writeAtomDownloads } from "./services/atom/downloads";
import { writeJsrDownloads } from "./services/jsr/downloads";

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** The embedded database died and could not be restarted: this Wharf cannot serve any more. */
  onDatabaseLost?: (error: Error) => void;
}

export async function startServer(config: Config, log: Logger, options: ServerOptions = {}): Promise<RunningServer> {
  // Listen first: with PORT=0 the links Wharf writes need the port it was given, and a request that comes while
  // the database and the app start is answered 503 at once rather than left hanging.
  const server = http.createServer();
  // Idle keep-alive connections stay open longer than the 60 s a proxy or load balancer (nginx, AWS ALB) keeps its
  // own: with Node's 5 s, a client reusing a connection at that moment saw "other side closed" instead of an answer.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const closer = gracefulCloser(server);
  server.on("request", answerWhileStarting);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, resolve);
  });
  const closeServer = () => new Promise<void>((resolve) => server.close(() => resolve()));
  const { port } = server.address() as AddressInfo;
  config = withListeningPort(config, port);

  let database;
  try {
    database = await openDatabase(config, log, { onDatabaseLost: options.onDatabaseLost });
  } catch (err) {
    await closeServer();
    throw err;
  }
  log.debug("database open", { ms: Math.round(process.uptime() * 1000) });
  try {
    if (config.adminToken) await ensureAdmin(database.db, config.adminToken);
    if (config.adminPassword) await ensurePassword(database.db, (await ensureAdminUser(database.db, "WHARF_ADMIN_PASSWORD")).id, config.adminPassword);
    const metrics = createMetrics({ token: config.metricsToken, pool: database.pool });
    const blobs = reportingErrors(createBlobStore(config), metrics.blobStoreError);
    // Uploads a crash cut short left temporary files; only those no live process can still be writing go.
    const abandoned = await blobs.removeAbandonedUploads();
    if (abandoned > 0) log.info("removed temporary files of interrupted uploads", { count: abandoned });
    // Counted in memory, written in batches; written out at stop, once the last request is answered.
    const downloads = {
      atom: createDownloadCounter(writeAtomDownloads(database.db), log),
      jsr: createDownloadCounter(writeJsrDownloads(database.db), log),
    };
    const app = await createApp({ db: database.db, sql: database.sql, blobs, config, log, metrics, downloads });
    // Other Wharfs on this database publish too: their changes reach this one's caches at once.
    const feed = await startChangeFeed(database.url, database.db, log, {
      onGap: () => {
        app.forgetCachedPackages();
        forgetTokens();
      },
    });
    server.off("request", answerWhileStarting);
    server.on("request", app.handler);
    // The embedded database is this process's alone: leases a crashed run left are void, its tasks taken at once.
    if (!config.databaseUrl) await voidLeases(database.db);
    // Publishing tasks are processed in the background: uploaded here, or left by a Wharf that stopped or died.
    const worker = startPublishWorker({ db: database.db, sql: database.sql, blobs, log, leaseMs: config.taskLeaseMs }, { pollMs: config.taskPollMs, onTaskDone: metrics.taskDone });
    const url = `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}`;
    // Tests and scripts read this line to find a server started on port 0.
    log.info("listening", {
      url,
      port,
      publicUrl: config.publicUrl,
      storage: config.databaseUrl ? "external" : "embedded",
      blobs: blobs.description,
      startMs: Math.round(process.uptime() * 1000),
    });
    const opened = database;
    return {
      url,
      async stop() {
        // Finish the requests in flight, then close every connection.
        await closer.close();
        await worker.stop();
        await downloads.atom.stop();
        await downloads.jsr.stop();
        await feed.stop();
        await app.stop();
        await opened.close();
      },
    };
  } catch (err) {
    await closeServer();
    await database.close();
    throw err;
  }
}
