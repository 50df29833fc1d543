// Who owns an Atom package, and which names stay theirs. Logins and scope
// names are one namespace (an Atom repository's owner is either); a package's
// owner is kept by id, so a look-alike name gives no rights; old and deleted
// package names stay with their owner; and a name@version keeps its bytes.
import { createHash } from "node:crypto";
import fs from "node:fs";
import { atomAs, publishers } from "./support/atom";
import { graphql } from "./support/client";
import { addRelease, atomPackageJson, makeGitBase, makeRepository } from "./support/git";
import { query } from "./support/server";
import { uniqueName, useWharf, type TestUser } from "./support/world";

const gitBase = makeGitBase();
const world = useWharf({ WHARF_GIT_BASE: gitBase });
afterAll(() => fs.rmSync(gitBase, { recursive: true, force: true }));

const publisher = publishers(world, gitBase);

const createUser = (login: string) =>
  graphql(world.server.url, `mutation($l: String!) { createUser(input: { login: $l }) { user { id } token } }`, { l: login }, world.server.adminToken);

const publishRepo = (user: TestUser, repo: string) => world.anonymous.post(`/atom/api/packages?repository=${repo}`, { headers: atomAs(user) });
const publishTag = (user: TestUser, name: string, tag: string, rename = false) =>
  world.anonymous.post(`/atom/api/packages/${name}/versions?tag=${tag}${rename ? "&rename=true" : ""}`, { headers: atomAs(user) });
const remove = (user: TestUser, name: string) => world.anonymous.delete(`/atom/api/packages/${name}`, { headers: atomAs(user) });

/** A scope, made behind the API's back as an older Wharf could have made it (the name is free of the namespace rule). */
async function legacyScope(name: string, admin: TestUser): Promise<void> {
  await query(world.server.databaseUrl, "INSERT INTO scopes (scope, creator_id) VALUES ($1, $2)", [name, admin.id]);
  await query(world.server.databaseUrl, "INSERT INTO scope_members (scope, user_id, is_admin) VALUES ($1, $2, true)", [name, admin.id]);
}

/** A user with a token, made behind the API's back in the same way. */
async function legacyUser(login: string): Promise<TestUser> {
  const token = `wharf_legacy${uniqueName()}`;
  const [{ id }] = await query<{ id: string }>(world.server.databaseUrl, "INSERT INTO users (id, login, name) VALUES (gen_random_uuid(), $1, $1) RETURNING id", [login]);
  await query(world.server.databaseUrl, "INSERT INTO tokens (id, user_id, hash) VALUES (gen_random_uuid(), $1, $2)", [id, createHash("sha256").update(token).digest("hex")]);
  return { id, login, token, api: undefined as never, rest: undefined as never };
}

describe("logins and scope names", () => {
  it("refuses a scope named like another user's login, but not to that user", async () => {
    const alice = await world.user("alice");
    const mallory = await world.user("mal");
    const squat = await mallory.api.post("/api/scopes", { body: { scope: alice.login } });
    expect([squat.status, squat.body.code]).toEqual([400, "scopeNameReserved"]);
    const viaGraphql = await graphql(world.server.url, `mutation($s: String!) { createScope(input: { scope: $s }) { scope } }`, { s: alice.login }, mallory.token);
    expect(viaGraphql.errors?.[0].extensions?.code).toBe("scopeNameReserved");
    expect((await alice.api.post("/api/scopes", { body: { scope: alice.login } })).status).toBe(200);
  });

  it("refuses a user named like a scope", async () => {
    const owner = await world.user();
    const scope = uniqueName("s");
    expect((await owner.api.post("/api/scopes", { body: { scope } })).status).toBe(200);
    expect((await createUser(scope)).errors?.[0].extensions?.code).toBe("userAlreadyExists");
  });

  it("gives a name to a user or a scope, never both, when both are made at once", async () => {
    const mallory = await world.user("mal");
    for (let i = 0; i < 3; i++) {
      const name = uniqueName("race");
      const [scope, user] = await Promise.all([mallory.api.post("/api/scopes", { body: { scope: name } }), createUser(name)]);
      const made = [scope.status === 200, !user.errors].filter(Boolean);
      expect([name, made.length]).toEqual([name, 1]);
    }
  });
});

describe("an Atom package's owner", () => {
  it("is a user by id: a scope named like them (made before the rule) gets no rights to their packages", async () => {
    const { user: alice, name, repo } = await publisher();
    expect((await publishRepo(alice, repo)).status).toBe(201);
    const mallory = await world.user("mal");
    await legacyScope(alice.login, mallory);

    addRelease(gitBase, alice.login, name, { tag: "v1.2.0", files: { "package.json": atomPackageJson(name, "1.2.0") } });
    const other = uniqueName("atom");
    makeRepository(gitBase, alice.login, other, [{ tag: "v1.0.0", files: { "package.json": atomPackageJson(other, "1.0.0") } }]);

    expect((await publishTag(mallory, name, "v1.2.0")).status).toBe(403);
    expect((await publishRepo(mallory, `${alice.login}/${other}`)).status).toBe(403);
    expect((await remove(mallory, name)).status).toBe(403);
    // Alice keeps every right, and her package still shows her login.
    expect((await publishTag(alice, name, "v1.2.0")).status).toBe(201);
    expect((await world.anonymous.get(`/atom/api/packages/${name}`)).body.owner).toBe(alice.login);
    expect((await publishRepo(alice, `${alice.login}/${other}`)).status).toBe(201);
  });

  it("is a scope by name: a user with that login (made before the rule) gets no rights to its packages", async () => {
    const admin = await world.user("adm");
    const scope = uniqueName("s");
    expect((await admin.api.post("/api/scopes", { body: { scope } })).status).toBe(200);
    const name = uniqueName("atom");
    makeRepository(gitBase, scope, name, [
      { tag: "v1.0.0", files: { "package.json": atomPackageJson(name, "1.0.0") } },
      { tag: "v1.1.0", files: { "package.json": atomPackageJson(name, "1.1.0") } },
    ]);
    const created = await world.anonymous.post(`/atom/api/packages?repository=${scope}/${name}`, { headers: atomAs(admin) });
    expect([created.status, created.body.owner]).toEqual([201, scope]);

    const lookalike = await legacyUser(scope);
    expect((await publishTag(lookalike, name, "v1.0.0")).status).toBe(403);
    expect((await remove(lookalike, name)).status).toBe(403);
    expect((await publishTag(admin, name, "v1.0.0")).status).toBe(201);
    // The scope owns a package, so it is not empty; once the package is gone, it may go.
    const full = await admin.api.delete(`/api/scopes/${scope}`);
    expect([full.status, full.body.code]).toEqual([409, "scopeNotEmpty"]);
    expect((await remove(admin, name)).status).toBe(204);
    expect((await admin.api.delete(`/api/scopes/${scope}`)).status).toBe(204);
  });

  it("must exist: not even staff publish a repository whose owner is neither a user nor a scope", async () => {
    const nobody = uniqueName("nobody");
    const name = uniqueName("atom");
    makeRepository(gitBase, nobody, name, [{ tag: "v1.0.0", files: { "package.json": atomPackageJson(name, "1.0.0") } }]);
    const res = await world.admin.post(`/atom/api/packages?repository=${nobody}/${name}`, { headers: { authorization: world.server.adminToken } });
    expect([res.status, res.body.message]).toEqual([400, expect.stringMatching(/neither a user nor a scope/)]);
  });

  it("shows the user's packages on their GraphQL profile", async () => {
    const { user, name, repo } = await publisher();
    await publishRepo(user, repo);
    const res = await graphql(world.server.url, `query($l: String!) { user(login: $l) { atomPackages { nodes { name } } } }`, { l: user.login });
    expect(res.data.user.atomPackages.nodes).toEqual([{ name }]);
  });
});

describe("Atom names", () => {
  it("stay with their owner after a rename: nobody else publishes under the old name", async () => {
    const { user: alice, name, repo } = await publisher();
    await publishRepo(alice, repo);
    const newName = `${name}-renamed`;
    addRelease(gitBase, alice.login, name, { tag: "v2.0.0", files: { "package.json": atomPackageJson(newName, "2.0.0") } });
    expect((await publishTag(alice, name, "v2.0.0", true)).status).toBe(201);

    // Mallory's new package under the old name, and her rename to it, are refused; the old name still leads to Alice's.
    const mallory = await world.user("mal");
    const squat = uniqueName("squat");
    makeRepository(gitBase, mallory.login, squat, [{ tag: "v9.0.0", files: { "package.json": atomPackageJson(name, "9.0.0") } }]);
    const taken = await publishRepo(mallory, `${mallory.login}/${squat}`);
    expect([taken.status, taken.body.message]).toEqual([409, expect.stringMatching(/name/)]);
    const own = uniqueName("own");
    makeRepository(gitBase, mallory.login, own, [
      { tag: "v1.0.0", files: { "package.json": atomPackageJson(own, "1.0.0") } },
      { tag: "v2.0.0", files: { "package.json": atomPackageJson(name, "2.0.0") } },
    ]);
    // Only 2.0.0 (the newest tag) is published, under the old name: refused. Publish 1.0.0 under its own name, then rename.
    expect((await publishRepo(mallory, `${mallory.login}/${own}`)).status).toBe(409);
    addRelease(gitBase, mallory.login, own, { tag: "v3.0.0", files: { "package.json": atomPackageJson(own, "3.0.0") } });
    expect((await publishRepo(mallory, `${mallory.login}/${own}`)).status).toBe(201);
    expect((await publishTag(mallory, own, "v2.0.0", true)).status).toBe(409);
    expect((await world.anonymous.get(`/atom/api/packages/${name}`)).body).toMatchObject({ name: newName, owner: alice.login });

    // Alice herself may take her old name again.
    const again = uniqueName("again");
    makeRepository(gitBase, alice.login, again, [{ tag: "v5.0.0", files: { "package.json": atomPackageJson(name, "5.0.0") } }]);
    expect((await publishRepo(alice, `${alice.login}/${again}`)).status).toBe(201);
    expect((await world.anonymous.get(`/atom/api/packages/${name}`)).body).toMatchObject({ name, releases: { latest: "5.0.0" } });
    expect((await world.anonymous.get(`/atom/api/packages/${newName}`)).body).toMatchObject({ name: newName, releases: { latest: "2.0.0" } });
  });

  it("stay with their owner after a delete, and a name@version never changes its bytes", async () => {
    const { user: alice, name, repo } = await publisher();
    await publishRepo(alice, repo);
    const before = await (await fetch(`${world.server.url}/atom/api/packages/${name}/versions/1.1.0/tarball`)).arrayBuffer();
    expect((await remove(alice, name)).status).toBe(204);

    const mallory = await world.user("mal");
    const squat = uniqueName("squat");
    makeRepository(gitBase, mallory.login, squat, [{ tag: "v1.1.0", files: { "package.json": atomPackageJson(name, "1.1.0"), "evil.js": "1\n" } }]);
    const taken = await publishRepo(mallory, `${mallory.login}/${squat}`);
    expect([taken.status, taken.body.message]).toEqual([409, expect.stringMatching(/name/)]);

    // Alice may publish the name again, but 1.1.0 only with its old bytes.
    const changed = uniqueName("changed");
    makeRepository(gitBase, alice.login, changed, [{ tag: "v1.1.0", files: { "package.json": atomPackageJson(name, "1.1.0"), "other.js": "2\n" } }]);
    const refused = await publishRepo(alice, `${alice.login}/${changed}`);
    expect([refused.status, refused.body.message]).toEqual([409, expect.stringMatching(/version/)]);
    expect((await publishRepo(alice, repo)).status).toBe(201);
    const after = await (await fetch(`${world.server.url}/atom/api/packages/${name}/versions/1.1.0/tarball`)).arrayBuffer();
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true);
  });

  it("stay with their owning scope: another member may take one again, an outsider may not", async () => {
    const admin = await world.user("adm");
    const member = await world.user("mem");
    const scope = uniqueName("s");
    await admin.api.post("/api/scopes", { body: { scope } });
    await admin.api.post(`/api/scopes/${scope}/members`, { body: { githubLogin: member.login } });
    await member.api.post(`/api/user/invites/${scope}`);
    const name = uniqueName("atom");
    makeRepository(gitBase, scope, name, [{ tag: "v1.0.0", files: { "package.json": atomPackageJson(name, "1.0.0") } }]);
    expect((await world.anonymous.post(`/atom/api/packages?repository=${scope}/${name}`, { headers: atomAs(admin) })).status).toBe(201);
    expect((await remove(admin, name)).status).toBe(204);

    const outsider = await world.user("out");
    makeRepository(gitBase, outsider.login, name, [{ tag: "v2.0.0", files: { "package.json": atomPackageJson(name, "2.0.0") } }]);
    expect((await publishRepo(outsider, `${outsider.login}/${name}`)).status).toBe(409);
    addRelease(gitBase, scope, name, { tag: "v2.0.0", files: { "package.json": atomPackageJson(name, "2.0.0") } });
    expect((await world.anonymous.post(`/atom/api/packages?repository=${scope}/${name}`, { headers: atomAs(member) })).status).toBe(201);
  });
});
