// Atom packages through GraphQL: the same packages, stars and downloads as
// the Atom REST face, written on one face and read on the other.
import fs from "node:fs";
import { atomAs, publishers, type Publisher } from "./support/atom";
import { graphql, bodyOf } from "./support/client";
import { makeGitBase } from "./support/git";
import { uniqueName, useWharf, type TestUser } from "./support/world";

const gitBase = makeGitBase();
const world = useWharf({ WHARF_GIT_BASE: gitBase });
afterAll(() => fs.rmSync(gitBase, { recursive: true, force: true }));
const publisher = publishers(world, gitBase);

const gql = (query: string, variables: Record<string, unknown> = {}, user?: TestUser) => graphql(world.server.url, query, variables, user?.token);

async function published(name?: string): Promise<Publisher> {
  const p = await publisher(name);
  expect((await world.anonymous.post(`/atom/api/packages?repository=${p.repo}`, { headers: atomAs(p.user) })).status).toBe(201);
  return p;
}

const ATOM_PACKAGE = `query($name: String!) { package(ecosystem: ATOM, name: $name) { id name description ... on AtomPackage {
  owner repository readme keywords downloadCount starCount viewerHasStarred
  latestVersion { version engine tarballUrl } versions { totalCount nodes { version } } } } }`;

it("shows an Atom package published through REST as REST shows it", async () => {
  const { name, user } = await published();
  const rest = (await world.anonymous.get(`/atom/api/packages/${name}`)).body;
  const { data } = await gql(ATOM_PACKAGE, { name }, user);
  expect(data.package).toEqual({
    id: `atom:${name}`,
    name,
    description: rest.metadata.description ?? "",
    owner: rest.owner,
    // REST gives the clone URL of what GraphQL names owner/repo; REST's counts are strings (as Pulsar's), GraphQL's numbers.
    repository: `${user.login}/${name}`,
    readme: rest.readme,
    keywords: rest.metadata.keywords ?? [],
    downloadCount: Number(rest.downloads),
    starCount: Number(rest.stargazers_count),
    viewerHasStarred: false,
    latestVersion: { version: rest.releases.latest, engine: ">=1.50.0", tarballUrl: rest.versions[rest.releases.latest].dist.tarball },
    versions: { totalCount: 1, nodes: [{ version: "1.1.0" }] },
  });
  expect((await gql(ATOM_PACKAGE, { name: uniqueName("missing") })).data.package).toBeNull();
});

it("keeps stars the same on both faces", async () => {
  const { name } = await published();
  const fan = await world.user();
  const starred = await gql(`mutation($n: String!) { starAtomPackage(name: $n) { starCount ... on AtomPackage { viewerHasStarred } } }`, { n: name }, fan);
  expect(starred.data.starAtomPackage).toEqual({ starCount: 1, viewerHasStarred: true });
  expect((await world.anonymous.get(`/atom/api/packages/${name}/stargazers`)).body).toEqual([{ login: fan.login }]);
  expect((await world.anonymous.get("/atom/api/stars", { headers: atomAs(fan) })).body.map((p: { name: string }) => p.name)).toEqual([name]);

  const other = await world.user();
  expect((await world.anonymous.post(`/atom/api/packages/${name}/star`, { headers: atomAs(other) })).status).toBe(200);
  const read = await gql(
    `query($n: String!, $l: String!) { package(ecosystem: ATOM, name: $n) { ... on AtomPackage { starCount viewerHasStarred stargazers { nodes { login } } } }
       user(login: $l) { starredPackages { nodes { name } } } }`,
    { n: name, l: other.login },
    other,
  );
  expect(read.data.package).toEqual({ starCount: 2, viewerHasStarred: true, stargazers: { nodes: [{ login: fan.login }, { login: other.login }] } });
  expect(read.data.user.starredPackages.nodes).toEqual([{ name }]);

  expect((await gql(`mutation($n: String!) { unstarAtomPackage(name: $n) }`, { n: name }, fan)).data.unstarAtomPackage).toBe(true);
  expect((await world.anonymous.get(`/atom/api/packages/${name}`)).body.stargazers_count).toBe("1");
  const anonymous = await gql(`mutation($n: String!) { starAtomPackage(name: $n) { name } }`, { n: name });
  expect(anonymous.errors?.[0].extensions?.code).toBe("missingAuthentication");
});

it("counts downloads in a total and a daily series", async () => {
  const { name } = await published();
  for (let i = 0; i < 2; i++) {
    expect((await fetch(`${world.server.url}/atom/api/packages/${name}/versions/1.1.0/tarball`)).status).toBe(200);
  }
  const today = new Date().toISOString().slice(0, 10);
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const history = `query($n: String!, $from: DateTimeISO, $to: DateTimeISO) { package(ecosystem: ATOM, name: $n) {
    ... on AtomPackage { downloadCount downloads(from: $from, to: $to) { total daily { date count } } } } }`;
  const { data } = await gql(history, { n: name, from: `${yesterday}T00:00:00Z`, to: `${today}T23:00:00Z` });
  expect(data.package).toEqual({
    downloadCount: 2,
    downloads: { total: 2, daily: [{ date: yesterday, count: 0 }, { date: today, count: 2 }] },
  });
  expect((await world.anonymous.get(`/atom/api/packages/${name}`)).body.downloads).toBe("2");
  // The default range is the last 30 days.
  expect((await gql(history, { n: name })).data.package.downloads.daily).toHaveLength(30);
  const backwards = await gql(history, { n: name, from: `${today}T00:00:00Z`, to: `${yesterday}T00:00:00Z` });
  expect(backwards.errors?.[0].extensions?.code).toBe("malformedRequest");
});

it("publishes, renames and deletes through mutations, under the same rules as REST", async () => {
  const { user, name, repo } = await publisher();
  const stranger = await world.user();
  const create = `mutation($r: String!) { createAtomPackage(repository: $r) { name ... on AtomPackage { owner latestVersion { version } } } }`;
  expect((await gql(create, { r: repo }, stranger)).errors?.[0].extensions?.code).toBe("actorNotAuthorized");
  expect((await gql(create, { r: repo }, user)).data.createAtomPackage).toEqual({ name, owner: user.login, latestVersion: { version: "1.1.0" } });
  expect((await gql(create, { r: repo }, user)).errors?.[0].extensions?.code).toBe("atomPackageExists");
  expect((await world.anonymous.get(`/atom/api/packages/${name}`)).body.releases.latest).toBe("1.1.0");

  const publish = `mutation($n: String!, $t: String!) { publishAtomVersion(name: $n, tag: $t) { version } }`;
  expect((await gql(publish, { n: name, t: "v1.0.0" }, user)).data.publishAtomVersion).toEqual({ version: "1.0.0" });
  expect((await gql(publish, { n: name, t: "v9.9.9" }, user)).errors?.[0].extensions?.code).toBe("atomTagNotFound");
  const remove = `mutation($n: String!, $v: String!) { deleteAtomVersion(name: $n, version: $v) }`;
  expect((await gql(remove, { n: name, v: "1.1.0" }, stranger)).errors?.[0].extensions?.code).toBe("actorNotAuthorized");
  expect((await gql(remove, { n: name, v: "1.1.0" }, user)).data.deleteAtomVersion).toBe(true);
  // With the latest deleted, the package shows the version before it.
  const shown = (await world.anonymous.get(`/atom/api/packages/${name}`)).body;
  expect([Object.keys(shown.versions), shown.releases.latest, shown.metadata.version]).toEqual([["1.0.0"], "1.0.0", "1.0.0"]);
  expect((await gql(publish, { n: name, t: "v1.1.0" }, user)).errors?.[0].extensions?.code).toBe("atomVersionExists");

  expect((await gql(`query($l: String!) { user(login: $l) { atomPackages { nodes { name } } } }`, { l: user.login })).data.user.atomPackages.nodes).toEqual([{ name }]);
  expect((await gql(`mutation($n: String!) { deleteAtomPackage(name: $n) }`, { n: name }, user)).data.deleteAtomPackage).toBe(true);
  expect((await world.anonymous.get(`/atom/api/packages/${name}`)).status).toBe(404);
});

it("searches as REST ranks, in one ecosystem or across both", async () => {
  const marker = uniqueName("srch");
  const names = [`${marker}`, `${marker}-extra`, `${marker.slice(0, 4)}-${marker.slice(4)}-more`];
  for (const name of names) await published(name);
  const owner = await world.user();
  const scope = uniqueName("s");
  expect((await owner.api.post("/api/scopes", { body: { scope } })).status).toBe(200);
  expect((await owner.api.post(`/api/scopes/${scope}/packages`, { body: { package: `${marker}-jsr` } })).status).toBe(200);

  const rest = (await world.anonymous.get(`/atom/api/packages/search?q=${marker}`)).body.map((p: { name: string }) => p.name);
  const search = `query($q: String!, $e: Ecosystem, $n: Int) { search(query: $q, ecosystem: $e, first: $n) { totalCount nodes { id name } } }`;
  const atomOnly = (await gql(search, { q: marker, e: "ATOM" })).data.search;
  expect(atomOnly.nodes.map((p: { name: string }) => p.name)).toEqual(rest);
  expect(atomOnly.totalCount).toBe(rest.length);

  const both = (await gql(search, { q: marker })).data.search;
  expect(both.totalCount).toBe(rest.length + 1);
  // Each ecosystem's own ranking, interleaved: Atom's best, jsr's best, then the rest of Atom's.
  expect(both.nodes.map((p: { id: string }) => p.id)).toEqual([`atom:${rest[0]}`, `jsr:@${scope}/${marker}-jsr`, ...rest.slice(1).map((n: string) => `atom:${n}`)]);
  const secondPage = (await gql(`query($q: String!) { search(query: $q, first: 2, after: "${Buffer.from("offset:1").toString("base64url")}") { nodes { id } } }`, { q: marker })).data.search;
  expect(secondPage.nodes.map((p: { id: string }) => p.id)).toEqual(both.nodes.slice(2, 4).map((p: { id: string }) => p.id));

  // Without an ecosystem, packages lists both; its query is a plain "contains", hyphens included.
  const all = (await gql(`query($q: String!) { packages(filter: { query: $q }) { totalCount nodes { id } } }`, { q: marker })).data.packages;
  expect(all.nodes.map((p: { id: string }) => p.id).sort()).toEqual([`atom:${names[0]}`, `atom:${names[1]}`, `jsr:@${scope}/${marker}-jsr`].sort());
  expect((await gql(`{ search(query: " ") { totalCount } }`)).errors?.[0].extensions?.code).toBe("malformedRequest");
});

it("costs a fixed number of statements for a page of Atom packages with latest version, owner, stars and the viewer's star", async () => {
  const marker = uniqueName("cost");
  const fan = await world.user();
  for (let i = 0; i < 8; i++) {
    const { name } = await published(`${marker}-${i}`);
    if (i % 2 === 0) await world.anonymous.post(`/atom/api/packages/${name}/star`, { headers: atomAs(fan) });
  }
  const statements = async (first: number, versionFields = "version") => {
    const res = await fetch(`${world.server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${fan.token}` },
      body: JSON.stringify({
        query: `query($q: String!, $n: Int!) { packages(filter: { ecosystem: ATOM, query: $q }, orderBy: { field: STARS }, first: $n) {
          nodes { name ... on AtomPackage { owner starCount viewerHasStarred latestVersion { ${versionFields} } } } } }`,
        variables: { q: marker, n: first },
      }),
    });
    const body = await bodyOf(res);
    expect(body.data.packages.nodes).toHaveLength(first);
    expect(body.data.packages.nodes[0]).toMatchObject({ starCount: 1, viewerHasStarred: true, latestVersion: { version: "1.1.0" } });
    return Number(res.headers.get("x-wharf-sql-statements"));
  };
  // A request may also look its token up (the cache was emptied by the writes above, or its 5 s ran out): that is
  // not the page's cost. Of two requests in a row, the second finds the token cached.
  const pageCost = async (first: number, versionFields?: string) => Math.min(await statements(first, versionFields), await statements(first, versionFields));
  expect(await pageCost(8)).toBe(await pageCost(2));
  // The latest version's number comes with the package; its row is read only for a field of it, in one statement.
  const withRows = "version engine createdAt metadata";
  expect(await pageCost(8, withRows)).toBe(await pageCost(2, withRows));
  expect(await pageCost(8, withRows)).toBe((await pageCost(8)) + 1);
});

it("counts Atom packages in the registry's stats, and shows the newest", async () => {
  const stats = `{ stats { packageCount atomPackageCount jsrPackageCount newest { id } } }`;
  const before = (await gql(stats)).data.stats;
  const { name } = await published();
  const after = (await gql(stats)).data.stats;
  expect(after).toMatchObject({ atomPackageCount: before.atomPackageCount + 1, packageCount: before.packageCount + 1, jsrPackageCount: before.jsrPackageCount });
  expect(after.newest[0]).toEqual({ id: `atom:${name}` });
});
