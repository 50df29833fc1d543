// End to end with the real apm (atom-package-manager): search, view, install,
// star, stars, unstar, featured and publish --rename against Wharf (ppm, Pulsar's
// client, is apm under a new name and sends the same requests). apm is an optional dependency (its
// keytar needs libsecret to build); .ci/run installs libsecret and sets
// WHARF_REQUIRE_APM, so in CI this test always runs.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { atomPackageJson, makeGitBase, makeRepository } from "./support/git";
import { graphql } from "./support/client";
import { uniqueName, useWharf, type TestUser } from "./support/world";

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

/** Runs apm as the user (in a folder, if given) against this Wharf. */
const apmAs = (user: TestUser, cwd?: string) => async (...args: string[]) => {
  const env = {
    ...process.env,
    ATOM_API_URL: `${world.server.url}/atom/api`,
    ATOM_ACCESS_TOKEN: user.token,
    ATOM_HOME: atomHome,
    ATOM_RESOURCE_PATH: resources,
    NO_COLOR: "1",
    // publish commits (the rename, npm version).
    ...{ GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@t", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@t" },
  };
  const { stdout } = await run(process.execPath, [APM, ...args, "--no-color"], { env, cwd, timeout: 120_000 });
  return stdout;
};

/** Publishes user/name at v1.0.0 through Wharf's REST face. */
async function published(user: TestUser, name: string, extra: Record<string, unknown> = {}) {
  makeRepository(gitBase, user.login, name, [
    { tag: "v1.0.0", files: { "package.json": atomPackageJson(name, "1.0.0", extra), "index.js": "module.exports = {};\n" } },
  ]);
  expect((await world.anonymous.post(`/atom/api/packages?repository=${user.login}/${name}`, { headers: { authorization: user.token } })).status).toBe(201);
}

(haveApm ? it : it.skip)("searches, views, installs and stars with apm", async () => {
  const user = await world.user("apm");
  const name = uniqueName("apm-map");
  await published(user, name, { description: "A minimap for tests" });
  const apm = apmAs(user);

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

(haveApm ? it : it.skip)("lists featured packages and themes, and renames with publish --rename", async () => {
  const user = await world.user("apm");
  const name = uniqueName("apm-feat");
  const theme = uniqueName("apm-theme");
  await published(user, name, { description: "Featured for tests" });
  await published(user, theme, { description: "A featured theme", theme: "ui" });
  for (const n of [name, theme]) {
    const res = await graphql(world.server.url, `mutation($n: String!) { featureAtomPackage(name: $n) { isFeatured } }`, { n }, world.server.adminToken);
    expect(res.data).toEqual({ featureAtomPackage: { isFeatured: true } });
  }
  const apm = apmAs(user);
  const featured = await apm("featured");
  expect(featured).toContain(name);
  expect(featured).toContain(theme);
  // String counts still read as counts.
  expect(featured).toMatch(new RegExp(`${name} Featured for tests \\(0 downloads, 0 stars\\)`));
  const themes = await apm("featured", "--themes");
  expect([themes.includes(theme), themes.includes(name)]).toEqual([true, false]);

  // publish --rename in a clone of the repository: apm renames package.json, tags v1.0.1, pushes it, and asks
  // Wharf for the version with rename=<new-name>.
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-apm-work-"));
  try {
    await run("git", ["clone", "-q", "--branch", "main", path.join(gitBase, user.login, `${name}.git`), work]);
    const newName = `${name}-renamed`;
    await apmAs(user, work)("publish", "--rename", newName);
    const shown = await world.anonymous.get(`/atom/api/packages/${name}`);
    expect(shown.body).toMatchObject({ name: newName, releases: { latest: "1.0.1" } });
    expect(await apm("view", newName)).toContain("1.0.1");
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
