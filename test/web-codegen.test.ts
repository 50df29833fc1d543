// The UI's typed GraphQL documents (web/src/gql) are generated from schema.graphql and the graphql(`...`) calls in
// web/src: after a change to either, `npm run codegen` must be run and its output committed.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const COMMITTED = path.join(ROOT, "web", "src", "gql");

it("web/src/gql is what npm run codegen writes", () => {
  const fresh = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-codegen-"));
  try {
    execFileSync(process.execPath, [path.join(ROOT, "web", "codegen.mjs"), fresh], { cwd: ROOT, stdio: "pipe" });
    const names = fs.readdirSync(fresh).sort();
    expect(fs.readdirSync(COMMITTED).sort()).toEqual(names);
    for (const name of names) {
      const stale = fs.readFileSync(path.join(COMMITTED, name), "utf8") !== fs.readFileSync(path.join(fresh, name), "utf8");
      if (stale) throw new Error(`web/src/gql/${name} is stale: run npm run codegen and commit the result`);
    }
  } finally {
    fs.rmSync(fresh, { recursive: true, force: true });
  }
});
