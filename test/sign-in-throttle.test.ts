// Wrong passwords are throttled per login and per address, in the database (so across processes), and the
// session cookie of an https Wharf is Secure.
import { randomBytes } from "node:crypto";
import { query, startWharf, type WharfProcess } from "./support/server";
import { graphqlAs, setCookies, SIGN_IN, type HttpReply } from "./support/session";
import { uniqueName, useWharf } from "./support/world";

const ADMIN_PASSWORD = `admin-pw-${randomBytes(6).toString("hex")}`;
// Behind a proxy on this machine (WHARF_TRUST_PROXY=loopback): requests without X-Forwarded-For are counted by their peer.
const world = useWharf({ WHARF_ADMIN_PASSWORD: ADMIN_PASSWORD, PUBLIC_URL: "https://registry.example", WHARF_TRUST_PROXY: "loopback" });
const url = () => world.server.url;

/** Each test signs in from addresses of its own, so that one test's failures never throttle another's. */
let nextAddress = 10;
const freshAddress = () => `127.0.0.${nextAddress++}`;

async function person(): Promise<{ login: string; password: string }> {
  const login = uniqueName("t");
  const password = `pw-${randomBytes(8).toString("hex")}`;
  const made = await graphqlAs(url(), `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`, { input: { login, password } }, { token: world.server.adminToken });
  expect(made.json.errors).toBeUndefined();
  return { login, password };
}

const attempt = (login: string, password: string, from: string, base = url(), headers: Record<string, string> = {}) =>
  graphqlAs(base, SIGN_IN, { login, password }, { from, headers });
const codeOf = (reply: HttpReply) => reply.json.errors?.[0]?.extensions?.code ?? "signedIn";

function expectThrottled(reply: HttpReply): void {
  expect([reply.status, codeOf(reply)]).toEqual([429, "tooManySignInAttempts"]);
  expect(reply.json.errors[0].message).toBe("Too many failed sign-ins for this account or from this address. Try again later.");
  const retryAfter = Number(reply.headers["retry-after"]);
  expect(retryAfter).toBeGreaterThan(14 * 60);
  expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  expect(reply.headers["set-cookie"]).toBeUndefined();
}

it("sets a Secure, __Host- cookie when PUBLIC_URL is https", async () => {
  const reply = await attempt("admin", ADMIN_PASSWORD, freshAddress());
  const line = setCookies(reply)["__Host-wharf_session"];
  expect(line).toMatch(/^__Host-wharf_session=[A-Za-z0-9_-]{43}; Path=\/; Expires=[^;]+; HttpOnly; Secure; SameSite=Lax$/);
  const viewer = await graphqlAs(url(), `{ viewer { login } }`, {}, { cookie: line.split(";")[0] });
  expect(viewer.json.data.viewer).toEqual({ login: "admin" });
});

it("refuses the tenth wrong password for an account, from any address and across processes, and then the right one too", async () => {
  const alice = await person();
  for (let i = 1; i <= 5; i++) expect(codeOf(await attempt(alice.login, `wrong-${i}-password`, freshAddress()))).toBe("invalidCredentials");
  // Another process on the same database counts on (the embedded database is one process's: the same Wharf, restarted).
  let other: WharfProcess | undefined;
  if (process.env.DATABASE_URL) other = await startWharf({ PUBLIC_URL: "https://registry.example" }, { sharing: world.server });
  else await world.server.restart();
  const base = other?.url ?? url();
  try {
    for (let i = 6; i <= 9; i++) expect(codeOf(await attempt(alice.login, `wrong-${i}-password`, freshAddress(), base))).toBe("invalidCredentials");
    expectThrottled(await attempt(alice.login, "wrong-10-password", freshAddress(), base));
    expectThrottled(await attempt(alice.login, alice.password, freshAddress(), base));
    expectThrottled(await attempt(alice.login.toUpperCase(), alice.password, freshAddress()));
  } finally {
    await other?.stop();
  }
  // Someone else signs in from the same addresses as before.
  const bob = await person();
  expect(codeOf(await attempt(bob.login, bob.password, `127.0.0.${nextAddress - 1}`))).toBe("signedIn");

  // Once the failures are 15 minutes old (aged here in the database), the account may sign in again.
  await query(world.server.databaseUrl, `UPDATE sign_in_failures SET created_at = created_at - interval '15 minutes' WHERE key = $1`, [`login:${alice.login}`]);
  expect(codeOf(await attempt(alice.login, alice.password, freshAddress()))).toBe("signedIn");
});

it("refuses the tenth wrong password from one address, whatever the logins, and then everyone from there", async () => {
  const address = freshAddress();
  const carol = await person();
  for (let i = 1; i <= 9; i++) expect(codeOf(await attempt(uniqueName("x"), "some-password", address))).toBe("invalidCredentials");
  expectThrottled(await attempt(uniqueName("x"), "some-password", address));
  expectThrottled(await attempt(carol.login, carol.password, address));
  expect(codeOf(await attempt(carol.login, carol.password, freshAddress()))).toBe("signedIn");
});

it("behind a trusted proxy, counts the client's address from X-Forwarded-For", async () => {
  const peer = freshAddress();
  const viaProxy = (login: string, password: string, client: string) => attempt(login, password, peer, url(), { "x-forwarded-for": client });
  for (let i = 1; i <= 9; i++) expect(codeOf(await viaProxy(uniqueName("x"), "some-password", "203.0.113.7"))).toBe("invalidCredentials");
  expectThrottled(await viaProxy(uniqueName("x"), "some-password", "203.0.113.7"));
  // Another client behind the same proxy is not.
  const erin = await person();
  expect(codeOf(await viaProxy(erin.login, erin.password, "203.0.113.8"))).toBe("signedIn");
});

it("counts a burst of guesses made at once: no more than ten are checked", async () => {
  const dave = await person();
  const replies = await Promise.all(Array.from({ length: 25 }, (_, i) => attempt(dave.login, `guess-${i}-password`, freshAddress())));
  const codes = replies.map(codeOf);
  expect(codes.filter((c) => c === "invalidCredentials").length).toBeLessThanOrEqual(9);
  expect(codes.filter((c) => c === "tooManySignInAttempts").length).toBeGreaterThanOrEqual(16);
  expect(codes.filter((c) => c !== "invalidCredentials" && c !== "tooManySignInAttempts")).toEqual([]);
  const [{ count }] = await query<{ count: string }>(world.server.databaseUrl, `SELECT count(*) FROM sign_in_failures WHERE key = $1`, [`login:${dave.login}`]);
  // Attempts refused unchecked are not counted: the wrong passwords checked, and only those, stay counted.
  expect(Number(count)).toBeLessThanOrEqual(10);
  expect(Number(count)).toBeGreaterThanOrEqual(codes.filter((c) => c === "invalidCredentials").length);
});
