// The pages that write (#13), in a real browser against one real Wharf: admin signs in with
// WHARF_ADMIN_PASSWORD and adds a user; that user makes a token and publishes with the real deno through
// /new and the device flow approved in the browser; scope settings, package settings, Atom stars and deletes.
// axe-core checks each new page once.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { atomAs, publishers } from "./support/atom";
import { browserTest, describeInBrowser, seriousAccessibilityViolations, useBrowser, visit } from "./support/browser";
import { graphql } from "./support/client";
import { makeGitBase } from "./support/git";
import { denoPublishInTerminal } from "./support/deno-terminal";
import { writeFiles } from "./support/packages";
import { signIn } from "./support/session";
import { publishJsr } from "./support/web-seed";
import { uniqueName, useWharf, type TestUser } from "./support/world";

// The browser first: its afterAll runs first too, so Chromium's keep-alive sockets are gone when the server
// drains (it would otherwise wait for them to time out).
const browser = useBrowser();
const ADMIN_PASSWORD = `admin-pw-${randomBytes(6).toString("hex")}`;
const gitBase = makeGitBase();
const world = useWharf({ WHARF_ADMIN_PASSWORD: ADMIN_PASSWORD, WHARF_GIT_BASE: gitBase });
afterAll(() => fs.rmSync(gitBase, { recursive: true, force: true }));
const url = (urlPath = "") => world.server.url + urlPath;

interface Person extends TestUser {
  password: string;
}

/** A user with a password as well as a token (a user may set a first password with a token). */
async function person(prefix: string, user?: TestUser): Promise<Person> {
  const made = user ?? (await world.user(prefix));
  const password = `pw-${randomBytes(8).toString("hex")}`;
  const set = await graphql(url(), `mutation($p: String!) { changePassword(newPassword: $p) }`, { p: password }, made.token);
  expect(set.errors).toBeUndefined();
  return { ...made, password };
}

/** The browser's session becomes this person's: signed in through GraphQL, as the sign-in form does. */
async function actAs(page: Page, who: Person): Promise<void> {
  const [name, value] = (await signIn(url(), who.login, who.password)).split("=");
  await page.context().clearCookies();
  await page.context().addCookies([{ name, value, url: url() }]);
}

/** Opens a page and waits for its data; with axe, checks it has no serious accessibility violation. */
async function openAt(page: Page, urlPath: string, { axe = false, data = true } = {}): Promise<void> {
  expect(await visit(page, url(urlPath), { data })).toBe(200);
  if (axe) expect(await seriousAccessibilityViolations(page)).toEqual([]);
}

const main = (page: Page) => page.locator("main").innerText();
const header = (page: Page) => page.getByRole("navigation", { name: "Account" }).innerText();

describeInBrowser("the pages that write", () => {
  browserTest("admin signs in and adds a user, who signs in, makes a token, and publishes a new package with deno through /new and /auth", browser, async (open) => {
    const page = await open();
    await page.context().clearCookies();
    // Admin signs in with the password from WHARF_ADMIN_PASSWORD, through the form.
    await openAt(page, "/sign-in", { axe: true });
    await page.getByLabel("Login").fill("admin");
    await page.getByLabel("Password").fill(ADMIN_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(url("/account"));
    await page.getByRole("heading", { name: "Add a user" }).waitFor();
    expect(await header(page)).toContain("admin");

    const login = uniqueName("sailor");
    const password = `pw-${randomBytes(8).toString("hex")}`;
    const addUser = page.getByRole("region", { name: "Add a user" });
    await addUser.getByLabel("Login").fill(login);
    await addUser.getByLabel("Password").fill(password);
    await addUser.getByRole("button", { name: "Add user" }).click();
    await page.getByText(`Added ${login}.`).waitFor();
    expect(await page.locator(".secret code").innerText()).toMatch(/^wharf_/);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(url("/"));
    await page.getByRole("link", { name: "Sign in" }).waitFor();

    // The new user signs in (from the header's link) and makes a token on /account.
    await page.getByRole("link", { name: "Sign in" }).click();
    await page.getByLabel("Login").fill(login);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(url("/account"));
    expect(await header(page)).toContain(login);
    await openAt(page, "/account");
    expect(await page.getByRole("heading", { name: "Add a user" }).count()).toBe(0);
    await page.getByLabel("Description").fill("laptop");
    await page.getByLabel("Expires in").selectOption("30");
    await page.getByRole("button", { name: "Create token" }).click();
    const secret = await page.locator(".secret code").innerText();
    expect(secret).toMatch(/^wharf_/);
    const row = page.locator("table.tokens tbody tr", { hasText: "laptop" });
    expect(await row.innerText()).toContain(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
    const me = await fetch(url("/api/user"), { headers: { authorization: `Bearer ${secret}` } });
    expect([me.status, ((await me.json()) as { login?: string }).login]).toEqual([200, login]);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // deno publish of a package whose scope does not exist yet: /new makes both, the browser approves deno's request.
    const scope = uniqueName("new");
    const dir = writeFiles({
      "deno.json": JSON.stringify({ name: `@${scope}/boat`, version: "1.0.0", exports: "./mod.ts", license: "MIT" }),
      "mod.ts": "export const boat = 1;\n",
    });
    const denoDir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-deno-"));
    const deno = denoPublishInTerminal(dir, { ...process.env, JSR_URL: `${url()}/`, DENO_DIR: denoDir, DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" });
    try {
      // deno asks for a token first (the device flow), then finds the package missing and links to /new.
      const code = (await deno.waitFor(/auth\?code=([A-Z]{4}-[A-Z]{4})/))[1];
      await openAt(page, `/auth?code=${code}`, { axe: true });
      expect(await main(page)).toContain(`publish @${scope}/boat@1.0.0`);
      await page.getByRole("button", { name: `Approve as ${login}` }).click();
      await page.getByText("Approved.").waitFor();

      const create = await deno.waitFor(/(https?:\/\/\S+\/new\?\S+)/);
      const createUrl = new URL(create[1]);
      expect(Object.fromEntries(createUrl.searchParams)).toEqual({ scope, package: "boat", from: "cli" });
      await openAt(page, `/new${createUrl.search}`, { axe: true, data: false });
      await page.getByRole("button", { name: "Create" }).click();
      await page.getByText(`Created @${scope}/boat.`).waitFor();
      expect(await main(page)).toContain("deno publish carries on by itself");
      expect([await deno.exited, deno.output()]).toEqual([0, expect.stringContaining(`Successfully published @${scope}/boat@1.0.0`)]);
    } finally {
      deno.kill();
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(denoDir, { recursive: true, force: true });
    }
    const version = await fetch(url(`/api/scopes/${scope}/packages/boat/versions/1.0.0`));
    expect(version.status).toBe(200);
    // The scope is the user's: they are its admin.
    const scopeInfo = await graphql(url(), `query($s: String!) { scope(name: $s) { members { nodes { isAdmin user { login } } } } }`, { s: scope });
    expect(scopeInfo.data.scope.members.nodes).toEqual([{ isAdmin: true, user: { login } }]);
  }, 180_000);

  browserTest("/auth: without a session, a pasted token still answers (a wrong one is refused), and the request is gone after", browser, async (open) => {
    const alice = await world.user("tok");
    const start = await fetch(url("/api/authorizations"), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ challenge: createHash("sha256").update("verifier").digest("base64") }) });
    const flow = (await start.json()) as { code: string };
    expect(start.status).toBe(200);
    const page = await open();
    await page.context().clearCookies();
    await openAt(page, `/auth?code=${flow.code}`);
    expect(await main(page)).toContain("everything you may do");
    await page.getByText("No account in this browser? Answer with a token").click();
    await page.getByLabel("Your Wharf token").fill("wharf_not-a-token");
    await page.getByRole("button", { name: "Deny", exact: true }).click();
    await page.getByRole("alert").waitFor();
    await page.getByLabel("Your Wharf token").fill(alice.token);
    await page.getByRole("button", { name: "Deny", exact: true }).click();
    await page.getByText("Denied.").waitFor();
    await openAt(page, `/auth?code=${flow.code}`);
    expect(await main(page)).toContain("There is no pending request");
  });

  browserTest("scope settings: an admin invites a user, who accepts on /account; admin toggle, remove, quotas, refusals", browser, async (open) => {
    const owner = await person("cap");
    const mate = await person("mate");
    const scope = uniqueName("crew");
    expect((await owner.api.post("/api/scopes", { body: { scope } })).status).toBe(200);
    const page = await open();
    await actAs(page, owner);
    await openAt(page, `/@${scope}`);
    await page.getByRole("link", { name: "Scope settings" }).click();
    await page.getByRole("heading", { name: "Members" }).waitFor();
    expect(await main(page)).toMatch(/Packages\s+0 \/ 100/);
    expect(await main(page)).toContain("The server's staff set the limits.");
    // A refusal shows the error catalogue's message.
    await page.getByLabel("Invite by login").fill(uniqueName("ghost"));
    await page.getByRole("button", { name: "Invite", exact: true }).click();
    expect(await page.getByRole("alert").innerText()).toContain("The requested user was not found.");
    await page.getByLabel("Invite by login").fill(mate.login);
    await page.getByRole("button", { name: "Invite", exact: true }).click();
    await page.getByText(`${mate.login} invited by ${owner.login}`).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await actAs(page, mate);
    await openAt(page, "/account");
    await page.getByRole("button", { name: `Accept the invitation to @${scope}` }).click();
    await page.getByRole("heading", { name: "Invitations" }).waitFor({ state: "detached" });
    await page.getByRole("link", { name: `@${scope}` }).waitFor();
    await openAt(page, `/@${scope}/~/settings`);
    expect(await main(page)).toContain("Only the scope's admins may manage it.");

    await actAs(page, owner);
    await openAt(page, `/@${scope}/~/settings`);
    await page.getByRole("button", { name: `Make ${mate.login} an admin` }).click();
    await page.getByRole("button", { name: `Make ${mate.login} a member` }).waitFor();
    await page.getByRole("button", { name: `Remove ${mate.login}` }).click();
    await page.getByRole("button", { name: `Remove ${mate.login}` }).waitFor({ state: "detached" });
    const members = await graphql(url(), `query($s: String!) { scope(name: $s) { members { nodes { user { login } } } } }`, { s: scope });
    expect(members.data.scope.members.nodes).toEqual([{ user: { login: owner.login } }]);

    // Staff change the limits; a bad one is refused with the catalogue's message.
    await actAs(page, await person("staff", await world.user("staff", { isStaff: true })));
    await openAt(page, `/@${scope}/~/settings`);
    await page.getByLabel("Packages limit").fill("-1");
    await page.getByRole("button", { name: "Save limits" }).click();
    expect(await page.getByRole("alert").innerText()).toContain("packageLimit must be a whole number");
    await page.getByLabel("Packages limit").fill("5");
    await page.getByRole("button", { name: "Save limits" }).click();
    await page.getByText("Limits saved.").waitFor();
    await page.locator(".counts dd", { hasText: "0 / 5" }).waitFor();
  });

  browserTest("package settings: description and runtimes saved, deletion refused with versions and done without; yank and unyank", browser, async (open) => {
    const owner = await person("pkg");
    const scope = uniqueName("ship");
    await publishJsr(url(), owner.token, { scope, name: "hull", version: "1.0.0" });
    await publishJsr(url(), owner.token, { scope, name: "hull", version: "1.1.0" });
    const page = await open();
    page.on("dialog", (dialog) => void dialog.accept());
    await actAs(page, owner);
    await openAt(page, `/@${scope}/hull`);
    await page.getByRole("link", { name: "Settings" }).click();
    await page.waitForURL(url(`/@${scope}/hull/settings`));
    await page.getByLabel("Description").fill("A sturdy hull");
    await page.getByLabel("Deno", { exact: true }).selectOption("yes");
    await page.getByLabel("Node.js", { exact: true }).selectOption("no");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Settings saved.").waitFor();
    const saved = await graphql(url(), `query($s: String!) { package(ecosystem: JSR, scope: $s, name: "hull") { description ... on JsrPackage { runtimeCompat } } }`, { s: scope });
    expect(saved.data.package).toEqual({ description: "A sturdy hull", runtimeCompat: { deno: true, node: false, bun: null, browser: null, workerd: null } });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole("button", { name: `Delete @${scope}/hull` }).click();
    expect(await page.getByRole("alert").innerText()).toContain("Only empty packages may be deleted.");

    await page.getByRole("link", { name: /^Versions/ }).click();
    await page.getByRole("button", { name: "Yank 1.0.0" }).click();
    await page.getByRole("button", { name: "Unyank 1.0.0" }).waitFor();
    expect(await page.locator("tbody tr", { hasText: "1.0.0" }).innerText()).toContain("yanked");
    await page.getByRole("button", { name: "Unyank 1.0.0" }).click();
    await page.getByRole("button", { name: "Yank 1.0.0" }).waitFor();

    expect((await owner.api.post(`/api/scopes/${scope}/packages`, { body: { package: "empty" } })).status).toBe(200);
    await openAt(page, `/@${scope}/empty/settings`);
    await page.getByRole("button", { name: `Delete @${scope}/empty` }).click();
    await page.waitForURL(url(`/@${scope}`));
    expect((await fetch(url(`/api/scopes/${scope}/packages/empty`))).status).toBe(404);
  });

  browserTest("Atom: star and unstar; the owner deletes a version, then the package", browser, async (open) => {
    const publisher = await publishers(world, gitBase)();
    expect((await world.anonymous.post(`/atom/api/packages?repository=${publisher.repo}`, { headers: atomAs(publisher.user) })).status).toBe(201);
    const fan = await person("fan");
    const page = await open();
    page.on("dialog", (dialog) => void dialog.accept());
    await actAs(page, fan);
    await openAt(page, `/atom/packages/${publisher.name}`, { axe: true });
    expect(await page.getByRole("button", { name: /^Delete/ }).count()).toBe(0);
    await page.getByRole("button", { name: "☆ Star" }).click();
    await page.getByRole("button", { name: "★ Starred" }).waitFor();
    expect(await main(page)).toContain("1 stars");
    await page.getByRole("button", { name: "★ Starred" }).click();
    await page.getByRole("button", { name: "☆ Star" }).waitFor();
    expect(await main(page)).toContain("0 stars");

    const owner = await person("own", publisher.user);
    await actAs(page, owner);
    await openAt(page, `/atom/packages/${publisher.name}`);
    // Publishing took the newest tag only: 1.1.0.
    await page.getByRole("button", { name: "Delete 1.1.0" }).click();
    await page.getByRole("button", { name: "Delete 1.1.0" }).waitFor({ state: "detached" });
    expect(await main(page)).toContain("Versions (0)");
    await page.getByRole("button", { name: `Delete ${publisher.name}` }).click();
    await page.waitForURL(url("/account"));
    expect((await fetch(url(`/atom/api/packages/${publisher.name}`))).status).toBe(404);
  });
});
