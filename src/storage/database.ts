// Opens the database (external or embedded), applies the migrations, and
// hands out the Prisma client the services use.
import { Client, Pool } from "pg";
import { PrismaClient, type Prisma } from "../generated/prisma/client";
import type { Config } from "../config";
import type { Logger } from "../logger";
import { EmbeddedPostgres, type EmbeddedPostgresError } from "./embedded-postgres";
import { countStatement } from "./statement-counter";
import { PrismaPgReleasingBrokenTransactions } from "./transaction-release";
import { sqlReader, type SqlReader } from "./sql-reader";
import { migrate } from "./migrations";

export type Db = PrismaClient;
/** What both the client and an open transaction offer: take this where either will do. */
export type Tx = Prisma.TransactionClient;

export interface Database {
  db: Db;
  /** Plain SQL reads on the same connections, for hot paths. */
  sql: SqlReader;
  /** Where the database is, for the Prisma CLI and for operators. */
  url: string;
  /** Where the database is, in words for people (no password). */
  description: string;
  /** The connection pool under both (metrics read its use). */
  pool: Pool;
  close(): Promise<void>;
}

/** There is no Wharf database where the configuration points, and the caller asked not to make one. */
export class StorageMissingError extends Error {}

export interface OpenOptions {
  /** Use the embedded database of a Wharf already running on DATA_DIR rather than refusing (the CLI). */
  shareRunningEmbedded?: boolean;
  /** Make a new database where there is none (default); false throws StorageMissingError instead. */
  create?: boolean;
  /** The embedded database died and could not be restarted. */
  onDatabaseLost?: (error: EmbeddedPostgresError) => void;
}

export async function openDatabase(config: Config, log: Logger, options: OpenOptions = {}): Promise<Database> {
  const create = options.create ?? true;
  const embedded = config.databaseUrl ? undefined : new EmbeddedPostgres(config.dataDir, log, { onGiveUp: options.onDatabaseLost });
  if (embedded && !create && !embedded.exists()) throw new StorageMissingError(`There is no Wharf database in DATA_DIR ${config.dataDir}`);
  await embedded?.start(options.shareRunningEmbedded ?? false);
  const url = config.databaseUrl ?? embedded!.url;
  const description = embedded
    ? `the embedded database in ${embedded.directory}` + (embedded.sharedWith ? ` (served by the running Wharf, pid ${embedded.sharedWith})` : "")
    : `the database ${withoutPassword(url)}`;
  try {
    if (!embedded && !create && !(await hasMigrations(url))) {
      throw new StorageMissingError(`There is no Wharf database at DATABASE_URL ${withoutPassword(url)} (it holds no Wharf tables)`);
    }
    await migrate(url, log);
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
  // One pool for Prisma and for the plain reads.
  const pool = new Pool({ connectionString: url });
  // An idle connection that dies (e.g. the database restarts) is dropped and replaced, not fatal.
  pool.on("error", (err) => log.warn("database connection lost", { error: err.message }));
  const endPool = closesFully(pool);
  const adapter = new PrismaPgReleasingBrokenTransactions(pool);
  const db = config.countSql
    ? new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] })
    : new PrismaClient({ adapter });
  if (config.countSql) (db as PrismaClient<"query">).$on("query", countStatement);
  return {
    db,
    sql: sqlReader(pool, config.countSql),
    url,
    description,
    pool,
    async close() {
      await db.$disconnect();
      await endPool();
      await embedded?.stop();
    },
  };
}

/**
 * Ends the pool and waits until every connection has closed. pg's
 * `pool.end()` resolves once it has *asked* its idle connections to end: a
 * database stopped right after would still cut one of them mid-goodbye, and
 * the pool would report it as a lost connection.
 */
function closesFully(pool: Pool): () => Promise<void> {
  const closed = new Set<Promise<void>>();
  pool.on("connect", (client) => {
    const gone = new Promise<void>((resolve) => client.once("end", resolve));
    closed.add(gone);
    void gone.then(() => closed.delete(gone));
  });
  return async () => {
    await pool.end();
    await Promise.all(closed);
  };
}

/** Whether Wharf has ever migrated this database. */
async function hasMigrations(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS migrated");
    return rows[0].migrated === true;
  } finally {
    await client.end();
  }
}

function withoutPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}
