// The Atom/Pulsar package API under /atom/api, with packages published from
// real git repositories. Errors are {"message"}.
import fs from "node:fs";
import { gunzipSync } from "node:zlib";
import { atomAs, publishers } from "./support/atom";
import { addRelease, atomPackageJson, makeGitBase, makeRepository } from "./support/git";
import { graphql } from "./support/client";
import { query } from "./support/server";
import { uniqueName, useWharf, type TestUser } from "./support/world";

const gitBase = makeGitBase();
const world = useWharf({ WHARF_GIT_BASE: gitBase });
afterAll(() => fs.rmSync(gitBase, { recursive: true, force: true }));

const publisher = publishers(world, gitBase);

describe("publishing from git", () => {
  it("creates a package from the newest tag, and serves it as apm reads it", async () => {
    const { user, name, repo } = await publisher();
    const res = await world.anonymous.post(`/atom/api/packages?repository=${repo}`, { headers: atomAs(user) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name, owner: user.login, releases: { latest: "1.1.0" }, downloads: "0", stargazers_count: "0" });

    const shown = await world.anonymous.get(`/atom/api/packages/${name}`);
    expect(Object.keys(shown.body.versions)).toEqual(["1.1.0"]);
    const tarball = shown.body.versions["1.1.0"].dist.tarball;
    expect(tarball).toBe(`${world.server.url.replace("127.0.0.1", "localhost")}/atom/api/packages/${name}/versions/1.1.0/tarball`);

    const version = await world.anonymous.get(`/atom/api/packages/${name}/versions/1.1.0`);
    expect(version.body).toMatchObject({ name, version: "1.1.0", dist: { tarball } });

    const download = await fetch(`${world.server.url}/atom/api/packages/${name}/versions/1.1.0/tarball`);
    expect(download.status).toBe(200);
    const tar = gunzipSync(Buffer.from(await download.arrayBuffer())).toString("latin1");
    expect(tar).toContain("package/package.json");
    expect((await world.anonymous.get(`/atom/api/packages/${name}`)).body.downloads).toBe("1");
  });

  it("answers HEAD as GET without the body, and counts no download for a HEAD of a tarball", async () => {
    const { user, name, repo } = await publisher();
    await world.anonymous.post(`/atom/api/packages?repository=${repo}`, { headers: atomAs(user) });
    const head = (path: string) => fetch(`${world.server.url}${path}`, { method: "HEAD" });

    const list = await head("/atom/api/packages");
    expect(list.status).toBe(200);
    expect(list.headers.get("content-type")).toMatch(/^application\/json/);
    expect(list.headers.get("query-total")).toMatch(/^[1-9]\d*$/);
    expect(await list.text()).toBe("");
    const one = await head(`/atom/api/packages/${name}`);
    expect([one.status, await one.text()]).toEqual([200, ""]);
    expect(Number(one.headers.get("content-length"))).toBeGreaterThan(0);
    expect((await head(`/atom/api/packages/${name}-missing`)).status).toBe(404);
    expect((await head(`/api/scopes/${uniqueName("no-such")}`)).status).toBe(404);

    const tarball = `/atom/api/packages/${name}/versions/1.1.0/tarball`;
    const headOfTarball = await head(tarball);
    expect([headOfTarball.status, headOfTarball.headers.get("content-type"), await headOfTarball.text()]).toEqual([200, "application/gzip", ""]);
    expect((await head(`/atom/api/packages/${name}/versions/9.9.9/tarball`)).status).toBe(404);
    expect((await world.anonymous.get(`/atom/api/packages/${name}`)).body.downloads).toBe("0");
    expect((await fetch(`${world.server.url}${tarball}`)).status).toBe(200);
    expect((await world.anonymous.get(`/atom/api/packages/${name}`)).body.downloads).toBe("1");
  });

  it("publishes further versions from tags, and filters them by engine", async () => {
    const { user, name, repo } = await publisher();
    // Only v1.0.0 exists at first: publish it, then add 1.1.0 by tag.
    await world.anonymous.post(`/atom/api/packages?repository=${repo}`, { headers: atomAs(user) });
    const again = await world.anonymous.post(`/atom/api/packages/${name}/versions?tag=v1.0.0`, { headers: atomAs(user) });
    expect(again.status).toBe(201);
    expect(again.body.version).toBe("1.0.0");
    const twice = await world.anonymous.post(`/atom/api/packages/${name}/versions?tag=v1.0.0`, { headers: atomAs(user) });
    expect([twice.status, twice.body]).toEqual([409, { message: expect.any(String) }]);

    const old = await world.anonymous.get(`/atom/api/packages/${name}?engine=1.40.0`);
    expect(Object.keys(old.body.versions)).toEqual(["1.0.0"]);
    expect(old.body.releases.latest).toBe("1.0.0");

    expect((await world.anonymous.delete(`/atom/api/packages/${name}/versions/1.0.0`, { headers: atomAs(user) })).status).toBe(204);
    // A deleted version never comes back.
    const back = await world.anonymous.post(`/atom/api/packages/${name}/versions?tag=v1.0.0`, { headers: atomAs(user) });
    expect(back.status).toBe(409);
    expect((await world.anonymous.get(`/atom/api/packages/${name}/versions/1.0.0`)).status).toBe(404);
  });

  it("answers 400, 401, 403 and 409 in Atom's shape", async () => {
    const { user, name, repo } = await publisher();
    const anonymous = await world.anonymous.post(`/atom/api/packages?repository=${repo}`);
    expect([anonymous.status, anonymous.body]).toEqual([401, { message: expect.any(String) }]);
    const stranger = await world.user();
    const denied = await world.anonymous.post(`/atom/api/packages?repository=${repo}`, { headers: atomAs(stranger) });
    expect(denied.status).toBe(403);
    const missing = await world.anonymous.post(`/atom/api/packages?repository=${user.login}/nothing-here`, { headers: atomAs(user) });
    expect([missing.status, missing.body.message]).toEqual([400, expect.stringMatching(/repo does not exist/)]);
    await world.anonymous.post(`/atom/api/packages?repository=${repo}`, { headers: atomAs(user) });
    const taken = await world.anonymous.post(`/atom/api/packages?repository=${repo}`, { headers: atomAs(user) });
    expect([taken.status, taken.body]).toEqual([409, { message: "A package by that name already exists." }]);
    const noTag = await world.anonymous.post(`/atom/api/packages/${name}/versions?tag=v9.9.9`, { headers: atomAs(user) });
    expect([noTag.status, noTag.body.message]).toEqual([400, expect.stringMatching(/tag not found/i)]);

    makeRepository(gitBase, user.login, "broken", [{ tag: "v1.0.0", files: { "package.json": "{ not json" } }]);
    const broken = await world.anonymous.post(`/atom/api/packages?repository=${user.login}/broken`, { headers: atomAs(user) });
    expect([broken.status, broken.body.message]).toEqual([400, expect.stringMatching(/package\.json/)]);
    expect((await world.anonymous.get("/atom/api/packages/no-such-package")).body).toEqual({ message: "Not Found" });
  });

  it("renames a package with rename=true; the old name still reaches it", async () => {
    const { user, name, repo } = await publisher();
    await world.anonymous.post(`/atom/api/packages?repository=${repo}`, { headers: atomAs(user) });
    const newName = `${name}-renamed`;
    // The same repository gains a tag whose package.json has the new name.
    addRelease(gitBase, user.login, name, { tag: "v2.0.0", files: { "package.json": atomPackageJson(newName, "2.0.0") } });

    const refused = await world.anonymous.post(`/atom/api/packages/${name}/versions?tag=v2.0.0`, { headers: atomAs(user) });
    expect(refused.status).toBe(400);
    const renamed = await world.anonymous.post(`/atom/api/packages/${name}/versions?tag=v2.0.0&rename=true`, { headers: atomAs(user) });
    expect([renamed.status, renamed.body.name]).toEqual([201, newName]);
    expect((await world.anonymous.get(`/atom/api/packages/${name}`)).body).toMatchObject({ name: newName, releases: { latest: "2.0.0" } });
    expect((await world.anonymous.get(`/atom/api/packages/${name}/versions/1.1.0`)).body.name).toBe(name);
  });

  it("deletes a package for its owner only", async () => {
    const { user, name, repo } = await publisher();
    await world.anonymous.post(`/atom/api/packages?repository=${repo}`, { headers: atomAs(user) });
    const stranger = await world.user();
    expect((await world.anonymous.delete(`/atom/api/packages/${name}`, { headers: atomAs(stranger) })).status).toBe(403);
    expect((await world.anonymous.delete(`/atom/api/packages/${name}`, { headers: atomAs(user) })).status).toBe(204);
    expect((await world.anonymous.get(`/atom/api/packages/${name}`)).status).toBe(404);
  });
});

describe("single-package reads from memory", () => {
  it("answers a repeated read with the same bytes and headers, and shows each write on the next read", async () => {
    const { user, name, repo } = await publisher();
    expect((await world.anonymous.post(`/atom/api/packages?repository=${repo}`, { headers: atomAs(user) })).status).toBe(201);
    const read = (path = "") => world.anonymous.get(`/atom/api/packages/${name}${path}`);
    const [first, second] = [await read(), await read()];
    expect(second.body).toEqual(first.body);
    for (const header of ["content-type", "etag", "access-control-allow-origin", "access-control-expose-headers"]) {
      expect([header, second.headers.get(header)]).toEqual([header, first.headers.get(header)]);
    }
    expect(second.headers.get("x-request-id")).not.toEqual(first.headers.get("x-request-id"));
    await read("/stargazers");
    await read("/versions/1.1.0");

    const fan = await world.user();
    const starsOfFan = async () => (await world.anonymous.get(`/atom/api/users/${fan.login}/stars`)).body.map((p: { name: string }) => p.name);
    expect(await starsOfFan()).toEqual([]);
    expect((await world.anonymous.post(`/atom/api/packages/${name}/star`, { headers: atomAs(fan) })).status).toBe(200);
    expect((await read()).body.stargazers_count).toBe("1");
    expect((await read("/stargazers")).body).toEqual([{ login: fan.login }]);
    expect(await starsOfFan()).toEqual([name]);

    expect((await world.anonymous.post(`/atom/api/packages/${name}/versions?tag=v1.0.0`, { headers: atomAs(user) })).status).toBe(201);
    expect(Object.keys((await read()).body.versions).sort()).toEqual(["1.0.0", "1.1.0"]);
    expect((await read("/versions/1.0.0")).status).toBe(200);

    // The second download is answered from memory, and counted all the same.
    const download = async () => {
      const res = await fetch(`${world.server.url}/atom/api/packages/${name}/versions/1.1.0/tarball`);
      return [res.status, res.headers.get("content-type"), Buffer.from(await res.arrayBuffer())];
    };
    const firstDownload = await download();
    expect(firstDownload.slice(0, 2)).toEqual([200, "application/gzip"]);
    expect(await download()).toEqual(firstDownload);
    expect((await read()).body.downloads).toBe("2");
    expect(await starsOfFan()).toEqual([name]);

    expect((await world.anonymous.delete(`/atom/api/packages/${name}/versions/1.0.0`, { headers: atomAs(user) })).status).toBe(204);
    expect((await read("/versions/1.0.0")).status).toBe(404);
    expect(Object.keys((await read()).body.versions)).toEqual(["1.1.0"]);

    expect((await world.anonymous.delete(`/atom/api/packages/${name}`, { headers: atomAs(user) })).status).toBe(204);
    expect((await read()).status).toBe(404);
    expect((await read("/stargazers")).status).toBe(404);
    expect((await read("/versions/1.1.0")).status).toBe(404);
    expect((await download())[0]).toBe(404);
    expect(await starsOfFan()).toEqual([]);
  });
});

describe("list and search pages from memory", () => {
  it("answers a repeated page from memory, a no-cache request afresh, and shows each write and download on the next read", async () => {
    const marker = uniqueName("kept");
    const first = await publisher(`${marker}-one`);
    expect((await world.anonymous.post(`/atom/api/packages?repository=${first.repo}`, { headers: atomAs(first.user) })).status).toBe(201);
    const search = (headers: Record<string, string> = {}) => world.anonymous.get(`/atom/api/packages/search?q=${marker}`, { headers });
    const newest = async () => (await world.anonymous.get("/atom/api/packages?sort=created_at&direction=desc")).body[0].name;
    // Answered by Express, its statements counted; then from memory, with no statement at all.
    const [computed, kept] = [await search(), await search()];
    expect(computed.headers.get("x-wharf-sql-statements")).not.toBeNull();
    expect(kept.headers.get("x-wharf-sql-statements")).toBeNull();
    expect([kept.body, kept.headers.get("link"), kept.headers.get("query-total")]).toEqual([computed.body, computed.headers.get("link"), computed.headers.get("query-total")]);
    expect((await search({ "cache-control": "no-cache" })).headers.get("x-wharf-sql-statements")).not.toBeNull();
    expect(await newest()).toBe(first.name);

    const fan = await world.user();
    expect((await world.anonymous.post(`/atom/api/packages/${first.name}/star`, { headers: atomAs(fan) })).status).toBe(200);
    expect((await search()).body.map((p: { stargazers_count: string }) => p.stargazers_count)).toEqual(["1"]);
    expect((await fetch(`${world.server.url}/atom/api/packages/${first.name}/versions/1.1.0/tarball`)).status).toBe(200);
    expect((await search()).body.map((p: { downloads: string }) => p.downloads)).toEqual(["1"]);

    const second = await publisher(`${marker}-two`);
    expect((await world.anonymous.post(`/atom/api/packages?repository=${second.repo}`, { headers: atomAs(second.user) })).status).toBe(201);
    expect((await search()).body.map((p: { name: string }) => p.name).sort()).toEqual([first.name, second.name].sort());
    expect(await newest()).toBe(second.name);
    expect((await world.anonymous.delete(`/atom/api/packages/${second.name}`, { headers: atomAs(second.user) })).status).toBe(204);
    expect((await search()).body.map((p: { name: string }) => p.name)).toEqual([first.name]);
    expect(await newest()).toBe(first.name);
  });
});

describe("listing, search and stars", () => {
  it("lists 30 a page with Link headers, searches, and keeps stars", async () => {
    const marker = uniqueName("mini");
    const names = [`${marker.slice(0, 4)}-${marker.slice(4)}`, `${marker}-linter-eslint`];
    const users: TestUser[] = [];
    for (const name of names) {
      const p = await publisher(name);
      users.push(p.user);
      expect((await world.anonymous.post(`/atom/api/packages?repository=${p.repo}`, { headers: atomAs(p.user) })).status).toBe(201);
    }
    const found = await world.anonymous.get(`/atom/api/packages/search?q=${marker}`);
    expect(found.body.map((p: { name: string }) => p.name).sort()).toEqual([...names].sort());
    // Relevance first: the exact name (hyphens aside) before a longer one; a typo still finds it.
    const exact = await world.anonymous.get(`/atom/api/packages/search?q=${names[0].replace("-", "")}`);
    expect(exact.body[0].name).toBe(names[0]);
    const typo = await world.anonymous.get(`/atom/api/packages/search?q=${names[0].slice(0, -1)}x`);
    expect(typo.body.map((p: { name: string }) => p.name)).toContain(names[0]);

    const list = await world.anonymous.get("/atom/api/packages?sort=created_at&direction=desc");
    expect(list.body.length).toBeLessThanOrEqual(30);
    const link = list.headers.get("link")!;
    expect(link).toMatch(/<http:\/\/localhost:\d+\/atom\/api\/packages\?page=1&sort=created_at&direction=desc>; rel="self"/);
    expect(link).toContain('rel="last"');

    const [fan] = users;
    const starred = await world.anonymous.post(`/atom/api/packages/${names[1]}/star`, { headers: atomAs(fan) });
    expect(starred.body).toMatchObject({ name: names[1], stargazers_count: "1" });
    expect((await world.anonymous.get(`/atom/api/packages/${names[1]}/stargazers`)).body).toEqual([{ login: fan.login }]);
    expect((await world.anonymous.get("/atom/api/stars", { headers: atomAs(fan) })).body.map((p: { name: string }) => p.name)).toEqual([names[1]]);
    expect((await world.anonymous.get(`/atom/api/users/${fan.login}/stars`)).body).toHaveLength(1);
    const byStars = await world.anonymous.get(`/atom/api/packages/search?q=${marker}&sort=stars`);
    expect(byStars.body[0].name).toBe(names[1]);
    expect((await world.anonymous.delete(`/atom/api/packages/${names[1]}/star`, { headers: atomAs(fan) })).status).toBe(204);
    expect((await world.anonymous.get(`/atom/api/packages/${names[1]}/stargazers`)).body).toEqual([]);
    expect((await world.anonymous.get(`/atom/api/users/${fan.login}/stars`)).body).toEqual([]);
    expect((await world.anonymous.get("/atom/api/stars")).status).toBe(401);
  });

  it("finds a package by a word only its README has, by the start of a word, and despite a typo", async () => {
    const user = await world.user("ppm");
    const name = uniqueName("fulltext");
    const word = uniqueName("zephyrine").replace(/[^a-z0-9]/g, "");
    makeRepository(gitBase, user.login, name, [
      { tag: "v1.0.0", files: { "package.json": atomPackageJson(name, "1.0.0"), "README.md": `# Usage\n\nIt speaks ${word} fluently.\n` } },
    ]);
    expect((await world.anonymous.post(`/atom/api/packages?repository=${user.login}/${name}`, { headers: atomAs(user) })).status).toBe(201);
    const search = async (q: string) => (await world.anonymous.get(`/atom/api/packages/search?q=${encodeURIComponent(q)}`)).body.map((p: { name: string }) => p.name);
    expect(await search(word)).toEqual([name]);
    expect(await search(`speaks ${word.slice(0, -3)}`)).toEqual([name]);
    expect(await search(`${name.slice(0, -1)}q`)).toContain(name);
  });

  it("keeps one star when a user stars a package many times at once", async () => {
    const { user, name, repo } = await publisher();
    expect((await world.anonymous.post(`/atom/api/packages?repository=${repo}`, { headers: atomAs(user) })).status).toBe(201);
    const stars = async () => {
      const rows = await query<{ n: string }>(world.server.databaseUrl, "SELECT count(*) AS n FROM atom_stars WHERE name = $1", [name]);
      return Number(rows[0].n);
    };
    // 20 at once through each face, each by a user who has not starred it yet: the GraphQL mutation, then apm's REST call.
    const mutations = await Promise.all(
      Array.from({ length: 20 }, () => graphql(world.server.url, `mutation($n: String!) { starAtomPackage(name: $n) { name } }`, { n: name }, user.token)),
    );
    expect(mutations.map((m) => m.errors ?? m.data)).toEqual(Array(20).fill({ starAtomPackage: { name } }));
    expect(await stars()).toBe(1);

    const fan = await world.user();
    const rest = await Promise.all(Array.from({ length: 20 }, () => world.anonymous.post(`/atom/api/packages/${name}/star`, { headers: atomAs(fan) })));
    expect(rest.map((a) => [a.status, a.body.stargazers_count])).toEqual(Array(20).fill([200, "2"]));
    expect(await stars()).toBe(2);
    const gazers = (await world.anonymous.get(`/atom/api/packages/${name}/stargazers`)).body;
    expect(gazers.map((g: { login: string }) => g.login).sort()).toEqual([user.login, fan.login].sort());
  });

  it("counts downloads made at once exactly, in the total and the day's row", async () => {
    const { user, name, repo } = await publisher();
    expect((await world.anonymous.post(`/atom/api/packages?repository=${repo}`, { headers: atomAs(user) })).status).toBe(201);
    const tarball = `${world.server.url}/atom/api/packages/${name}/versions/1.1.0/tarball`;
    const statuses = await Promise.all(Array.from({ length: 40 }, () => fetch(tarball).then(async (r) => (await r.arrayBuffer(), r.status))));
    expect(statuses).toEqual(Array(40).fill(200));
    // Counted in memory and written in batches; a read waits for the batches of its own Wharf.
    expect((await world.anonymous.get(`/atom/api/packages/${name}`)).body.downloads).toBe("40");
    const daily = await query<{ count: number }>(world.server.databaseUrl, "SELECT count FROM atom_daily_downloads WHERE name = $1", [name]);
    expect(daily).toEqual([{ count: 40 }]);
  });

  it("counts packages for the Link header as they are published and deleted", async () => {
    // The total, read as a client would: the last page's number and how many it holds.
    const total = async () => {
      const first = await world.anonymous.get("/atom/api/packages");
      const last = Number(/page=(\d+)[^>]*>; rel="last"/.exec(first.headers.get("link")!)![1]);
      const lastPage = await world.anonymous.get(`/atom/api/packages?page=${last}`);
      return (last - 1) * 30 + lastPage.body.length;
    };
    const before = await total();
    const { user, name, repo } = await publisher();
    expect((await world.anonymous.post(`/atom/api/packages?repository=${repo}`, { headers: atomAs(user) })).status).toBe(201);
    expect(await total()).toBe(before + 1);
    expect((await world.anonymous.delete(`/atom/api/packages/${name}`, { headers: atomAs(user) })).status).toBe(204);
    expect(await total()).toBe(before);
  });

  it("offers the newest editor release that staff recorded", async () => {
    expect((await world.anonymous.get("/atom/api/updates")).status).toBe(204);
    const record = (name: string, token: string) =>
      graphql(world.server.url, `mutation($n: String!) { recordEditorRelease(name: $n, url: "https://example.test/dl", notes: "<p>New</p>") { name } }`, { n: name }, token);
    const someone = await world.user();
    expect((await record("1.100.0", someone.token)).errors?.[0].extensions?.code).toBe("actorNotStaff");
    await record("1.100.0", world.server.adminToken);
    await record("1.99.0", world.server.adminToken);
    const update = await world.anonymous.get("/atom/api/updates");
    expect(update.body).toEqual({ name: "1.100.0", notes: "<p>New</p>", pub_date: expect.any(String), url: "https://example.test/dl" });
  });
});
