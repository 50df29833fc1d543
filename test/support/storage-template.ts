// A migrated database to copy, made once per test run (jest's globalSetup): a Wharf on a fresh storage spends most
// of its start on initdb and `prisma migrate deploy`, seconds that every test server paid again. Each server still
// gets a storage of its own: a copy of the template's embedded cluster (DATA_DIR/postgres), or a database created
// from the template database on DATABASE_URL's server. The first start on an empty storage (initdb, migrations
// under their lock) keeps its own tests: startWharfs (scale-out) and `{ cold: true }`.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { Client } from "pg";

const ROOT = (function findRoot(dir: string): string {
  return fs.existsSync(path.join(dir, "openapi.yaml")) ? dir : findRoot(path.dirname(dir));
})(__dirname);

/** This run's template, named by globalSetup; none (every server starts cold) outside jest, as in the bench. */
const RUN = () => process.env.WHARF_TEST_TEMPLATE_RUN;

const templateDir = (run: string) => path.join(os.tmpdir(), `wharf-template-${run}`);
const templateDatabase = (run: string) => `wharf_template_${run}`;

async function sql(url: string, statement: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Starts a Wharf on this storage until it listens (its schema migrated), then stops it cleanly. */
async function migrateWithWharf(env: Record<string, string>): Promise<void> {
  const child = spawn(process.execPath, [path.join(ROOT, "dist", "src", "main.js")], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: "0", HOST: "127.0.0.1", WHARF_ADMIN_TOKEN: "", LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stderr!.on("data", (c: Buffer) => output.push(c.toString("utf8")));
  await new Promise<void>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      output.push(line);
      if (line.includes('"msg":"listening"')) resolve();
    });
    child.once("exit", (code) => reject(new Error(`the template's Wharf exited (code ${code}):\n${output.join("\n")}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const code = await exited;
  if (code !== 0) throw new Error(`the template's Wharf did not stop cleanly (code ${code}):\n${output.join("\n")}`);
}

/** globalSetup: makes this run's template, for the storage mode the run is in. */
export async function makeTemplate(): Promise<void> {
  const run = randomBytes(6).toString("hex");
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    await sql(serverUrl, `CREATE DATABASE ${templateDatabase(run)}`);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-template-data-"));
    await migrateWithWharf({ DATABASE_URL: withDatabase(serverUrl, templateDatabase(run)), DATA_DIR: dataDir });
    fs.rmSync(dataDir, { recursive: true, force: true });
  } else {
    const dir = templateDir(run);
    fs.mkdirSync(dir, { mode: 0o755 });
    fs.chmodSync(dir, 0o755); // the embedded database runs as "postgres" when tests run as root
    await migrateWithWharf({ DATA_DIR: dir, DATABASE_URL: "" });
    // A clean stop leaves no postmaster.pid: a copy with one would refuse to start.
    if (fs.existsSync(path.join(dir, "postgres", "postmaster.pid"))) throw new Error(`the template cluster in ${dir} was not shut down`);
    // The copies are thrown away after their test: flushing to disk only costs time. What a killed process committed
    // still survives (it is in the OS's cache); only a crash of the machine would lose it.
    fs.appendFileSync(path.join(dir, "postgres", "postgresql.auto.conf"), "fsync = off\nfull_page_writes = off\n");
  }
  process.env.WHARF_TEST_TEMPLATE_RUN = run; // inherited by jest's workers, started after this
}

/** globalTeardown: removes this run's template. */
export async function removeTemplate(): Promise<void> {
  const run = RUN();
  if (!run) return;
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) await sql(serverUrl, `DROP DATABASE IF EXISTS ${templateDatabase(run)} WITH (FORCE)`);
  fs.rmSync(templateDir(run), { recursive: true, force: true });
}

/** Copies the template's embedded cluster into a new DATA_DIR; false when this run has none. */
export function copyTemplateCluster(dataDir: string): boolean {
  const run = RUN();
  if (!run || !fs.existsSync(path.join(templateDir(run), "postgres", "PG_VERSION"))) return false;
  // cp -a keeps the files' owner: the "postgres" user's, when tests run as root.
  const copy = spawnSync("cp", ["-a", path.join(templateDir(run), "postgres"), path.join(dataDir, "postgres")], { encoding: "utf8" });
  if (copy.status !== 0) throw new Error(`could not copy the template cluster: ${copy.stderr}`);
  return true;
}

/** CREATE DATABASE's clause that copies the template database, or nothing when this run has none. */
export function templateClause(): string {
  const run = RUN();
  return run && process.env.DATABASE_URL ? ` TEMPLATE ${templateDatabase(run)}` : "";
}
