// Opens the database (external or embedded), applies the migrations, and
// hands out the Prisma client the services use.
import { spawn } from "node:child_process";
import path from "node:path";
import { Pool } from "pg";
import { PrismaClient, type Prisma } from "../generated/prisma/client";
import type { Config } from "../config";
import type { Logger } from "../logger";
import { EmbeddedPostgres } from "./embedded-postgres";
import { countStatement } from "./statement-counter";
import { PrismaPgReleasingBrokenTransactions } from "./transaction-release";
import { sqlReader, type SqlReader } from "./sql-reader";

export type Db = PrismaClient;
/** What both the client and an open transaction offer: take this where either will do. */
export type Tx = Prisma.TransactionClient;

export interface Database {
  db: Db;
  /** Plain SQL reads on the same connections, for hot paths. */
  sql: SqlReader;
  /** Where the database is, for the Prisma CLI and for operators. */
  url: string;
  close(): Promise<void>;
}

const PROJECT_ROOT = path.resolve(__dirname, "..", "..", "..");

export interface OpenOptions {
  /** Use the embedded database of a Wharf already running on DATA_DIR rather than refusing (the CLI). */
  shareRunningEmbedded?: boolean;
}

export async function openDatabase(config: Config, log: Logger, options: OpenOptions = {}): Promise<Database> {
  const embedded = config.databaseUrl ? undefined : new EmbeddedPostgres(config.dataDir, log);
  await embedded?.start(options.shareRunningEmbedded ?? false);
  const url = config.databaseUrl ?? embedded!.url;
  try {
    await applyMigrations(url, log);
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
  // One pool for Prisma and for the plain reads.
  const pool = new Pool({ connectionString: url });
  // An idle connection that dies (e.g. the database restarts) is dropped and replaced, not fatal.
  pool.on("error", (err) => log.warn("database connection lost", { error: err.message }));
  const adapter = new PrismaPgReleasingBrokenTransactions(pool);
  const db = config.countSql
    ? new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] })
    : new PrismaClient({ adapter });
  if (config.countSql) (db as PrismaClient<"query">).$on("query", countStatement);
  return {
    db,
    sql: sqlReader(pool, config.countSql),
    url,
    async close() {
      await db.$disconnect();
      await pool.end();
      await embedded?.stop();
    },
  };
}

/** `prisma migrate deploy`: applies what prisma/migrations holds and the database lacks, under an advisory lock,
 * so several Wharfs starting on one PostgreSQL at once are safe. */
export function applyMigrations(url: string, log: Logger): Promise<void> {
  const cli = require.resolve("prisma/build/index.js");
  const preload = path.join(PROJECT_ROOT, "src", "storage", "let-prisma-cli-exit.js");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--require", preload, cli, "migrate", "deploy"], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (output += c.toString("utf8")));
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code === 0) {
        log.debug("migrations applied", { output });
        resolve();
      } else {
        reject(new Error(`Applying the database migrations failed (prisma migrate deploy, exit code ${code}):\n${output}`));
      }
    });
  });
}
