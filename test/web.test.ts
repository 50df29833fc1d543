// The web UI in a real browser (chromium through playwright-core) against a real
// Wharf: packages published through the real APIs (deno itself for one), pages
// opened as a person would, what they show asserted; one GraphQL request per
// page, axe-core finds no serious violation, pages fit 375 px.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Page } from "playwright-core";
import { atomAs, publishers } from "./support/atom";
import { browserTest, countGraphqlRequests, describeInBrowser, seriousAccessibilityViolations, useBrowser, visit } from "./support/browser";
import { graphql } from "./support/client";
import { makeGitBase } from "./support/git";
import { writeFiles } from "./support/packages";
import { seedDemo } from "./support/web-seed";
import { uniqueName, useWharf, type TestUser } from "./support/world";

const gitBase = makeGitBase();
const world = useWharf({ WHARF_GIT_BASE: gitBase });
afterAll(() => fs.rmSync(gitBase, { recursive: true, force: true }));
const browser = useBrowser();
const DENO = path.resolve(__dirname, "..", "node_modules", "deno", "deno");

let scope: string;
let owner: TestUser;
beforeAll(async () => {
  owner = await world.user("web");
  scope = uniqueName("hb");
  await seedDemo(world.server.url, owner.token, scope);
  const yank = await graphql(world.server.url, `mutation($s: String!) { yankVersion(scope: $s, name: "tools", version: "1.0.0") { yanked } }`, { s: scope }, owner.token);
  expect(yank.errors).toBeUndefined();
});

/** Opens the path and checks what every page must be: one GraphQL request, no serious axe violation. */
async function openPage(open: (o?: { width?: number }) => Promise<Page>, urlPath: string, options: { width?: number; axe?: boolean } = {}): Promise<Page> {
  const page = await open({ width: options.width });
  const requests = countGraphqlRequests(page);
  expect(await visit(page, world.server.url + urlPath, { data: true })).toBe(200);
  expect(requests()).toBe(1);
  // axe takes a second or two a page: each kind of page is checked once (tabs share their page's frame).
  if (options.axe !== false) expect(await seriousAccessibilityViolations(page)).toEqual([]);
  return page;
}

const text = (page: Page, selector = "main") => page.locator(selector).innerText();

describeInBrowser("the web UI", () => {
  browserTest("home: counts and newest packages of both ecosystems; / focuses the search box, which finds a package", browser, async (open) => {
    const page = await openPage(open, "/");
    expect(await text(page, ".counts")).toMatch(/Packages\s+\d+/);
    await page.getByRole("link", { name: `@${scope}/tools` }).first().waitFor();
    await page.keyboard.press("/");
    expect(await page.evaluate("document.activeElement?.getAttribute('aria-label')")).toBe("Search packages");
    await page.keyboard.type("tools");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/search\?q=/);
    await page.getByRole("link", { name: `@${scope}/tools` }).waitFor();
    expect(await text(page)).toContain("Helpers for moving data between ships and shores");
  });

  browserTest("search: ranked results, filtered by ecosystem", browser, async (open) => {
    const page = await openPage(open, "/search?q=o&ecosystem=jsr");
    const names = await page.locator(".package-name").allInnerTexts();
    expect(names).toEqual(expect.arrayContaining([`@${scope}/cli`, `@${scope}/tools`]));
    const atomOnly = await openPage(open, "/search?q=harbour&ecosystem=atom", { axe: false });
    expect(await text(atomOnly)).toContain("No package matches.");
  });

  browserTest("package: README, exports, files, deno add with a copy button, and the tabs", browser, async (open) => {
    const page = await openPage(open, `/@${scope}/tools`);
    const main = await text(page);
    expect(await page.locator(".readme h1").innerText()).toBe("Harbour tools");
    expect(main).toContain("1.1.0");
    expect(main).toContain("./tide");
    expect(main).toContain("/docs/guide.md");
    expect(await page.getByRole("link", { name: "the guide" }).getAttribute("href")).toBe(`/@${scope}/tools/1.1.0/docs/guide.md`);
    expect(await text(page, ".copy-line code")).toBe(`deno add jsr:@${scope}/tools`);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.getByRole("button", { name: "Copy the deno add command" }).click();
    expect(await page.evaluate("navigator.clipboard.readText()")).toBe(`deno add jsr:@${scope}/tools`);

    const versions = await openPage(open, `/@${scope}/tools/versions`);
    const rows = await versions.locator("tbody tr").allInnerTexts();
    expect(rows.map((r) => r.split(/\s+/)[0])).toEqual(["1.1.0", "1.0.0"]);
    expect(rows[1]).toContain("yanked");

    const dependents = await openPage(open, `/@${scope}/tools/dependents`, { axe: false });
    await dependents.getByRole("link", { name: `@${scope}/cli` }).waitFor();

    const dependencies = await openPage(open, `/@${scope}/cli/dependencies`, { axe: false });
    await dependencies.getByRole("link", { name: `jsr:@${scope}/tools` }).click();
    await dependencies.waitForURL(`${world.server.url}/@${scope}/tools`);
  });

  browserTest("a version page, and its files with line numbers while deno still gets the bytes", browser, async (open) => {
    const page = await openPage(open, `/@${scope}/tools@1.0.0`, { axe: false });
    expect(await text(page)).toContain("This version is yanked");
    await page.getByRole("link", { name: "/mod.ts", exact: true }).click();
    await page.waitForURL(`${world.server.url}/@${scope}/tools/1.0.0/mod.ts`);
    await page.locator(".source").waitFor();
    expect(await page.locator(".line-number").allInnerTexts()).toEqual(["1", "2", "3", "4"]);
    expect(await page.locator(".line").first().innerText()).toBe("/** Docks a ship. */");
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The same address, as deno asks for it: the file's bytes, marked so a browser never runs or sniffs them.
    const bytes = await fetch(`${world.server.url}/@${scope}/tools/1.0.0/mod.ts`);
    expect(bytes.headers.get("content-type")).toBe("text/typescript");
    expect(bytes.headers.get("vary")).toBe("Accept, Origin");
    expect(bytes.headers.get("x-content-type-options")).toBe("nosniff");
    expect(bytes.headers.get("content-security-policy")).toBe("sandbox");
    expect(await bytes.text()).toMatch(/^\/\*\* Docks a ship\. \*\/\nexport async function dock/);
    // The page's raw link gives a browser the bytes too.
    const raw = await open();
    await raw.goto(`${world.server.url}/@${scope}/tools/1.0.0/mod.ts?raw`);
    expect(await raw.locator("body").innerText()).toMatch(/^\/\*\* Docks a ship/);
    // meta.json stays JSON even for a browser.
    const meta = await open();
    await meta.goto(`${world.server.url}/@${scope}/tools/meta.json`);
    expect(JSON.parse(await meta.locator("body").innerText())).toMatchObject({ scope, name: "tools", latest: "1.1.0" });
  });

  browserTest("follows the link deno publish prints to the package's page", browser, async (open) => {
    await owner.api.post(`/api/scopes/${scope}/packages`, { body: { package: "fresh" } });
    const dir = writeFiles({
      "deno.json": JSON.stringify({ name: `@${scope}/fresh`, version: "0.3.0", exports: "./mod.ts", license: "MIT" }),
      "mod.ts": "export const fresh = true;\n",
      "README.md": "# Fresh from deno\n",
    });
    const denoDir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-deno-"));
    try {
      const env = { ...process.env, JSR_URL: `${world.server.url}/`, DENO_DIR: denoDir, DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" };
      const { stdout, stderr } = await promisify(execFile)(DENO, ["publish", "--token", owner.token], { cwd: dir, env, timeout: 120_000 });
      const link = /Visit (\S+) for details/.exec(stdout + stderr)?.[1];
      expect(link).toBe(`${world.server.url}/@${scope}/fresh@0.3.0`);
      const page = await open();
      expect(await visit(page, link!)).toBe(200);
      expect(await page.locator(".readme h1").innerText()).toBe("Fresh from deno");
      expect(await text(page, ".package-header h1")).toContain("0.3.0");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(denoDir, { recursive: true, force: true });
    }
  });

  browserTest("Atom package: README, versions, stars and stargazers, and the download chart from real downloads", browser, async (open) => {
    const { user, name, repo } = await publishers(world, gitBase)();
    expect((await world.anonymous.post(`/atom/api/packages?repository=${repo}`, { headers: atomAs(user) })).status).toBe(201);
    for (let i = 0; i < 3; i++) {
      const download = await fetch(`${world.server.url}/atom/api/packages/${name}/versions/1.1.0/tarball`);
      expect(download.status).toBe(200);
      await download.arrayBuffer();
    }
    const fan = await world.user("fan");
    expect((await world.anonymous.post(`/atom/api/packages/${name}/star`, { headers: atomAs(fan) })).status).toBe(200);

    const page = await openPage(open, `/atom/packages/${name}`);
    const main = await text(page);
    expect(await text(page, ".copy-line code")).toBe(`apm install ${name}`);
    expect(main).toContain("3 downloads · 1 stars");
    expect(main).toContain("Versions (1)");
    expect(main).toContain("1.1.0");
    await page.getByRole("link", { name: fan.login }).waitFor();
    const today = new Date().toISOString().slice(0, 10);
    const bars = page.locator(".chart rect.bar");
    expect(await bars.count()).toBe(30);
    expect(await page.locator(`.chart rect[data-date="${today}"]`).getAttribute("data-count")).toBe("3");
    expect(await page.locator(".chart svg").getAttribute("aria-label")).toMatch(/^3 downloads from /);

    const profile = await openPage(open, `/user/${fan.login}`);
    await profile.getByRole("link", { name }).waitFor();
    expect(await text(profile)).toContain("Stars (1)");
    const ownerPage = await openPage(open, `/user/${user.login}`, { axe: false });
    await ownerPage.getByRole("link", { name }).waitFor();
  });

  browserTest("scope and user pages list their packages", browser, async (open) => {
    const page = await openPage(open, `/@${scope}`);
    expect((await page.locator(".package-name").allInnerTexts()).sort()).toEqual(expect.arrayContaining([`@${scope}/cli`, `@${scope}/tools`]));
    const user = await openPage(open, `/user/${owner.login}`, { axe: false });
    await user.getByRole("link", { name: `@${scope}/tools` }).waitFor();
  });

  browserTest("a friendly 404, for unknown addresses and unknown packages", browser, async (open) => {
    const page = await open();
    expect(await visit(page, `${world.server.url}/no/such/page`)).toBe(404);
    expect(await text(page, "h1")).toBe("Nothing here");
    const missing = await openPage(open, `/@${scope}/nope`);
    expect(await text(missing)).toContain(`There is no package @${scope}/nope.`);
    // Non-browsers still get the API's JSON 404.
    expect((await fetch(`${world.server.url}/no/such/page`)).headers.get("content-type")).toMatch(/^application\/json/);
  });

  browserTest("pages fit 375 px", browser, async (open) => {
    for (const urlPath of ["/", `/@${scope}/tools`, `/@${scope}/tools/1.1.0/mod.ts`, `/search?q=${scope}`]) {
      const page = await openPage(open, urlPath, { width: 375, axe: false });
      const overflow = await page.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth");
      expect([urlPath, overflow]).toEqual([urlPath, 0]);
    }
  });

  browserTest("GraphiQL is bundled: it loads from Wharf alone and runs a query", browser, async (open) => {
    const page = await open();
    const foreign: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(world.server.url) && !request.url().startsWith("data:")) foreign.push(request.url());
    });
    expect(await visit(page, `${world.server.url}/graphiql?query=${encodeURIComponent("{ stats { scopeCount } }")}`)).toBe(200);
    await page.locator(".graphiql-query-editor .CodeMirror").waitFor();
    const reply = page.waitForResponse((r) => r.url().endsWith("/graphql") && r.request().postData()?.includes("scopeCount") === true);
    await page.getByRole("button", { name: /execute query/i }).click();
    expect(await (await reply).json()).toMatchObject({ data: { stats: { scopeCount: expect.any(Number) } } });
    await page.locator(".result-window").getByText('"scopeCount"').waitFor();
    expect(foreign).toEqual([]);
  });
});
