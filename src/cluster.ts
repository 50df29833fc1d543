// WEB_CONCURRENCY=N (N > 1): N Wharf workers with node:cluster, sharing one port, on one machine. The primary
// serves nothing itself: it prepares the database once (starts the embedded one, if that is in use, and migrates),
// starts the workers, starts again one that dies, and stops them all on SIGTERM/SIGINT. Every worker is a whole
// Wharf on the shared database, as processes on several machines are (see the README, "Run it at scale").
import cluster, { type Worker } from "node:cluster";
import type { Config } from "./config";
import type { Logger } from "./logger";
import { voidLeases } from "./services/jsr/publishing/task-leases";
import { openDatabase, type Database } from "./storage/database";

// A worker that dies sooner than this after it started counts towards giving up; more than MAX_QUICK_DEATHS in a
// row means it cannot start (bad configuration, port taken): the primary exits rather than loop.
const QUICK_DEATH_MS = 10_000;
const MAX_QUICK_DEATHS = 5;

export async function runPrimary(config: Config, log: Logger): Promise<void> {
  let database: Database | undefined;
  const env: Record<string, string> = {};
  if (!config.databaseUrl) {
    // One embedded database for all the workers: the primary runs it, the workers connect to it.
    database = await openDatabase(config, log, {
      onDatabaseLost: (error) => {
        log.error("exiting: the database is gone", { error: error.message });
        process.exit(1);
      },
    });
    // It is this machine's alone: leases a crashed run left are void, its tasks taken at once.
    await voidLeases(database.db);
    env.DATABASE_URL = database.url;
  }

  let stopping = false;
  let quickDeaths = 0;
  const startedAt = new Map<Worker, number>();
  const fork = () => startedAt.set(cluster.fork(env), Date.now());

  cluster.on("exit", (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? 0);
    startedAt.delete(worker);
    if (stopping) return;
    quickDeaths = lived < QUICK_DEATH_MS ? quickDeaths + 1 : 0;
    if (quickDeaths > MAX_QUICK_DEATHS) {
      log.error("exiting: workers keep dying at start", { code, signal });
      void stop(1);
      return;
    }
    log.error("a worker died; starting another", { pid: worker.process.pid, code, signal });
    fork();
  });

  const stop = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (worker.isDead()) return resolve();
            worker.once("exit", () => resolve());
            worker.process.kill("SIGTERM");
          }),
      ),
    );
    await database?.close();
    process.exit(exitCode);
  };
  process.on("SIGTERM", () => void stop(0));
  process.on("SIGINT", () => void stop(0));

  log.info("starting workers", { workers: config.webConcurrency, database: database ? "embedded, run by the primary" : "external" });
  for (let i = 0; i < config.webConcurrency; i++) fork();
}
