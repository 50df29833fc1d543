// `npx wharf`: accounts from the command line, beside a running server.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { uniqueName, useWharf } from "./support/world";

const world = useWharf();
const BIN = path.resolve(__dirname, "..", "bin", "wharf.js");

function wharf(...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { env: world.server.env, encoding: "utf8", timeout: 60000 });
}

it("adds users and makes tokens that the running server accepts", async () => {
  const login = uniqueName("cli");
  const added = wharf("user", "add", login, "--staff", "--name", "Cli Person");
  expect(added.stderr).toBe("");
  expect(added.status).toBe(0);
  const token = added.stdout.trim();
  expect(token).toMatch(/^wharf_\S+$/);

  const me = await world.anonymous.get("/api/user", { token });
  expect(me.body).toMatchObject({ login, name: "Cli Person", isStaff: true });

  const made = wharf("token", "create", login);
  expect(made.status).toBe(0);
  const second = made.stdout.trim();
  expect(second).not.toBe(token);
  expect((await world.anonymous.get("/api/user", { token: second })).body.login).toBe(login);
});

it("says what is wrong", () => {
  const taken = wharf("user", "add", "admin");
  expect([taken.status, taken.stderr.trim()]).toEqual([1, "A user with this login already exists."]);
  const unknown = wharf("token", "create", uniqueName("nobody"));
  expect(unknown.status).toBe(1);
  expect(unknown.stderr).toMatch(/user was not found/);
  const usage = wharf("user", "remove", "x");
  expect(usage.status).toBe(2);
  expect(usage.stderr).toMatch(/Usage:/);
});
