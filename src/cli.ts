// `npx wharf ...`: account administration for people who script their setup.
// It works on the same storage as the server (DATA_DIR or DATABASE_URL), and
// beside a running server on an embedded database.
import { parseArgs } from "node:util";
import { ConfigError, parseConfig } from "./config";
import { WharfError } from "./errors";
import { createLogger } from "./logger";
import { openDatabase, type Db } from "./storage/database";
import { issueToken } from "./services/tokens";
import { addUser, getUserByLogin } from "./services/users";

const USAGE = `Usage:
  wharf user add <login> [--staff] [--name <name>]   add a user; prints their first token
  wharf token create <login> [--description <text>]  make a new token for a user; prints it

Storage comes from the environment, as for \`npm start\`: DATABASE_URL, or the embedded database under DATA_DIR (default ./data).`;

type Command = (db: Db, login: string, flags: Flags) => Promise<string>;
interface Flags {
  staff?: boolean;
  name?: string;
  description?: string;
}

const COMMANDS: Record<string, Command> = {
  "user add": async (db, login, flags) => {
    const { secret } = await addUser(db, { login, name: flags.name, isStaff: flags.staff });
    return secret;
  },
  "token create": async (db, login, flags) => {
    const user = await getUserByLogin(db, login);
    const { secret } = await issueToken(db, user.id, { description: flags.description ?? "made with wharf token create" });
    return secret;
  },
};

export async function runCli(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { staff: { type: "boolean" }, name: { type: "string" }, description: { type: "string" }, help: { type: "boolean" } },
  });
  const command = COMMANDS[positionals.slice(0, 2).join(" ")];
  const login = positionals[2];
  if (values.help || !command || !login || positionals.length > 3) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const config = parseConfig();
  // Logs go to stderr, so that stdout holds only the token.
  const database = await openDatabase(config, createLogger("warn", process.stderr), { shareRunningEmbedded: true });
  try {
    console.log(await command(database.db, login, values));
    return 0;
  } finally {
    await database.close();
  }
}

export function cliMain(): void {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(err instanceof WharfError || err instanceof ConfigError ? err.message : err);
      process.exit(1);
    },
  );
}
