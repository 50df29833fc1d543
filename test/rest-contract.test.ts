// src/rest/contract.ts types every REST handler by openapi.yaml: it must be what
// `npm run contract:emit` makes of the document as it is.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

it("src/rest/contract.ts is generated from openapi.yaml (npm run contract:emit)", () => {
  const root = path.resolve(__dirname, "..");
  const cli = path.join(root, "node_modules", "openapi-typescript", "bin", "cli.js");
  const emitted = execFileSync(process.execPath, [cli, "openapi.yaml"], { cwd: root, stdio: ["ignore", "pipe", "ignore"] }).toString();
  expect(fs.readFileSync(path.join(root, "src", "rest", "contract.ts"), "utf8")).toBe(emitted);
});
