// A real Wharf for a test: `node dist/src/main.js` on port 0, on a storage of
// its own (a fresh database on DATABASE_URL's server, or an embedded one in a
// temporary DATA_DIR), removed again when the test is done with it.
import { spawn, type ChildProcess } from "node:child_process";
import { EventEmitter } from "node:events";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { Client } from "pg";
import { copyTemplateCluster, templateClause } from "./storage-template";

// The project's root, whether this runs from test/ (jest) or from dist/ (the benchmarks).
const ROOT = (function findRoot(dir: string): string {
  return fs.existsSync(path.join(dir, "openapi.yaml")) ? dir : findRoot(path.dirname(dir));
})(__dirname);
const MAIN = path.join(ROOT, "dist", "src", "main.js");

export interface WharfProcess {
  url: string;
  /** The server process's pid (the benchmarks read its memory). */
  pid(): number | undefined;
  adminToken: string;
  /** The server's own database, for tests that must reach behind the API (e.g. to age a row). */
  databaseUrl: string;
  /** The server's DATA_DIR. */
  dataDir: string;
  /** The environment it runs with, for the CLI or a second process on the same storage. */
  env: Record<string, string | undefined>;
  /** Every line the server has logged so far. */
  logs: string[];
  /** Resolves with the first logged line (past or coming) that matches. */
  waitForLog(matches: (line: string) => boolean): Promise<string>;
  /** Stops it gracefully (SIGTERM), keeping its data; resolves to its exit code. */
  stop(): Promise<number | null>;
  /** Kills it at once (SIGKILL), keeping its data. */
  kill(): Promise<number | null>;
  /** Resolves with its exit code when it exits by itself. */
  exited(): Promise<number | null>;
  /** Starts it again on the same data. */
  restart(): Promise<void>;
  /** Stops it and deletes its data. */
  destroy(): Promise<void>;
}

export interface StartOptions {
  /** Run on this Wharf's storage (its database and blobs) rather than a fresh one; it stays when this one is destroyed. */
  sharing?: WharfProcess;
  /** Start on an empty storage (initdb, every migration), not a copy of the run's migrated template. */
  cold?: boolean;
  /**
   * false: once it listens, its log lines are drained but neither parsed nor kept (`logs` stops growing). For the
   * benchmarks, whose load generator shares this process: parsing a line per request would hold the load down.
   */
  keepLogs?: boolean;
}

/**
 * Several Wharfs started at the same moment on one fresh storage (an external PostgreSQL only), as a deployment of
 * several processes starts. The first owns the storage: destroy the others first.
 */
export async function startWharfs(count: number, extraEnv: Record<string, string> = {}): Promise<WharfProcess[]> {
  if (!process.env.DATABASE_URL) throw new Error("only Wharfs on an external PostgreSQL (DATABASE_URL) can share their storage");
  const storage = await freshStorage(true);
  const borrowed: Storage = { ...storage, remove: async () => undefined };
  return Promise.all(Array.from({ length: count }, (_, i) => launchWharf(i === 0 ? storage : borrowed, extraEnv, true)));
}

export async function startWharf(extraEnv: Record<string, string> = {}, options: StartOptions = {}): Promise<WharfProcess> {
  return launchWharf(options.sharing ? sharedStorage(options.sharing) : await freshStorage(options.cold ?? false), extraEnv, options.keepLogs ?? true);
}

async function launchWharf(storage: Storage, extraEnv: Record<string, string>, keepLogs: boolean): Promise<WharfProcess> {
  const adminToken = `admin-${randomBytes(16).toString("hex")}`;
  const logs: string[] = [];
  const logged = new EventEmitter();
  let child: ChildProcess | undefined;

  const env = {
    ...process.env,
    ...storage.env,
    PORT: "0",
    HOST: "127.0.0.1",
    PUBLIC_URL: "",
    WHARF_ADMIN_TOKEN: adminToken,
    LOG_LEVEL: "info",
    WHARF_CHECK_RESPONSES: "true",
    WHARF_COUNT_SQL: "true",
    // Queries run compiled from the first time, as a query in use does: every GraphQL test checks the compiled path
    // (graphql-compiled.test.ts compares it with graphql-js's).
    GRAPHQL_COMPILE_AFTER: "0",
    ...extraEnv,
  };

  const launch = async () => {
    const proc = spawn(process.execPath, [MAIN], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    child = proc;
    const stderr: string[] = [];
    proc.stderr!.on("data", (c: Buffer) => stderr.push(c.toString("utf8")));
    let listening = false;
    const url = await new Promise<string>((resolve, reject) => {
      const lines = readline.createInterface({ input: proc.stdout! });
      lines.on("line", (line) => {
        if (!keepLogs && listening) return;
        logs.push(line);
        logged.emit("line", line);
        const entry = parseJson(line);
        if (entry?.msg === "listening") {
          listening = true;
          clearTimeout(startTimeout);
          resolve(String(entry.url));
          if (!keepLogs) {
            lines.close();
            proc.stdout!.resume();
          }
        }
      });
      proc.once("exit", (code, signal) => {
        reject(new Error(`wharf exited during start-up (code ${code}):\n${stderr.join("")}\n${logs.join("\n")}`));
        // Exiting later, unasked (the test did not stop or kill it), is a crash: say why, or the test shows only
        // ECONNREFUSED.
        if (child === proc && signal !== "SIGKILL") {
          console.error(`wharf exited unasked (code ${code}, signal ${signal}):\n${stderr.join("")}\n${logs.slice(-30).join("\n")}`);
        }
      });
      // A server that never says where it listens (e.g. LOG_LEVEL above info) must not hang its caller.
      // Nor leave it running (with its embedded database) behind a failed test: it would slow every test after.
      // (Only while it starts: a server that is listening belongs to its test, however long that runs.)
      const startTimeout = setTimeout(() => {
        if (listening) return;
        reject(new Error(`wharf did not log "listening" within 60 s:\n${logs.join("\n")}`));
        proc.kill("SIGTERM");
      }, 60_000);
      startTimeout.unref();
    });
    return url;
  };

  const waitExit = async (signal: NodeJS.Signals): Promise<number | null> => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return proc?.exitCode ?? null;
    const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
    proc.kill(signal);
    return exited;
  };

  const server: WharfProcess = {
    url: await launch(),
    pid: () => child?.pid,
    adminToken,
    databaseUrl: storage.databaseUrl,
    dataDir: storage.env.DATA_DIR,
    env,
    logs,
    waitForLog(matches) {
      const seen = logs.find(matches);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => {
        const listener = (line: string) => {
          if (!matches(line)) return;
          logged.off("line", listener);
          resolve(line);
        };
        logged.on("line", listener);
      });
    },
    stop: () => waitExit("SIGTERM"),
    kill: () => waitExit("SIGKILL"),
    exited() {
      const proc = child;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve(proc?.exitCode ?? null);
      return new Promise((resolve) => proc.once("exit", (code) => resolve(code)));
    },
    async restart() {
      await waitExit("SIGTERM");
      server.url = await launch();
    },
    async destroy() {
      await waitExit("SIGTERM");
      await storage.remove();
    },
  };
  return server;
}

interface Storage {
  env: Record<string, string>;
  databaseUrl: string;
  remove(): Promise<void>;
}

/** A second Wharf on one's storage: one PostgreSQL (DATABASE_URL mode only: an embedded one is a process's own) and one blob folder. */
function sharedStorage(first: WharfProcess): Storage {
  if (!first.env.DATABASE_URL) throw new Error("only Wharfs on an external PostgreSQL (DATABASE_URL) can share their storage");
  return {
    env: { DATA_DIR: first.dataDir, DATABASE_URL: first.databaseUrl },
    databaseUrl: first.databaseUrl,
    remove: async () => undefined,
  };
}

async function freshStorage(cold: boolean): Promise<Storage> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-test-"));
  // The embedded database runs as "postgres" when tests run as root: it must be able to reach the folder.
  fs.chmodSync(dataDir, 0o755);
  const removeDir = async () => fs.rmSync(dataDir, { recursive: true, force: true });
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    if (!cold) copyTemplateCluster(dataDir);
    const socketDir = encodeURIComponent(path.join(dataDir, "postgres"));
    return {
      env: { DATA_DIR: dataDir, DATABASE_URL: "" },
      databaseUrl: `postgresql://postgres@localhost/wharf?host=${socketDir}`,
      remove: removeDir,
    };
  }

  const name = `wharf_test_${randomBytes(6).toString("hex")}`;
  await query(serverUrl, `CREATE DATABASE ${name}${cold ? "" : templateClause()}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    databaseUrl: url.toString(),
    async remove() {
      await query(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await removeDir();
    },
  };
}

/** Runs one SQL statement on a database and returns its rows. */
export async function query<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  // A connection cut while idle (a test's outage, a database dropped WITH (FORCE)) would be an unhandled 'error'
  // event that fails whichever test is running; a statement's own failure still rejects below.
  client.on("error", () => undefined);
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

function parseJson(line: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
