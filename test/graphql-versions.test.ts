// GraphQL over published jsr versions: versions, latest, readme, files,
// dependencies, the transitive graph (with a cycle) and dependents; compared
// with what REST says.
import { graphql, bodyOf } from "./support/client";
import { denoPackage, tarball, uploadTarball, waitForTask } from "./support/packages";
import { uniqueName, useWharf, type TestUser } from "./support/world";

const world = useWharf();
const gql = (query: string, variables: Record<string, unknown> = {}) => graphql(world.server.url, query, variables);

async function publish(owner: TestUser, scope: string, name: string, version: string, mod: string, extra: Record<string, string> = {}) {
  const body = await tarball(denoPackage(`@${scope}/${name}`, version, { "mod.ts": mod, ...extra }));
  const res = await uploadTarball(world.server.url, owner.token, { scope, name, version }, body);
  const task = await bodyOf(res);
  expect([res.status, task.packageVersion]).toEqual([200, version]);
  const done = await waitForTask(world.server.url, task.id);
  if (done.status === "failure") throw new Error(JSON.stringify(done.error));
}

it("answers versions, dependencies, the dependency graph and dependents", async () => {
  const owner = await world.user();
  const scope = uniqueName("g");
  await owner.api.post("/api/scopes", { body: { scope } });
  for (const name of ["pa", "pb", "pc"]) {
    expect((await owner.api.post(`/api/scopes/${scope}/packages`, { body: { package: name } })).status).toBe(200);
  }
  // pa -> pb -> pc -> pa (a cycle), and pa -> npm:chalk
  await publish(owner, scope, "pc", "1.0.0", "export const c = 1;\n");
  await publish(owner, scope, "pb", "1.0.0", `export * from "jsr:@${scope}/pc@^1.0.0";\n`);
  await publish(owner, scope, "pa", "1.0.0", `export * from "jsr:@${scope}/pb@^1";\nimport "npm:chalk@5";\n`, { "README.md": "# A\n" });
  await publish(owner, scope, "pc", "1.1.0", `export * from "jsr:@${scope}/pa@^1.0.0";\n`);
  await publish(owner, scope, "pa", "2.0.0-rc.1", "export const a = 2;\n");

  const res = await gql(
    `query($s: String!) {
      package(ecosystem: JSR, scope: $s, name: "pa") {
        ... on JsrPackage {
          latestVersion { version readme files { path size checksum } dependencies { kind name constraint path } publishingTask { status } }
          versions { totalCount nodes { version } }
          graph: latestVersion { dependencyGraph(depth: 5) { nodes { id depth } edges { from to } } }
        }
      }
      c: package(ecosystem: JSR, scope: $s, name: "pc") { ... on JsrPackage { dependents { totalCount nodes { name } } } }
    }`,
    { s: scope },
  );
  expect(res.errors).toBeUndefined();
  const a = res.data.package;
  expect(a.versions).toEqual({ totalCount: 2, nodes: [{ version: "2.0.0-rc.1" }, { version: "1.0.0" }] });
  expect(a.latestVersion).toMatchObject({ version: "1.0.0", readme: "# A\n", publishingTask: { status: "success" } });
  expect(a.latestVersion.files.map((f: { path: string }) => f.path)).toEqual(["/README.md", "/deno.json", "/mod.ts"]);
  const rest = await world.anonymous.get(`/api/scopes/${scope}/packages/pa/versions/1.0.0/dependencies`);
  expect(a.latestVersion.dependencies).toEqual(rest.body);

  const { nodes, edges } = a.graph.dependencyGraph;
  expect(nodes).toEqual(
    expect.arrayContaining([
      { id: `jsr:@${scope}/pa@1.0.0`, depth: 0 },
      { id: `jsr:@${scope}/pb@1.0.0`, depth: 1 },
      { id: "npm:chalk@5", depth: 1 },
      { id: `jsr:@${scope}/pc@1.1.0`, depth: 2 },
    ]),
  );
  expect(nodes).toHaveLength(4);
  // The cycle closes on the root instead of going round again.
  expect(edges).toContainEqual({ from: `jsr:@${scope}/pc@1.1.0`, to: `jsr:@${scope}/pa@1.0.0` });

  expect(res.data.c.dependents).toEqual({ totalCount: 1, nodes: [{ name: "pb" }] });
});

it("creates, updates, yanks and deletes through GraphQL, as REST sees it", async () => {
  const owner = await world.user();
  const scope = uniqueName("m");
  await owner.api.post("/api/scopes", { body: { scope } });
  const mutate = (query: string, variables: Record<string, unknown>) => graphql(world.server.url, query, variables, owner.token);

  const created = await mutate(`mutation($s: String!) { createPackage(scope: $s, name: "tool") { fullName } }`, { s: scope });
  expect(created.data.createPackage).toEqual({ fullName: `@${scope}/tool` });
  const described = await mutate(`mutation($s: String!) { updatePackage(scope: $s, name: "tool", input: { description: "A tool" }) { description } }`, { s: scope });
  expect(described.data.updatePackage.description).toBe("A tool");
  expect((await world.anonymous.get(`/api/scopes/${scope}/packages/tool`)).body.description).toBe("A tool");

  await publish(owner, scope, "tool", "1.0.0", "export const t = 1;\n");
  const yanked = await mutate(`mutation($s: String!) { yankVersion(scope: $s, name: "tool", version: "1.0.0") { version yanked } }`, { s: scope });
  expect(yanked.data.yankVersion).toEqual({ version: "1.0.0", yanked: true });
  expect((await bodyOf(await fetch(`${world.server.url}/@${scope}/tool/meta.json`))).latest).toBeNull();

  const notEmpty = await mutate(`mutation($s: String!) { deletePackage(scope: $s, name: "tool") }`, { s: scope });
  expect(notEmpty.errors?.[0].extensions?.code).toBe("packageNotEmpty");
  await mutate(`mutation($s: String!) { createPackage(scope: $s, name: "spare") { name } }`, { s: scope });
  expect((await mutate(`mutation($s: String!) { deletePackage(scope: $s, name: "spare") }`, { s: scope })).data.deletePackage).toBe(true);
  expect((await world.anonymous.get(`/api/scopes/${scope}/packages/spare`)).status).toBe(404);

  // With createScope (the /new page): a missing scope is made first, an existing one is used as it is, a bad
  // package name makes no scope, and a reserved scope name is refused.
  const fresh = uniqueName("n");
  const both = await mutate(`mutation($s: String!) { createPackage(scope: $s, name: "first", createScope: true) { fullName } }`, { s: fresh });
  expect(both.data.createPackage).toEqual({ fullName: `@${fresh}/first` });
  const again = await mutate(`mutation($s: String!) { createPackage(scope: $s, name: "second", createScope: true) { fullName } }`, { s: fresh });
  expect(again.data.createPackage).toEqual({ fullName: `@${fresh}/second` });
  const other = uniqueName("n");
  const badName = await mutate(`mutation($s: String!) { createPackage(scope: $s, name: "Bad Name", createScope: true) { name } }`, { s: other });
  expect(badName.errors?.[0].extensions?.code).toBe("malformedRequest");
  expect((await world.anonymous.get(`/api/scopes/${other}`)).status).toBe(404);
  const reserved = await mutate(`mutation { createPackage(scope: "angular", name: "core", createScope: true) { name } }`, {});
  expect(reserved.errors?.[0].extensions?.code).toBe("scopeNameReserved");
});
