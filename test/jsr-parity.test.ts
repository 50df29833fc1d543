// The jsr operations beyond publishing (upstream's jsr-api.yml): version deletion, publishing tasks, a user's
// packages, the dependency graph, the source view, tickets, metrics, provenance and downloads. One server; every
// response is checked against openapi.yaml (WHARF_CHECK_RESPONSES).
import { denoPackage, QUICK_TASKS, tarball, uploadTarball, waitForTask, type Files } from "./support/packages";
import { bodyOf, graphql } from "./support/client";
import { uniqueName, useWharf, type TestUser } from "./support/world";

const world = useWharf(QUICK_TASKS);

async function publishedPackage(files?: (fullName: string) => Files): Promise<{ owner: TestUser; scope: string; name: string }> {
  const owner = await world.user();
  const scope = uniqueName("s");
  const name = "pkg";
  expect((await owner.api.post("/api/scopes", { body: { scope } })).status).toBe(200);
  expect((await owner.api.post(`/api/scopes/${scope}/packages`, { body: { package: name } })).status).toBe(200);
  const content = files ? files(`@${scope}/${name}`) : denoPackage(`@${scope}/${name}`, "1.0.0", { "lib/util.ts": "export const x = 1;\n", "README.md": "# <b>Hi</b>\n" });
  const res = await uploadTarball(world.server.url, owner.token, { scope, name, version: "1.0.0" }, await tarball(content));
  expect((await waitForTask(world.server.url, (await bodyOf(res)).id)).status).toBe("success");
  return { owner, scope, name };
}

describe("versions and publishing", () => {
  it("lets only staff delete a version, and not one that others depend on", async () => {
    const { owner, scope, name } = await publishedPackage();
    const path = `/api/scopes/${scope}/packages/${name}/versions/1.0.0`;
    expect((await owner.api.delete(path)).body.code).toBe("actorNotStaff");
    expect((await world.anonymous.delete(path)).body.code).toBe("missingAuthentication");
    expect((await fetch(`${world.server.url}/@${scope}/${name}/1.0.0/mod.ts`)).status).toBe(200);
    expect((await world.admin.delete(path)).status).toBe(204);
    expect((await world.anonymous.get(path)).body.code).toBe("packageVersionNotFound");
    expect((await fetch(`${world.server.url}/@${scope}/${name}/1.0.0/mod.ts`)).status).toBe(404);

    const base = await publishedPackage();
    const user = await publishedPackage((fullName) => denoPackage(fullName, "1.0.0", { "mod.ts": `export * from "jsr:@${base.scope}/pkg@1";\n` }));
    const refused = await world.admin.delete(`/api/scopes/${base.scope}/packages/pkg/versions/1.0.0`);
    expect(refused).toMatchObject({ status: 400, body: { code: "deleteVersionHasDependents" } });
    expect((await world.admin.delete(`/api/scopes/${user.scope}/packages/pkg/versions/1.0.0`)).status).toBe(204);
  });

  it("lists a package's publishing tasks to its scope's members, and a user's recently published packages", async () => {
    const { owner, scope, name } = await publishedPackage();
    const tasks = await owner.api.get(`/api/scopes/${scope}/packages/${name}/publishing_tasks`);
    expect(tasks.body).toEqual([expect.objectContaining({ status: "success", packageVersion: "1.0.0", userId: owner.id })]);
    const outsider = await world.user();
    expect((await outsider.api.get(`/api/scopes/${scope}/packages/${name}/publishing_tasks`)).body.code).toBe("actorNotScopeMember");
    // Staff see them only acting as staff, with jsr's sudo header.
    const staff = await world.user("staff", { isStaff: true });
    expect((await staff.api.get(`/api/scopes/${scope}/packages/${name}/publishing_tasks`)).status).toBe(403);
    expect((await staff.api.get(`/api/scopes/${scope}/packages/${name}/publishing_tasks`, { headers: { "x-jsr-sudo": "true" } })).status).toBe(200);

    const mine = await world.anonymous.get(`/api/users/${owner.id}/packages`);
    expect(mine.body.map((p: { scope: string; name: string }) => `${p.scope}/${p.name}`)).toEqual([`${scope}/${name}`]);
    expect((await world.anonymous.get(`/api/users/${outsider.id}/packages`)).body).toEqual([]);
  });

  it("shows a version's source: directories, files as escaped HTML, and latest", async () => {
    const { scope, name } = await publishedPackage();
    const base = `/api/scopes/${scope}/packages/${name}/versions`;
    const root = await world.anonymous.get(`${base}/latest/source`);
    expect(root.body.version.version).toBe("1.0.0");
    expect(root.body.source).toEqual({
      kind: "dir",
      entries: [
        { name: "lib", size: 20, kind: "dir" },
        { name: "README.md", size: 12, kind: "file" },
        { name: "deno.json", size: expect.any(Number), kind: "file" },
        { name: "mod.ts", size: expect.any(Number), kind: "file" },
      ].sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === "dir" ? -1 : 1)),
    });
    const readme = await world.anonymous.get(`${base}/1.0.0/source?path=/README.md`);
    expect(readme.body.source).toEqual({ kind: "file", size: 12, view: expect.stringContaining("&#60;b&#62;Hi") });
    expect((await world.anonymous.get(`${base}/1.0.0/source?path=/nope`)).body.code).toBe("packagePathNotFound");
  });

  it("answers the dependency graph in upstream's shape", async () => {
    const base = await publishedPackage();
    const user = await publishedPackage((fullName) =>
      denoPackage(fullName, "1.0.0", { "mod.ts": `export * from "jsr:@${base.scope}/pkg@^1";\nexport { default } from "npm:chalk@5";\n` }),
    );
    const graph = await world.anonymous.get(`/api/scopes/${user.scope}/packages/pkg/versions/1.0.0/dependencies/graph`);
    expect(graph.body).toEqual(
      expect.arrayContaining([
        { id: 0, dependency: { type: "root", path: "/mod.ts" }, children: [1, 2], size: null, mediaType: null },
        expect.objectContaining({ dependency: expect.objectContaining({ type: "jsr", scope: base.scope, package: "pkg", version: "1.0.0" }) }),
        expect.objectContaining({ dependency: { type: "npm", package: "chalk@5" } }),
      ]),
    );
  });

  it("counts a fetch of <version>_meta.json as a download, per version and day", async () => {
    const { scope, name } = await publishedPackage();
    for (let i = 0; i < 3; i++) expect((await fetch(`${world.server.url}/@${scope}/${name}/1.0.0_meta.json`)).status).toBe(200);
    await fetch(`${world.server.url}/@${scope}/${name}/1.0.0_meta.json`, { method: "HEAD" });
    await fetch(`${world.server.url}/@${scope}/${name}/meta.json`);
    const today = `${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`;
    const downloads = await world.anonymous.get(`/api/scopes/${scope}/packages/${name}/downloads`);
    const point = [{ timeBucket: today, kind: "jsr_meta", count: 3 }];
    expect(downloads.body).toEqual({ total: point, recentVersions: [{ version: "1.0.0", downloads: point }] });
  });

  it("refuses provenance with a clear error in jsr's shape", async () => {
    const { owner, scope, name } = await publishedPackage();
    const res = await owner.api.post(`/api/scopes/${scope}/packages/${name}/versions/1.0.0/provenance`, { body: { bundle: {} } });
    expect(res).toMatchObject({ status: 400, body: { code: "provenanceNotSupported", message: expect.stringContaining("Sigstore") } });
  });
});

describe("tickets and metrics", () => {
  it("lets a user open a ticket, and only them and staff read and answer it", async () => {
    const alice = await world.user();
    const opened = await alice.api.post("/api/tickets", { body: { kind: "user_scope_quota_increase", meta: { scopes: "10" }, message: "More, please." } });
    expect(opened.body).toMatchObject({ kind: "user_scope_quota_increase", closed: false, messages: [{ message: "More, please." }] });
    expect((await alice.api.post("/api/tickets", { body: { kind: "other", meta: { n: 1 }, message: "x" } })).body.code).toBe("ticketMetaNotValid");
    expect((await alice.api.post("/api/tickets", { body: { kind: "other", meta: {}, message: "  " } })).body.code).toBe("ticketMessageEmpty");

    const reply = await world.admin.post(`/api/tickets/${opened.body.id}`, { body: { message: "Done." } });
    expect(reply.body).toMatchObject({ message: "Done.", author: { name: expect.any(String) } });
    const seen = await alice.api.get(`/api/tickets/${opened.body.id}`);
    expect(seen.body.events.map((e: { message: { message: string } }) => e.message.message)).toEqual(["More, please.", "Done."]);
    expect((await (await world.user()).api.get(`/api/tickets/${opened.body.id}`)).body.code).toBe("ticketNotFound");
    expect((await alice.api.get("/api/user/tickets")).body).toHaveLength(1);
  });

  it("shows staff the registry's metrics", async () => {
    await publishedPackage();
    const metrics = await world.admin.get("/api/metrics");
    expect(metrics.body).toMatchObject({ packages: expect.any(Number), users1d: expect.any(Number), packageVersions30d: expect.any(Number) });
    expect(metrics.body.packageVersions).toBeGreaterThan(0);
    expect((await (await world.user()).api.get("/api/metrics")).body.code).toBe("actorNotStaff");
  });
});

describe("scopes, as upstream rules them", () => {
  it("reserves jsr's reserved names for staff acting as staff", async () => {
    const user = await world.user();
    expect((await user.api.post("/api/scopes", { body: { scope: "std" } })).body.code).toBe("scopeNameReserved");
    expect((await user.api.post("/api/scopes", { body: { scope: "s-t-d" } })).body.code).toBe("scopeNameReserved");
  });

  it("hands the scope to another admin when its owner steps down, unless none has room (noScopeOwnerAvailable)", async () => {
    const owner = await world.user();
    const other = await world.user();
    const scope = uniqueName("s");
    await owner.api.post("/api/scopes", { body: { scope } });
    await owner.api.post(`/api/scopes/${scope}/members`, { body: { githubLogin: other.login } });
    expect((await other.api.post(`/api/user/invites/${scope}`)).status).toBe(200);
    expect((await owner.api.patch(`/api/scopes/${scope}/members/${other.id}`, { body: { isAdmin: true } })).status).toBe(200);
    // The other admin has used up their own scopes: nobody can own this one.
    for (let i = 0; i < 3; i++) expect((await other.api.post("/api/scopes", { body: { scope: uniqueName("o") } })).status).toBe(200);
    expect((await owner.api.delete(`/api/scopes/${scope}/members/${owner.id}`)).body.code).toBe("noScopeOwnerAvailable");
    expect((await owner.api.patch(`/api/scopes/${scope}/members/${owner.id}`, { body: { isAdmin: false } })).body.code).toBe("noScopeOwnerAvailable");
    const third = await world.user();
    await owner.api.post(`/api/scopes/${scope}/members`, { body: { githubLogin: third.login } });
    await third.api.post(`/api/user/invites/${scope}`);
    await owner.api.patch(`/api/scopes/${scope}/members/${third.id}`, { body: { isAdmin: true } });
    expect((await owner.api.delete(`/api/scopes/${scope}/members/${owner.id}`)).status).toBe(204);
    expect((await third.api.get(`/api/scopes/${scope}`)).body.creator.id).toBe(third.id);
  });
});

describe("docs and score", () => {
  const documented = (fullName: string) =>
    denoPackage(
      fullName,
      "1.0.0",
      {
        "README.md": "# Greeting\n\n```ts\ngreet('you');\n```\n",
        "mod.ts": '/**\n * Greetings.\n * @module\n */\nimport chalk from "npm:chalk@5";\n/** Greets someone. */\nexport function greet(name: string): string {\n  return `Hello, ${name}`;\n}\nexport const loud = (s: string) => chalk(s);\n',
        "util.ts": "/**\n * Utilities.\n * @module\n */\n/** One. */\nexport const one: number = 1;\n",
      },
      { exports: { ".": "./mod.ts", "./util": "./util.ts" } },
    );

  it("generates a version's docs at publish and serves its symbols, search and score", async () => {
    const { scope, name, owner } = await publishedPackage(documented);
    const base = `/api/scopes/${scope}/packages/${name}/versions/1.0.0/docs`;
    const index = await world.anonymous.get(base);
    expect(index.body).toMatchObject({ kind: "content", version: { version: "1.0.0" }, main: { kind: "index" } });
    expect(index.body.main.value.entrypoints.map((e: { key: string }) => e.key)).toEqual([".", "./util"]);
    expect(index.body.main.value.entrypoints[0].symbols).toEqual(
      expect.arrayContaining([{ name: "greet", kind: ["function"], doc: "Greets someone." }, expect.objectContaining({ name: "loud" })]),
    );
    const symbol = await world.anonymous.get(`${base}?symbol=greet`);
    expect(symbol.body.main).toMatchObject({ kind: "symbol", value: { path: "/mod.ts", symbol: { name: "greet" } } });
    expect((await world.anonymous.get(`${base}?entrypoint=./util`)).body.main.value.symbols[0].name).toBe("one");
    expect((await world.anonymous.get(`${base}?symbol=nope`)).body.code).toBe("docsNotFound");
    const search = await world.anonymous.get(`${base}/search`);
    expect(search.body.nodes.map((n: { name: string }) => n.name).sort()).toEqual(["greet", "loud", "one"]);
    expect((await world.anonymous.get(`${base}/search_structured`)).body.symbols).toHaveLength(3);

    // 2 readme + 1 examples + 1 module docs + floor(2/3 / 0.8 * 5) = 4 symbols; `loud` has no return type: no fast check.
    const score = await world.anonymous.get(`/api/scopes/${scope}/packages/${name}/score`);
    expect(score.body).toEqual({
      hasReadme: true,
      hasReadmeExamples: true,
      allEntrypointsDocs: true,
      percentageDocumentedSymbols: 2 / 3,
      allFastCheck: false,
      hasProvenance: false,
      hasDescription: false,
      atLeastOneRuntimeCompatible: false,
      multipleRuntimesCompatible: false,
      total: 8,
    });
    expect((await world.anonymous.get(`/api/scopes/${scope}/packages/${name}`)).body.score).toBe(47);
    // The same through GraphQL: an entrypoint's docs, a symbol search, the score.
    const query = `query($scope: String!, $name: String!) { package(scope: $scope, name: $name, ecosystem: JSR) { ... on JsrPackage { score { total percentage }
      version(version: "1.0.0") { docs(entrypoint: "./util") { path moduleDoc symbols { name kinds } } searchSymbols(query: "greet") { name path doc } docsError } } } }`;
    const gql = await graphql(world.server.url, query, { scope, name });
    expect(gql.errors).toBeUndefined();
    expect(gql.data.package).toEqual({
      score: { total: 8, percentage: 47 },
      version: {
        docs: { path: "/util.ts", moduleDoc: "Utilities.", symbols: [{ name: "one", kinds: ["variable"] }] },
        searchSymbols: [{ name: "greet", path: "/mod.ts", doc: "Greets someone." }],
        docsError: null,
      },
    });
    // The package's own settings count at once.
    await owner.api.patch(`/api/scopes/${scope}/packages/${name}`, { body: { description: "Greets." } });
    expect((await world.anonymous.get(`/api/scopes/${scope}/packages/${name}/score`)).body).toMatchObject({ hasDescription: true, total: 9 });
  });

  it("publishes a version whose docs cannot be made, and says why", async () => {
    const { scope, name } = await publishedPackage((fullName) => denoPackage(fullName, "1.0.0", { "mod.ts": "export const = ;\n" }));
    const docs = await world.anonymous.get(`/api/scopes/${scope}/packages/${name}/versions/latest/docs`);
    expect(docs).toMatchObject({ status: 404, body: { code: "docsNotFound", message: expect.stringContaining("deno doc failed") } });
    // deno reads any local file a module names: a package naming one outside itself gets no docs, and no file is read.
    for (const mod of ['export * from "/etc/hostname";\n', '// @ts-types="../../../../etc/hostname"\nexport * from "./x.js";\n']) {
      const escaping = await publishedPackage((fullName) => denoPackage(fullName, "1.0.0", { "mod.ts": mod, "x.js": "export const x = 1;\n" }));
      const refused = await world.anonymous.get(`/api/scopes/${escaping.scope}/packages/pkg/versions/1.0.0/docs`);
      expect(refused.body.message).toContain("outside the package");
    }
  });
});
