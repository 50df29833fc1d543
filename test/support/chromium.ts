// Debian's chromium as the tests and benchmarks launch it (playwright-core, no browser download).
import fs from "node:fs";

export const CHROMIUM = process.env.WHARF_CHROMIUM ?? "/usr/bin/chromium";

export const LAUNCH_ARGS = [
  "--headless",
  "--no-sandbox", // tests run as root
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const browserAvailable = fs.existsSync(CHROMIUM);
