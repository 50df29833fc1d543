// A running Wharf: database, app and HTTP listener, started and stopped together.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { withListeningPort, type Config } from "./config";
import type { Logger } from "./logger";
import { createApp } from "./http/app";
import { startPublishWorker } from "./services/jsr/publishing/publish-worker";
import { voidLeases } from "./services/jsr/publishing/task-leases";
import { ensureAdmin } from "./services/accounts/users";
import { FileBlobStore } from "./storage/blob-store";
import { openDatabase } from "./storage/database";

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** The embedded database died and could not be restarted: this Wharf cannot serve any more. */
  onDatabaseLost?: (error: Error) => void;
}

export async function startServer(config: Config, log: Logger, options: ServerOptions = {}): Promise<RunningServer> {
  const database = await openDatabase(config, log, { onDatabaseLost: options.onDatabaseLost });
  try {
    if (config.adminToken) await ensureAdmin(database.db, config.adminToken);
    // Listen first: with PORT=0 the links Wharf writes need the port it was given.
    const server = http.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(config.port, config.host, resolve);
    });
    const { port } = server.address() as AddressInfo;
    config = withListeningPort(config, port);
    const blobs = new FileBlobStore(config.blobDir);
    // Uploads a crash cut short left temporary files; only those no live process can still be writing go.
    const abandoned = await blobs.removeAbandonedUploads();
    if (abandoned > 0) log.info("removed temporary files of interrupted uploads", { count: abandoned });
    const app = await createApp({ db: database.db, sql: database.sql, blobs, config, log });
    server.on("request", app.handler);
    // The embedded database is this process's alone: leases a crashed run left are void, its tasks taken at once.
    if (!config.databaseUrl) await voidLeases(database.db);
    // Publishing tasks are processed in the background: uploaded here, or left by a Wharf that stopped or died.
    const worker = startPublishWorker({ db: database.db, blobs, log, leaseMs: config.taskLeaseMs }, { pollMs: config.taskPollMs });
    const url = `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}`;
    // Tests and scripts read this line to find a server started on port 0.
    log.info("listening", { url, port, publicUrl: config.publicUrl, storage: config.databaseUrl ? "external" : "embedded" });
    return {
      url,
      async stop() {
        // Finish the requests in flight, then close the idle keep-alive sockets.
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await closed;
        await worker.stop();
        await app.stop();
        await database.close();
      },
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}
