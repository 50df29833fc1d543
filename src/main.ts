// `npm start`: read the environment, open the database, serve.
import "reflect-metadata";
import cluster from "node:cluster";
import { runPrimary } from "./cluster";
import { ConfigError, parseConfig } from "./config";
import { createLogger } from "./logger";
import { startServer, type RunningServer } from "./server";

async function main(): Promise<void> {
  let config;
  try {
    config = parseConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger(config.logLevel);
  if (config.webConcurrency > 1 && cluster.isPrimary) {
    await runPrimary(config, log);
    return;
  }
  // The handlers come first: a SIGTERM while the database starts or migrates (seconds, on a first start) must stop
  // it cleanly too, once it is up, rather than kill Wharf and leave its PostgreSQL running without it.
  let stopping = false;
  let started: Promise<RunningServer> | undefined;
  const shutdown = (signal: string) => {
    if (stopping) {
      // A second signal (a start that waits for an unreachable database, say): the operator means now.
      log.warn("stopping at once", { signal });
      process.exit(1);
    }
    stopping = true;
    log.info("shutting down", { signal });
    started!.then((server) => server.stop()).then(
      () => {
        log.flush();
        process.exit(0);
      },
      (err) => {
        log.error("shutdown failed", { error: String(err) });
        log.flush();
        process.exit(1);
      },
    );
  };
  // A promise nobody awaited must not take the registry down; it is a bug to log and fix.
  process.on("unhandledRejection", (reason) => log.error("unhandled rejection", { error: String((reason as Error)?.stack ?? reason) }));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
  started = startServer(config, log, {
    onDatabaseLost: (error) => {
      // Serving 503s forever helps nobody: exit, so that a supervisor (systemd, docker, k8s) starts Wharf afresh.
      log.error("exiting: the database is gone", { error: error.message });
      log.flush();
      process.exit(1);
    },
  });
  await started;
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
