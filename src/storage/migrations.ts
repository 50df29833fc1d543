// Bringing the database's schema up to date, once, however many Wharfs start at the same moment.
//
// Every Wharf checks at start whether the database already holds every migration of prisma/migrations (with the
// same checksum Prisma records: the sha256 of migration.sql). That is the common case, a warm restart, and costs
// one query instead of a Prisma CLI run of seconds. Otherwise it takes a PostgreSQL advisory lock, looks again
// (another Wharf may have migrated while it waited) and only then runs `prisma migrate deploy`.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Client } from "pg";
import type { Logger } from "../logger";

const PROJECT_ROOT = path.resolve(__dirname, "..", "..", "..");
const MIGRATIONS_DIR = path.join(PROJECT_ROOT, "prisma", "migrations");
// pg_advisory_lock's key for "migrating Wharf's schema" (Prisma's own lock uses another key).
const MIGRATION_LOCK_KEY = 0x57686172; // "Whar"

export type MigrationOutcome = "current" | "applied" | "appliedByAnother";

/** Applies the migrations the database lacks; says whether there were any, and who applied them. */
export async function migrate(url: string, log: Logger): Promise<MigrationOutcome> {
  const expected = localMigrations();
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    if (await isCurrent(client, expected)) return "current";
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      if (await isCurrent(client, expected)) {
        log.info("the database was migrated by another Wharf meanwhile");
        return "appliedByAnother";
      }
      await runPrismaMigrateDeploy(url, log);
      log.info("database migrated", { migrations: expected.size });
      return "applied";
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

/** Migration name to the sha256 of its migration.sql. */
function localMigrations(): Map<string, string> {
  const migrations = new Map<string, string>();
  for (const entry of fs.readdirSync(MIGRATIONS_DIR, { withFileTypes: true })) {
    const script = path.join(MIGRATIONS_DIR, entry.name, "migration.sql");
    if (!entry.isDirectory() || !fs.existsSync(script)) continue;
    migrations.set(entry.name, createHash("sha256").update(fs.readFileSync(script)).digest("hex"));
  }
  return migrations;
}

/** Whether every local migration is applied, unchanged, and none failed (the CLI reports a failed one). */
async function isCurrent(client: Client, expected: Map<string, string>): Promise<boolean> {
  const { rows: exists } = await client.query("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS migrated");
  if (!exists[0].migrated) return false;
  const { rows } = await client.query<{ migration_name: string; checksum: string; finished: boolean; rolled_back: boolean }>(
    `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
       FROM _prisma_migrations`,
  );
  if (rows.some((r) => !r.finished && !r.rolled_back)) return false;
  const applied = new Map(rows.filter((r) => r.finished && !r.rolled_back).map((r) => [r.migration_name, r.checksum]));
  return [...expected].every(([name, checksum]) => applied.get(name) === checksum);
}

/** `prisma migrate deploy`: applies what prisma/migrations holds and the database lacks. */
function runPrismaMigrateDeploy(url: string, log: Logger): Promise<void> {
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
        log.debug("prisma migrate deploy", { output });
        resolve();
      } else {
        reject(new Error(`Applying the database migrations failed (prisma migrate deploy, exit code ${code}):\n${output}`));
      }
    });
  });
}
