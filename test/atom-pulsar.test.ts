// The Atom face as Pulsar's clients (the website, package-frontend, and ppm) read it,
// point by point of issue #17, with packages published from real git repositories.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { atomAs } from "./support/atom";
import { addRelease, atomPackageJson, makeGitBase, makeRepository } from "./support/git";
import { graphql, request } from "./support/client";
import { uniqueName, useWharf, type TestUser } from "./support/world";

const gitBase = makeGitBase();
const world = useWharf({ WHARF_GIT_BASE: gitBase });
afterAll(() => fs.rmSync(gitBase, { recursive: true, force: true }));

/** Publishes user/name from one v1.0.0 tag holding these files (a package.json unless given). */
async function publish(user: TestUser, name: string, extra: Record<string, unknown> = {}, files: Record<string, string> = {}) {
  makeRepository(gitBase, user.login, name, [{ tag: "v1.0.0", files: { "package.json": atomPackageJson(name, "1.0.0", extra), ...files } }]);
  const res = await world.anonymous.post(`/atom/api/packages?repository=${user.login}/${name}`, { headers: atomAs(user) });
  expect(res.status).toBe(201);
  return res.body;
}

const names = (body: Array<{ name: string }>) => body.map((p) => p.name);
const feature = (name: string, featured: boolean, token: string) =>
  graphql(world.server.url, `mutation($n: String!, $f: Boolean!) { featureAtomPackage(name: $n, featured: $f) { name isFeatured } }`, { n: name, f: featured }, token);

it("1. sends downloads and stargazers_count as strings, as Pulsar does (the website takes 0 for malformed)", async () => {
  const user = await world.user();
  const name = uniqueName("count");
  await publish(user, name);
  const listed = await world.anonymous.get(`/atom/api/packages?owner=${user.login}`);
  expect(listed.body).toEqual([expect.objectContaining({ name, downloads: "0", stargazers_count: "0" })]);
  await world.anonymous.post(`/atom/api/packages/${name}/star`, { headers: atomAs(user) });
  expect((await world.anonymous.get(`/atom/api/packages/${name}`)).body).toMatchObject({ downloads: "0", stargazers_count: "1" });
});

it("2. gives Query-Total and Query-Limit with lists and searches, and a Link that keeps q", async () => {
  const user = await world.user();
  const marker = uniqueName("paged");
  for (const suffix of ["a", "b", "c"]) await publish(user, `${marker}-${suffix}`);
  const list = await world.anonymous.get(`/atom/api/packages?owner=${user.login}`);
  expect([list.headers.get("query-total"), list.headers.get("query-limit")]).toEqual(["3", "30"]);
  const search = await world.anonymous.get(`/atom/api/packages/search?q=${marker}&page=1`);
  expect([search.headers.get("query-total"), search.headers.get("query-limit")]).toEqual(["3", "30"]);
  const link = search.headers.get("link")!;
  expect(link.split(", ")[0]).toMatch(new RegExp(`/atom/api/packages/search\\?page=1&q=${marker}&sort=relevance&direction=desc>; rel="self"`));
  // The website reads the last page from the second link.
  expect(link.split(", ")[1]).toMatch(new RegExp(`page=1&q=${marker}.*rel="last"`));
  expect(search.headers.get("access-control-expose-headers")).toContain("Query-Total");
});

it("3. serves featured packages and themes (set by staff), and the theme routes", async () => {
  const user = await world.user();
  const pkg = uniqueName("feat");
  const theme = uniqueName("feat-theme");
  await publish(user, pkg);
  await publish(user, theme, { theme: "syntax" });
  expect((await feature(pkg, true, user.token)).errors?.[0].extensions?.code).toBe("actorNotStaff");
  for (const name of [pkg, theme]) expect((await feature(name, true, world.server.adminToken)).data.featureAtomPackage).toEqual({ name, isFeatured: true });

  const packages = await world.anonymous.get("/atom/api/packages/featured");
  expect(names(packages.body)).toContain(pkg);
  expect(names(packages.body)).not.toContain(theme);
  expect(names((await world.anonymous.get("/atom/api/themes/featured")).body)).toEqual(expect.arrayContaining([theme]));
  expect(names((await world.anonymous.get("/atom/api/themes/featured")).body)).not.toContain(pkg);

  expect(names((await world.anonymous.get(`/atom/api/themes?owner=${user.login}`)).body)).toEqual([theme]);
  expect(names((await world.anonymous.get(`/atom/api/themes/search?q=${theme}`)).body)).toEqual([theme]);
  expect(names((await world.anonymous.get(`/atom/api/themes/search?q=${pkg}`)).body)).not.toContain(pkg);
  // ppm search --themes asks /packages/search with filter=theme; --packages (filter=package) finds themes too, as on Pulsar.
  expect(names((await world.anonymous.get(`/atom/api/packages/search?q=${pkg}&filter=theme`)).body)).not.toContain(pkg);
  expect(names((await world.anonymous.get(`/atom/api/packages/search?owner=${user.login}&filter=theme`)).body)).toEqual([theme]);
  expect(names((await world.anonymous.get(`/atom/api/packages/search?owner=${user.login}&filter=package`)).body).sort()).toEqual([pkg, theme].sort());
  // Themes are packages too.
  expect(names((await world.anonymous.get(`/atom/api/packages?owner=${user.login}`)).body).sort()).toEqual([pkg, theme].sort());

  await feature(pkg, false, world.server.adminToken);
  expect(names((await world.anonymous.get("/atom/api/packages/featured")).body)).not.toContain(pkg);
});

it("4. falls back to defaults where Pulsar does, instead of 400", async () => {
  const user = await world.user();
  const marker = uniqueName("fall");
  await publish(user, `${marker}-one`);
  const page1 = await world.anonymous.get(`/atom/api/packages?owner=${user.login}`);
  for (const query of ["page=0", "page=abc", "page=-3", "sort=relevance", "sort=nonsense", "direction=sideways", "sort=stars&direction=asc"]) {
    const res = await world.anonymous.get(`/atom/api/packages?owner=${user.login}&${query}`);
    expect([query, res.status, names(res.body)]).toEqual([query, 200, names(page1.body)]);
  }
  const odd = await world.anonymous.get(`/atom/api/packages?owner=${user.login}&page=abc&sort=nonsense&direction=sideways`);
  expect(odd.headers.get("link")).toContain(`page=1&sort=downloads&direction=desc&owner=${user.login}>; rel="self"`);
  const relevance = await world.anonymous.get(`/atom/api/packages/search?q=${marker}&sort=relevance&page=0`);
  expect([relevance.status, names(relevance.body)]).toEqual([200, [`${marker}-one`]]);
  // An empty (or missing) q lists every package, as Pulsar does.
  for (const query of ["q=", "q=%20", ""]) {
    const res = await world.anonymous.get(`/atom/api/packages/search?${query}&owner=${user.login}`);
    expect([query, res.status, names(res.body)]).toEqual([query, 200, [`${marker}-one`]]);
  }
  expect((await world.anonymous.get(`/atom/api/packages?page=99999999999`)).body).toEqual([]);
});

it("5. filters by owner, file extension, service and legacy order", async () => {
  const user = await world.user();
  const grammar = uniqueName("lang");
  const provider = uniqueName("prov");
  await publish(user, grammar, {}, {
    "grammars/foo.cson": "'scopeName': 'source.foo'\n'fileTypes': [\n  'foo'\n  'fooz'\n]\n",
    "grammars/bar.json": JSON.stringify({ scopeName: "source.bar", fileTypes: ["bar"] }),
    "grammars/broken.cson": "'fileTypes': [",
  });
  await publish(user, provider, {
    providedServices: { "autocomplete.provider": { versions: { "4.0.0": "provide" } } },
    consumedServices: { "status-bar": { versions: { "^1.0.0": "consumeStatusBar" } } },
  });
  const list = async (query: string) => names((await world.anonymous.get(`/atom/api/packages?owner=${user.login}&${query}`)).body).sort();
  expect(await list("")).toEqual([grammar, provider].sort());
  expect(names((await world.anonymous.get(`/atom/api/packages?owner=${user.login.toUpperCase()}`)).body).sort()).toEqual([grammar, provider].sort());
  expect(names((await world.anonymous.get(`/atom/api/packages?owner=${uniqueName("nobody")}`)).body)).toEqual([]);
  for (const ext of ["foo", "fooz", "bar"]) expect(await list(`fileExtension=${ext}`)).toEqual([grammar]);
  expect(await list("fileExtension=baz")).toEqual([]);
  expect(await list("serviceType=provided&service=autocomplete.provider")).toEqual([provider]);
  expect(await list("serviceType=provided&service=autocomplete.provider&serviceVersion=4.0.0")).toEqual([provider]);
  expect(await list("serviceType=provided&service=autocomplete.provider&serviceVersion=5.0.0")).toEqual([]);
  expect(await list("serviceType=consumed&service=status-bar")).toEqual([provider]);
  expect(await list("serviceType=consumed&service=autocomplete.provider")).toEqual([]);
  // A serviceType without a service, or another than provided/consumed, is ignored (as on Pulsar).
  expect(await list("serviceType=provided")).toEqual([grammar, provider].sort());
  expect(await list("serviceType=weird&service=status-bar")).toEqual([grammar, provider].sort());
  // Filters apply to searches too.
  expect(names((await world.anonymous.get(`/atom/api/packages/search?q=${provider}&serviceType=consumed&service=status-bar`)).body)).toEqual([provider]);
  expect(names((await world.anonymous.get(`/atom/api/packages/search?q=${provider}&fileExtension=foo`)).body)).toEqual([]);

  // order is the legacy name of direction.
  const byName = (query: string) => world.anonymous.get(`/atom/api/packages?owner=${user.login}&sort=created_at&${query}`).then((r) => names(r.body));
  expect(await byName("order=asc")).toEqual([grammar, provider]);
  expect(await byName("order=desc")).toEqual([provider, grammar]);
  expect(await byName("direction=asc&order=desc")).toEqual([grammar, provider]);
});

it("6. renames with rename=<new-name>, as ppm publish --rename sends it", async () => {
  const user = await world.user();
  const name = uniqueName("old");
  const newName = `${name}-new`;
  await publish(user, name);
  // Its star moves with it (a count kept on the package by triggers on atom_stars).
  expect((await world.anonymous.post(`/atom/api/packages/${name}/star`, { headers: atomAs(user) })).status).toBe(200);
  addRelease(gitBase, user.login, name, { tag: "v1.0.1", files: { "package.json": atomPackageJson(newName, "1.0.1") } });
  const wrong = await world.anonymous.post(`/atom/api/packages/${name}/versions`, { headers: atomAs(user), body: { tag: "v1.0.1", rename: "something-else" } });
  expect([wrong.status, wrong.body.message]).toEqual([400, expect.stringContaining(newName)]);
  const renamed = await world.anonymous.post(`/atom/api/packages/${name}/versions`, { headers: atomAs(user), body: { tag: "v1.0.1", rename: newName } });
  expect([renamed.status, renamed.body.name]).toEqual([201, newName]);
  expect((await world.anonymous.get(`/atom/api/packages/${name}`)).body).toMatchObject({ name: newName, releases: { latest: "1.0.1" }, stargazers_count: "1" });

  // In the query too.
  addRelease(gitBase, user.login, name, { tag: "v1.0.2", files: { "package.json": atomPackageJson(`${name}-newer`, "1.0.2") } });
  const query = await world.anonymous.post(`/atom/api/packages/${newName}/versions?tag=v1.0.2&rename=${name}-newer`, { headers: atomAs(user) });
  expect([query.status, query.body.name]).toEqual([201, `${name}-newer`]);
});

it("7. shows the clone URL, badges, creation method, sha and tarball_url, versions newest first", async () => {
  const user = await world.user();
  const name = uniqueName("shape");
  await publish(user, name);
  addRelease(gitBase, user.login, name, { tag: "v1.2.0", files: { "package.json": atomPackageJson(name, "1.2.0") } });
  addRelease(gitBase, user.login, name, { tag: "v1.10.0", files: { "package.json": atomPackageJson(name, "1.10.0") } });
  for (const tag of ["v1.10.0", "v1.2.0"]) expect((await world.anonymous.post(`/atom/api/packages/${name}/versions?tag=${tag}`, { headers: atomAs(user) })).status).toBe(201);

  const bare = path.join(gitBase, user.login, `${name}.git`);
  const commit = (tag: string) => execFileSync("git", ["--git-dir", bare, "rev-parse", `${tag}^{commit}`]).toString().trim();
  const shown = (await world.anonymous.get(`/atom/api/packages/${name}`)).body;
  const tarball = (version: string) => `${world.server.url.replace("127.0.0.1", "localhost")}/atom/api/packages/${name}/versions/${version}/tarball`;
  expect(shown).toMatchObject({
    repository: { type: "git", url: pathToFileURL(bare).href },
    badges: [{ title: "Made for Pulsar!", type: "success" }],
    creation_method: "User Made Package",
    releases: { latest: "1.10.0" },
    metadata: { version: "1.10.0", sha: commit("v1.10.0"), tarball_url: tarball("1.10.0") },
  });
  expect(Object.keys(shown.versions)).toEqual(["1.10.0", "1.2.0", "1.0.0"]);
  expect(shown.versions["1.2.0"]).toMatchObject({ sha: commit("v1.2.0"), tarball_url: tarball("1.2.0"), dist: { tarball: tarball("1.2.0") } });
  // Lists show the same.
  const [listed] = (await world.anonymous.get(`/atom/api/packages?owner=${user.login}`)).body;
  expect(listed).toMatchObject({ repository: shown.repository, badges: shown.badges, creation_method: shown.creation_method, metadata: { sha: commit("v1.10.0") } });

  // The clone URL clones.
  const clone = fs.mkdtempSync(path.join(gitBase, "clone-"));
  execFileSync("git", ["clone", "-q", "--branch", "v1.10.0", shown.repository.url, clone], { stdio: "pipe" });
  expect(JSON.parse(fs.readFileSync(path.join(clone, "package.json"), "utf8")).version).toBe("1.10.0");
});

it("7. matches names in any case", async () => {
  const user = await world.user();
  const name = uniqueName("case");
  await publish(user, name);
  const upper = name.toUpperCase();
  expect((await world.anonymous.get(`/atom/api/packages/${upper}`)).body.name).toBe(name);
  expect((await world.anonymous.get(`/atom/api/packages/${upper}/versions/1.0.0`)).body.name).toBe(name);
  expect((await fetch(`${world.server.url}/atom/api/packages/${upper}/versions/1.0.0/tarball`)).status).toBe(200);
  expect((await world.anonymous.post(`/atom/api/packages/${upper}/star`, { headers: atomAs(user) })).body.stargazers_count).toBe("1");
});

it("7. keeps a deleted package's name for its owner: it never points at someone else's code", async () => {
  const owner = await world.user();
  const name = uniqueName("gone");
  await publish(owner, name);
  expect((await world.anonymous.delete(`/atom/api/packages/${name}`, { headers: atomAs(owner) })).status).toBe(204);
  const stranger = await world.user();
  makeRepository(gitBase, stranger.login, name, [{ tag: "v2.0.0", files: { "package.json": atomPackageJson(name, "2.0.0") } }]);
  const taken = await world.anonymous.post(`/atom/api/packages?repository=${stranger.login}/${name}`, { headers: atomAs(stranger) });
  expect(taken.status).toBe(409);
  expect((await world.anonymous.get(`/atom/api/packages/${name}`)).status).toBe(404);
  // Its owner may publish under it again.
  addRelease(gitBase, owner.login, name, { tag: "v2.0.0", files: { "package.json": atomPackageJson(name, "2.0.0") } });
  expect((await world.anonymous.post(`/atom/api/packages?repository=${owner.login}/${name}`, { headers: atomAs(owner) })).status).toBe(201);
});

it("7. answers OPTIONS with 204 and CORS headers, as Pulsar does", async () => {
  const preflight = await request(world.server.url, "OPTIONS", "/atom/api/packages/some-name/star");
  expect(preflight.status).toBe(204);
  expect(Object.fromEntries(["allow", "access-control-allow-origin", "access-control-allow-methods", "access-control-allow-headers"].map((h) => [h, preflight.headers.get(h)]))).toEqual({
    allow: "POST, DELETE, OPTIONS",
    "access-control-allow-origin": "*",
    "access-control-allow-methods": "POST, DELETE, OPTIONS",
    "access-control-allow-headers": "Authorization, Content-Type",
  });
  expect((await request(world.server.url, "OPTIONS", "/atom/api/themes/featured")).headers.get("allow")).toBe("GET, OPTIONS");
  expect((await request(world.server.url, "OPTIONS", "/atom/api/nothing-here")).status).toBe(404);
  expect((await world.anonymous.get("/atom/api/packages")).headers.get("access-control-allow-origin")).toBe("*");
});

it("7. leaves updated_at alone on downloads: sort=updated_at follows publishes", async () => {
  const user = await world.user();
  const older = uniqueName("older");
  const newer = uniqueName("newer");
  await publish(user, older);
  await publish(user, newer);
  const byUpdate = async () => names((await world.anonymous.get(`/atom/api/packages?owner=${user.login}&sort=updated_at`)).body);
  expect(await byUpdate()).toEqual([newer, older]);
  expect((await fetch(`${world.server.url}/atom/api/packages/${older}/versions/1.0.0/tarball`)).status).toBe(200);
  expect((await world.anonymous.get(`/atom/api/packages/${older}`)).body.downloads).toBe("1");
  expect(await byUpdate()).toEqual([newer, older]);
});
