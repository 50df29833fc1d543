// A real browser for tests: Debian's chromium driven by playwright-core, one per
// test file, with a fresh profile. Without /usr/bin/chromium the browser tests
// are skipped, unless WHARF_REQUIRE_BROWSER=1 (CI) makes that a failure.
// A failing browser test saves a screenshot under test/screenshots/.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { browserAvailable, CHROMIUM, LAUNCH_ARGS } from "./chromium";

const SCREENSHOTS = path.resolve(__dirname, "..", "screenshots");
const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

if (!browserAvailable && process.env.WHARF_REQUIRE_BROWSER === "1") {
  throw new Error(`WHARF_REQUIRE_BROWSER=1 but there is no browser at ${CHROMIUM} (apt-get install chromium)`);
}

/** `describe` when a browser is there, else `describe.skip`. */
export const describeInBrowser: jest.Describe = browserAvailable ? describe : describe.skip;

export interface Browser {
  /** A new page (tab) at this viewport size. */
  page(options?: { width?: number; height?: number; colorScheme?: "light" | "dark" }): Promise<Page>;
}

/** Starts one browser for the file's tests, and closes it after them. */
export function useBrowser(): Browser {
  let context: BrowserContext | undefined;
  let profile: string | undefined;
  const opened: Page[] = [];
  beforeAll(async () => {
    profile = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-chromium-"));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: LAUNCH_ARGS, viewport: { width: 1280, height: 900 } });
  });
  afterEach(async () => {
    for (const page of opened.splice(0)) await page.close().catch(() => undefined);
  });
  afterAll(async () => {
    await context?.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });
  return {
    async page({ width = 1280, height = 900, colorScheme = "light" } = {}) {
      const page = await context!.newPage();
      opened.push(page);
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme });
      return page;
    },
  };
}

/** A browser test: on failure, a screenshot of every open page is saved before the error is passed on. */
export function browserTest(name: string, browser: Browser, fn: (open: Browser["page"]) => Promise<void>, timeout?: number): void {
  it(
    name,
    async () => {
      const pages: Page[] = [];
      const open: Browser["page"] = async (options) => {
        const page = await browser.page(options);
        pages.push(page);
        return page;
      };
      try {
        await fn(open);
      } catch (err) {
        fs.mkdirSync(SCREENSHOTS, { recursive: true });
        const base = name.replace(/[^a-z0-9]+/gi, "-").slice(0, 80);
        for (const [i, page] of pages.entries()) {
          const file = path.join(SCREENSHOTS, `${base}-${i}.png`);
          await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
          (err as Error).message += `\n(screenshot: ${file}, at ${page.url()})`;
        }
        throw err;
      }
    },
    timeout,
  );
}

/** Counts the page's GraphQL requests from now on. */
export function countGraphqlRequests(page: Page): () => number {
  let count = 0;
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/graphql") count++;
  });
  return () => count;
}

/**
 * Opens a URL and waits until the page shows its data: its GraphQL answer came (when `data` is true), nothing shows
 * "Loading…", and no request is in flight. Returns the status of the page's own response.
 */
export async function visit(page: Page, url: string, { data = false } = {}): Promise<number> {
  const answered = data ? page.waitForResponse((r) => new URL(r.url()).pathname === "/graphql") : undefined;
  const response = await page.goto(url);
  await answered;
  // A function, not a string: the page's CSP forbids the eval a string predicate needs.
  await page.waitForFunction(() => !(globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector(".loading"));
  await page.waitForLoadState("networkidle");
  return response?.status() ?? 0;
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the page's CSP (script-src 'self') would refuse an injected <script>.
  await page.evaluate(AXE_SOURCE);
  // Browser-side code as a string: the tests compile without the DOM library (it would retype Node's fetch).
  const violations = await page.evaluate<AxeViolation[]>("axe.run({ resultTypes: ['violations'] }).then((result) => result.violations)");
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
}
