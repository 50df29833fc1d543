// The web UI: first-load JavaScript (what index.html loads, gzipped; budget 200 KB) and the first contentful paint
// of a package page in Chromium (fresh profile each time, so nothing is cached), with when its README shows.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { CHROMIUM, LAUNCH_ARGS } from "../test/support/chromium";
import { startWharf } from "../test/support/server";
import { seedDemo } from "../test/support/web-seed";
import { WEB_DIST } from "../src/web/ui";

const RUNS = 5;
const BUDGET_KB = 200;

/** The scripts index.html loads at once (its entry and module preloads), gzipped, and its CSS. */
function firstLoad(): { jsGzip: number; cssGzip: number } {
  const html = fs.readFileSync(path.join(WEB_DIST, "index.html"), "utf8");
  const refs = (pattern: RegExp) => [...html.matchAll(pattern)].map((m) => path.join(WEB_DIST, m[1]));
  const gz = (files: string[]) => files.reduce((sum, file) => sum + gzipSync(fs.readFileSync(file), { level: 9 }).length, 0);
  const js = [...refs(/<script[^>]+src="([^"]+)"/g), ...refs(/<link rel="modulepreload"[^>]+href="([^"]+)"/g)];
  return { jsGzip: gz(js), cssGzip: gz(refs(/<link rel="stylesheet"[^>]+href="([^"]+)"/g)) };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function benchWeb(): Promise<Record<string, string>> {
  const { jsGzip, cssGzip } = firstLoad();
  const figures: Record<string, string> = {
    "web first-load JS gzipped KB": `${(jsGzip / 1024).toFixed(1)} (budget ${BUDGET_KB}${jsGzip / 1024 > BUDGET_KB ? ", OVER" : ""})`,
    "web first-load CSS gzipped KB": (cssGzip / 1024).toFixed(1),
  };
  const server = await startWharf({ WHARF_CHECK_RESPONSES: "false", WHARF_COUNT_SQL: "false" }, { keepLogs: false });
  try {
    await seedDemo(server.url, server.adminToken, "bench");
    const paints: number[] = [];
    const readmes: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const profile = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-bench-chromium-"));
      const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: LAUNCH_ARGS });
      try {
        const page = await context.newPage();
        await page.goto(`${server.url}/@bench/tools`);
        await page.locator(".readme h1").waitFor();
        const [fcp, readme] = await page.evaluate<[number, number]>(
          "[performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN, performance.now()]",
        );
        paints.push(fcp);
        readmes.push(readme);
      } finally {
        await context.close();
        fs.rmSync(profile, { recursive: true, force: true });
      }
    }
    figures["web package page first contentful paint ms"] = `${median(paints).toFixed(0)} (median of ${RUNS}, cold browser)`;
    figures["web package page README shown by ms"] = median(readmes).toFixed(0);
  } finally {
    await server.destroy();
  }
  return figures;
}
