// `npx wharf`: accounts and blob collection from the command line, beside a running server.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { query } from "./support/server";
import { signIn } from "./support/session";
import { uniqueName, useWharf } from "./support/world";

const world = useWharf();
const BIN = path.resolve(__dirname, "..", "bin", "wharf.js");
const external = process.env.DATABASE_URL;

function wharf(args: string[], env: Record<string, string> = {}, input?: string) {
  return spawnSync(process.execPath, [BIN, ...args], { env: { ...world.server.env, ...env }, encoding: "utf8", timeout: 120000, input });
}

/** The line the CLI writes first: which storage it opened. */
function storageLine(): string {
  return external
    ? `wharf: using the database ${world.server.databaseUrl}\n`
    : `wharf: using the embedded database in ${path.join(world.server.dataDir, "postgres")} (served by the running Wharf, pid ${world.server.pid()})\n`;
}

it("adds users and makes tokens that the running server accepts, saying which storage it used", async () => {
  const login = uniqueName("cli");
  const added = wharf(["user", "add", login, "--staff", "--name", "Cli Person"]);
  expect(added.stderr).toBe(storageLine());
  expect(added.status).toBe(0);
  const token = added.stdout.trim();
  expect(token).toMatch(/^wharf_\S+$/);

  const me = await world.anonymous.get("/api/user", { token });
  expect(me.body).toMatchObject({ login, name: "Cli Person", isStaff: true });

  const made = wharf(["token", "create", login]);
  expect(made.status).toBe(0);
  const second = made.stdout.trim();
  expect(second).not.toBe(token);
  expect((await world.anonymous.get("/api/user", { token: second })).body.login).toBe(login);
});

it("gives users passwords read from stdin, which sign in to the running server", async () => {
  const login = uniqueName("pw");
  const added = wharf(["user", "add", login, "--password"], {}, "first-password\n");
  expect([added.status, added.stdout]).toEqual([0, expect.stringMatching(/^wharf_\S+\n$/)]);
  expect(await signIn(world.server.url, login, "first-password")).toMatch(/^wharf_session=/);
  const [stored] = await query<{ password_hash: string }>(world.server.databaseUrl, `SELECT password_hash FROM users WHERE login = $1`, [login]);
  expect(stored.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);

  const changed = wharf(["user", "passwd", login.toUpperCase()], {}, "second-password\n");
  expect([changed.status, changed.stdout, changed.stderr]).toEqual([0, "", `${storageLine()}wharf: ${login}'s password is set\n`]);
  await expect(signIn(world.server.url, login, "first-password")).rejects.toThrow(/invalidCredentials/);
  expect(await signIn(world.server.url, login, "second-password")).toMatch(/^wharf_session=/);

  const short = wharf(["user", "passwd", login], {}, "short\n");
  expect([short.status, short.stderr]).toEqual([1, `${storageLine()}A password must be 8 to 1024 characters long.\n`]);
});

it("says what is wrong", () => {
  const taken = wharf(["user", "add", "admin"]);
  expect([taken.status, taken.stderr]).toEqual([1, `${storageLine()}A user with this login already exists.\n`]);
  const unknown = wharf(["token", "create", uniqueName("nobody")]);
  expect(unknown.status).toBe(1);
  expect(unknown.stderr).toMatch(/user was not found/);
  for (const args of [["user", "remove", "x"], ["user", "add"], ["blobs", "gc", "extra"], ["user", "add", "x", "--bogus"]]) {
    const usage = wharf(args);
    expect([args, usage.status]).toEqual([args, 2]);
    expect(usage.stderr).toMatch(/Usage:/);
  }
  const badAge = wharf(["blobs", "gc", "--older-than", "a day"]);
  expect([badAge.status, badAge.stderr]).toEqual([2, expect.stringMatching(/--older-than "a day": expected a number and a unit/)]);
});

describe("a storage that is not there", () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-cli-"));
    // The embedded database runs as "postgres" when tests run as root: it must be able to reach the folder.
    fs.chmodSync(dataDir, 0o755);
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("is never made quietly: an empty DATA_DIR is refused, and made only with --init", () => {
    const refused = wharf(["user", "add", "someone"], { DATA_DIR: dataDir, DATABASE_URL: "" });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(
      `There is no Wharf database in DATA_DIR ${dataDir}. Point DATA_DIR, DATABASE_URL or BLOB_DIR at the server's storage, or pass --init to make a new one.\n`,
    );
    expect(fs.readdirSync(dataDir)).toEqual([]);

    const made = wharf(["user", "add", "someone", "--init"], { DATA_DIR: dataDir, DATABASE_URL: "" });
    expect(made.stderr).toBe(`wharf: using the embedded database in ${path.join(dataDir, "postgres")}\n`);
    expect([made.status, made.stdout]).toEqual([0, expect.stringMatching(/^wharf_\S+\n$/)]);
    // Made once, it is found without --init.
    expect(wharf(["token", "create", "someone"], { DATA_DIR: dataDir, DATABASE_URL: "" }).status).toBe(0);
  });

  (external ? it : it.skip)("is never made quietly: a database without Wharf's tables is refused, and set up only with --init", async () => {
    const name = `wharf_cli_${randomBytes(6).toString("hex")}`;
    await query(external!, `CREATE DATABASE ${name}`);
    try {
      const url = new URL(external!);
      url.pathname = `/${name}`;
      const env = { DATA_DIR: dataDir, DATABASE_URL: url.toString() };
      const refused = wharf(["user", "add", "someone"], env);
      expect([refused.status, refused.stderr]).toEqual([1, expect.stringMatching(/^There is no Wharf database at DATABASE_URL .* --init to make a new one\.\n$/)]);
      expect(await query(url.toString(), "SELECT to_regclass('_prisma_migrations') AS t")).toEqual([{ t: null }]);
      const made = wharf(["user", "add", "someone", "--init"], env);
      expect([made.status, made.stderr]).toEqual([0, `wharf: using the database ${url}\n`]);
    } finally {
      await query(external!, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  });

  it("has its blobs collected only where they are", () => {
    const gc = wharf(["blobs", "gc"], { BLOB_DIR: path.join(dataDir, "nothing-here") });
    expect(gc.status).toBe(1);
    expect(gc.stderr).toMatch(new RegExp(`There is no blob store in BLOB_DIR ${path.join(dataDir, "nothing-here")}\\. .*--init`));
    expect(fs.existsSync(path.join(dataDir, "nothing-here"))).toBe(false);
  });
});
