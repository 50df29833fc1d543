// End to end with the real apm (atom-package-manager): search, view, install,
// star, stars and unstar against Wharf. apm is an optional dependency (its
// keytar needs libsecret to build); .ci/run installs libsecret and sets
// WHARF_REQUIRE_APM, so in CI this test always runs.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { atomPackageJson, makeGitBase, makeRepository } from "./support/git";
import { uniqueName, useWharf } from "./support/world";

const APM = path.resolve(__dirname, "..", "node_modules", "atom-package-manager", "lib", "cli.js");
const haveApm = fs.existsSync(APM);
if (!haveApm && process.env.WHARF_REQUIRE_APM) throw new Error("atom-package-manager is not installed (is libsecret-1-dev missing?)");

const gitBase = makeGitBase();
const world = useWharf({ WHARF_GIT_BASE: gitBase });
const run = promisify(execFile);
let atomHome: string;
let resources: string;

beforeAll(() => {
  atomHome = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-atom-home-"));
  // apm install targets an editor: a folder whose package.json names its versions.
  resources = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-atom-resources-"));
  fs.writeFileSync(path.join(resources, "package.json"), JSON.stringify({ version: "1.60.0", electronVersion: "9.4.4" }));
});
afterAll(() => {
  for (const dir of [gitBase, atomHome, resources]) fs.rmSync(dir, { recursive: true, force: true });
});

(haveApm ? it : it.skip)("searches, views, installs and stars with apm", async () => {
  const user = await world.user("apm");
  const name = uniqueName("apm-map");
  makeRepository(gitBase, user.login, name, [
    {
      tag: "v1.0.0",
      files: { "package.json": atomPackageJson(name, "1.0.0", { description: "A minimap for tests" }), "index.js": "module.exports = {};\n" },
    },
  ]);
  expect((await world.anonymous.post(`/atom/api/packages?repository=${user.login}/${name}`, { headers: { authorization: user.token } })).status).toBe(201);

  const apm = async (...args: string[]) => {
    const env = { ...process.env, ATOM_API_URL: `${world.server.url}/atom/api`, ATOM_ACCESS_TOKEN: user.token, ATOM_HOME: atomHome, ATOM_RESOURCE_PATH: resources, NO_COLOR: "1" };
    const { stdout } = await run(process.execPath, [APM, ...args, "--no-color"], { env, timeout: 120_000 });
    return stdout;
  };

  expect(await apm("search", name)).toContain(name);
  expect(await apm("view", name)).toContain("A minimap for tests");
  await apm("install", name);
  expect(JSON.parse(fs.readFileSync(path.join(atomHome, "packages", name, "package.json"), "utf8")).version).toBe("1.0.0");

  await apm("star", name);
  expect((await world.anonymous.get(`/atom/api/packages/${name}/stargazers`)).body).toEqual([{ login: user.login }]);
  expect(await apm("stars")).toContain(name);
  await apm("unstar", name);
  expect((await world.anonymous.get(`/atom/api/packages/${name}/stargazers`)).body).toEqual([]);
  expect((await world.anonymous.get(`/atom/api/packages/${name}`)).body.downloads).toMatch(/^[1-9][0-9]*$/);
});
