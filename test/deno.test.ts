// End to end with the real deno: `deno publish` to Wharf, then `deno run` of
// code that imports the published packages from it.
import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { writeFiles } from "./support/packages";
import { uniqueName, useWharf } from "./support/world";

const world = useWharf();
const DENO = path.resolve(__dirname, "..", "node_modules", "deno", "deno");
const run = promisify(execFile);

// deno refuses versions younger than a day unless told otherwise; these are seconds old.
const FRESH_VERSIONS_OK = { minimumDependencyAge: 0 };

let denoDir: string;
beforeAll(() => {
  denoDir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-deno-"));
});
afterAll(() => fs.rmSync(denoDir, { recursive: true, force: true }));

const denoEnv = () => ({ ...process.env, JSR_URL: `${world.server.url}/`, DENO_DIR: denoDir, DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" });

async function deno(cwd: string, ...args: string[]) {
  const env = denoEnv();
  try {
    return await run(DENO, args, { cwd, env, timeout: 120_000 });
  } catch (err) {
    const { stdout, stderr } = err as { stdout: string; stderr: string };
    throw new Error(`deno ${args.join(" ")} failed:\n${stdout}\n${stderr}`);
  }
}

it("publishes with deno publish and runs with deno run", async () => {
  const alice = await world.user("deno");
  const scope = uniqueName("d");
  await alice.api.post("/api/scopes", { body: { scope } });
  await alice.api.post(`/api/scopes/${scope}/packages`, { body: { package: "greet" } });
  await alice.api.post(`/api/scopes/${scope}/packages`, { body: { package: "shout" } });

  const greet = writeFiles({
    "deno.json": JSON.stringify({ name: `@${scope}/greet`, version: "1.0.0", exports: "./mod.ts", license: "MIT" }),
    "mod.ts": "/**\n * Greetings.\n * @module\n */\n/** Greets someone by name. */\nexport function greet(name: string): string {\n  return `Hello, ${name}!`;\n}\n",
  });
  const published = await deno(greet, "publish", "--token", alice.token);
  expect(published.stderr + published.stdout).toContain(`Successfully published @${scope}/greet@1.0.0`);
  // Its docs, made at publish by deno doc, and the score they earn (module docs, every symbol documented, no slow types).
  const docs = await world.anonymous.get(`/api/scopes/${scope}/packages/greet/versions/1.0.0/docs?symbol=greet`);
  expect(docs.body.main).toMatchObject({ kind: "symbol", value: { symbol: { name: "greet", declarations: [{ jsDoc: { doc: "Greets someone by name." } }] } } });
  const score = await world.anonymous.get(`/api/scopes/${scope}/packages/greet/score`);
  expect(score.body).toMatchObject({ hasReadme: true, allEntrypointsDocs: true, percentageDocumentedSymbols: 1, allFastCheck: true, total: 2 + 1 + 5 + 5 });

  const shout = writeFiles({
    "deno.json": JSON.stringify({ name: `@${scope}/shout`, version: "0.1.0", exports: "./mod.ts", license: "MIT", ...FRESH_VERSIONS_OK }),
    "mod.ts": `import { greet } from "jsr:@${scope}/greet@^1.0.0";\nexport function shout(name: string): string {\n  return greet(name).toUpperCase();\n}\n`,
  });
  await deno(shout, "publish", "--token", alice.token);

  const dependents = await world.anonymous.get(`/api/scopes/${scope}/packages/greet/dependents`);
  expect(dependents.body).toEqual({ items: [{ scope, package: "shout", versions: ["0.1.0"], totalVersions: 1 }], total: 1 });

  const app = writeFiles({
    "deno.json": JSON.stringify(FRESH_VERSIONS_OK),
    "main.ts": `import { shout } from "jsr:@${scope}/shout";\nconsole.log(shout("wharf"));\n`,
  });
  const output = await deno(app, "run", "main.ts");
  expect(output.stdout.trim()).toBe("HELLO, WHARF!");
  // The run fetched each version's _meta.json: jsr counts that as a download, and so does Wharf.
  const today = `${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`;
  const downloads = await world.anonymous.get(`/api/scopes/${scope}/packages/shout/downloads`);
  expect(downloads.body).toEqual({
    total: [{ timeBucket: today, kind: "jsr_meta", count: expect.any(Number) }],
    recentVersions: [{ version: "0.1.0", downloads: [{ timeBucket: today, kind: "jsr_meta", count: expect.any(Number) }] }],
  });
  expect(downloads.body.total[0].count).toBeGreaterThanOrEqual(1);

  for (const dir of [greet, shout, app]) fs.rmSync(dir, { recursive: true, force: true });
});

// deno offers the device flow only on a terminal: script(1) (util-linux) gives it one; without it, this test is skipped.
const withTerminal = fs.existsSync("/usr/bin/script") ? it : it.skip;

withTerminal("publishes through the device flow, with a token bound to the tarball deno made", async () => {
  const alice = await world.user("deno");
  const scope = uniqueName("d");
  await alice.api.post("/api/scopes", { body: { scope } });
  await alice.api.post(`/api/scopes/${scope}/packages`, { body: { package: "hello" } });
  const dir = writeFiles({
    "deno.json": JSON.stringify({ name: `@${scope}/hello`, version: "1.0.0", exports: "./mod.ts", license: "MIT" }),
    "mod.ts": "export const hello = 1;\n",
  });

  // Without --token, deno asks for an authorization and prints where to approve it; alice approves it.
  const child = spawn("script", ["-qfec", `${DENO} publish`, "/dev/null"], { cwd: dir, env: denoEnv(), stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  let asked = false;
  const approved = new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const code = /auth\?code=([A-Z]{4}-[A-Z]{4})/.exec(output)?.[1];
      if (!code || asked) return;
      asked = true;
      alice.api.post(`/api/authorizations/approve/${code}`).then((res) => (res.status === 204 ? resolve() : reject(new Error(JSON.stringify(res.body)))), reject);
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  await Promise.race([approved, exited.then(() => Promise.reject(new Error(`deno publish exited before it was approved:\n${output}`)))]);
  expect([await exited, output]).toEqual([0, expect.stringContaining(`Successfully published @${scope}/hello@1.0.0`)]);

  // deno asked for that one version, bound to its tarball's hash, in upstream's format.
  const device = (await alice.api.get("/api/user/tokens")).body.find((t: { type: string }) => t.type === "device");
  expect(device.permissions).toEqual([
    { permission: "package/publish", scope, package: "hello", version: "1.0.0", tarballHash: expect.stringMatching(/^sha256-[0-9a-f]{64}$/) },
  ]);
  fs.rmSync(dir, { recursive: true, force: true });
});
