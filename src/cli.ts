// `npx wharf ...`: administration for people who script their setup.
// It works on the same storage as the server (DATA_DIR or DATABASE_URL), and
// beside a running server on an embedded database. It says which storage it
// opened, and never makes a new one unless told to (--init): a mistyped
// DATA_DIR must not quietly become a second, empty registry.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { ConfigError, parseConfig, type Config } from "./config";
import { WharfError } from "./errors";
import { createLogger } from "./logger";
import { collectGarbage } from "./storage/blob-gc";
import type { BlobStore } from "./storage/blob-store";
import { createBlobStore } from "./storage/blobs/factory";
import { openDatabase, StorageMissingError, type Db } from "./storage/database";
import { issueToken } from "./services/accounts/tokens";
import { addUser, getUserByLogin, normalizeLogin } from "./services/accounts/users";
import { setPasswordByLogin } from "./services/accounts/sign-in";
import { readPassword } from "./read-password";

const USAGE = `Usage:
  wharf user add <login> [--staff] [--name <name>] [--password]
                                                     add a user; prints their first token. With --password,
                                                     reads a password to sign in with from the terminal or stdin
  wharf user passwd <login>                          set a user's password (read from the terminal or stdin);
                                                     signs them out of every browser
  wharf token create <login> [--description <text>]  make a new token for a user; prints it
  wharf blobs gc [--older-than <age>] [--dry-run]    remove the blobs no package, version or upload refers to
                                                     and written longer than <age> ago (default 24h; 90s, 30m, 7d);
                                                     prints each one removed. The age protects publishes in flight:
                                                     keep it well above the longest upload.

Options:
  --init   make a new, empty storage if there is none where the environment points (otherwise refuse)

Storage comes from the environment, as for \`npm start\`: DATABASE_URL, or the embedded database under DATA_DIR
(default ./data); blobs under BLOB_DIR (default DATA_DIR/blobs).`;

interface Flags {
  staff?: boolean;
  password?: boolean;
  name?: string;
  description?: string;
  "older-than"?: string;
  "dry-run"?: boolean;
}

interface Storage {
  db: Db;
  /** The blob store; opening it refuses a BLOB_DIR that does not exist (unless --init). */
  blobs(): BlobStore;
}

interface Command {
  /** The positional arguments after the command's words. */
  args: string[];
  run(storage: Storage, args: string[], flags: Flags): Promise<string>;
}

const COMMANDS: Record<string, Command> = {
  "user add": {
    args: ["login"],
    async run({ db }, [login], flags) {
      const password = flags.password ? await readPassword() : undefined;
      const { secret } = await addUser(db, { login, name: flags.name, isStaff: flags.staff, password });
      return secret;
    },
  },
  "user passwd": {
    args: ["login"],
    async run({ db }, [login]) {
      await setPasswordByLogin(db, login, await readPassword());
      console.error(`wharf: ${normalizeLogin(login)}'s password is set`);
      return "";
    },
  },
  "token create": {
    args: ["login"],
    async run({ db }, [login], flags) {
      const user = await getUserByLogin(db, login);
      const { secret } = await issueToken(db, user.id, { description: flags.description ?? "made with wharf token create" });
      return secret;
    },
  },
  "blobs gc": {
    args: [],
    async run(storage, _args, flags) {
      const age = flags["older-than"] ?? "24h";
      const olderThanMs = parseAge(age);
      const dryRun = flags["dry-run"] ?? false;
      const report = await collectGarbage(storage.db, storage.blobs(), { olderThanMs, dryRun });
      const bytes = report.removed.reduce((sum, b) => sum + b.size, 0);
      console.error(
        `${dryRun ? "would remove" : "removed"} ${report.removed.length} blobs (${bytes} bytes); ` +
          `kept ${report.referenced} in use and ${report.young} written within ${age}` +
          (report.abandonedUploads > 0 ? `; removed ${report.abandonedUploads} temporary files of interrupted uploads` : ""),
      );
      return report.removed.map((b) => `${b.sha256} ${b.size}`).join("\n");
    },
  },
};

export async function runCli(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        staff: { type: "boolean" },
        password: { type: "boolean" },
        name: { type: "string" },
        description: { type: "string" },
        "older-than": { type: "string" },
        "dry-run": { type: "boolean" },
        init: { type: "boolean" },
        help: { type: "boolean" },
      },
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { positionals, values } = parsed;
  const command = COMMANDS[positionals.slice(0, 2).join(" ")];
  const args = positionals.slice(2);
  if (values.help || !command || args.length !== command.args.length) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  if (values["older-than"] !== undefined && !AGE.test(values["older-than"])) {
    console.error(`--older-than ${JSON.stringify(values["older-than"])}: expected a number and a unit, as in 90s, 30m, 24h or 7d`);
    return 2;
  }
  const config = parseConfig();
  const create = values.init ?? false;
  // Logs go to stderr, so that stdout holds only the command's answer.
  const database = await openDatabase(config, createLogger("warn", process.stderr), { shareRunningEmbedded: true, create });
  try {
    console.error(`wharf: using ${database.description}`);
    const storage: Storage = { db: database.db, blobs: () => openBlobStore(config, create) };
    const answer = await command.run(storage, args, values);
    if (answer) console.log(answer);
    return 0;
  } finally {
    await database.close();
  }
}

function openBlobStore(config: Config, create: boolean): BlobStore {
  // A bucket is made by its operator, never by Wharf: only a blob folder can be missing.
  if (!config.s3 && !create && !fs.existsSync(config.blobDir)) throw new StorageMissingError(`There is no blob store in BLOB_DIR ${config.blobDir}`);
  const blobs = createBlobStore(config);
  console.error(`wharf: using ${blobs.description}`);
  return blobs;
}

const AGE = /^(\d+)(s|m|h|d)$/;
const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

function parseAge(age: string): number {
  const [, amount, unit] = AGE.exec(age)!;
  return Number(amount) * UNIT_MS[unit];
}

export function cliMain(): void {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      if (err instanceof StorageMissingError) {
        console.error(`${err.message}. Point DATA_DIR, DATABASE_URL or BLOB_DIR at the server's storage, or pass --init to make a new one.`);
      } else {
        console.error(err instanceof WharfError || err instanceof ConfigError ? err.message : err);
      }
      process.exit(1);
    },
  );
}
