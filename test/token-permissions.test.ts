// Tokens limited to what they were asked for: a personal token made with
// jsr `permissions`, and a device token bound to the tarball its person approved.
// Each face (jsr REST, GraphQL, Atom) lets such a token through only the
// policies its permissions name.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import { graphql, bodyOf } from "./support/client";
import { atomPackageJson, makeGitBase, makeRepository } from "./support/git";
import { denoPackage, tarball, uploadTarball, waitForTask } from "./support/packages";
import { uniqueName, useWharf, type TestUser } from "./support/world";

const gitBase = makeGitBase();
const world = useWharf({ WHARF_GIT_BASE: gitBase });
afterAll(() => fs.rmSync(gitBase, { recursive: true, force: true }));

interface Target {
  owner: TestUser;
  scope: string;
  name: string;
}

async function newPackage(owner?: TestUser, name = "pkg"): Promise<Target> {
  owner ??= await world.user();
  const scope = uniqueName("s");
  expect((await owner.api.post("/api/scopes", { body: { scope } })).status).toBe(200);
  expect((await owner.api.post(`/api/scopes/${scope}/packages`, { body: { package: name } })).status).toBe(200);
  return { owner, scope, name };
}

async function packed(target: Target, version: string, extra: Record<string, string> = {}): Promise<Buffer> {
  return tarball(denoPackage(`@${target.scope}/${target.name}`, version, extra));
}

/** The upload's answer: its status and the code (on failure) or the task's end (on success). */
async function publishWith(token: string, target: Target, version: string, body?: Buffer) {
  const res = await uploadTarball(world.server.url, token, { ...target, version }, body ?? (await packed(target, version)));
  const reply = await bodyOf(res);
  if (res.status !== 200) return { status: res.status, code: reply.code as string };
  return { status: res.status, code: (await waitForTask(world.server.url, reply.id)).status };
}

const limitedTo = (owner: TestUser, permissions: unknown) =>
  owner.api.post("/api/user/tokens", { body: { description: "limited", permissions } });

describe("a token asked for with permissions", () => {
  it("keeps them, and shows them as upstream does", async () => {
    const target = await newPackage();
    const permissions = [{ permission: "package/publish", scope: target.scope }];
    const made = await limitedTo(target.owner, permissions);
    expect(made.status).toBe(200);
    expect(made.body.token.permissions).toEqual(permissions);
    const listed = (await target.owner.api.get("/api/user/tokens")).body;
    expect(listed).toContainEqual(expect.objectContaining({ id: made.body.token.id, permissions }));
  });

  it("can be asked for over GraphQL too", async () => {
    const alice = await world.user();
    const scope = uniqueName("s");
    const made = await graphql(
      world.server.url,
      `mutation($p: [TokenPermissionInput!]) { createToken(description: "ci", permissions: $p) { secret token { permissions { permission scope package version tarballHash } } } }`,
      { p: [{ permission: "package/publish", scope, package: "pkg" }] },
      alice.token,
    );
    expect(made.data?.createToken.token.permissions).toEqual([{ permission: "package/publish", scope, package: "pkg", version: null, tarballHash: null }]);
    const wider = await world.anonymous.post("/api/scopes", { token: made.data?.createToken.secret, body: { scope: uniqueName("s") } });
    expect([wider.status, wider.body.code]).toEqual([403, "missingPermission"]);
  });

  it("may publish what it names, and nothing else on the jsr API", async () => {
    const target = await newPackage();
    const other = await newPackage(target.owner, "other");
    const { secret } = (await limitedTo(target.owner, [{ permission: "package/publish", scope: target.scope, package: target.name }])).body;

    expect(await publishWith(secret, target, "1.0.0")).toEqual({ status: 200, code: "success" });
    // Another package of the same scope, and a package of another scope of the same user.
    expect(await publishWith(secret, { ...target, name: "else" }, "1.0.0")).toEqual({ status: 403, code: "missingPermission" });
    expect(await publishWith(secret, other, "1.0.0")).toEqual({ status: 403, code: "missingPermission" });

    const api = { token: secret };
    const refused = [
      await world.anonymous.post("/api/scopes", { ...api, body: { scope: uniqueName("s") } }),
      await world.anonymous.get("/api/user", api),
      await world.anonymous.post("/api/user/tokens", { ...api, body: { description: "wider" } }),
      await world.anonymous.post(`/api/scopes/${target.scope}/packages`, { ...api, body: { package: "more" } }),
      await world.anonymous.patch(`/api/scopes/${target.scope}/packages/${target.name}`, { ...api, body: { description: "x" } }),
      await world.anonymous.delete(`/api/scopes/${other.scope}/packages/${other.name}`, api),
    ];
    expect(refused.map((r) => [r.status, r.body.code])).toEqual(refused.map(() => [403, "missingPermission"]));
  });

  it("is limited on GraphQL", async () => {
    const target = await newPackage();
    const { secret } = (await limitedTo(target.owner, [{ permission: "package/publish", scope: target.scope }])).body;
    const codeOf = async (query: string, variables: Record<string, unknown> = {}) =>
      (await graphql(world.server.url, query, variables, secret)).errors?.[0]?.extensions?.code;

    expect(await codeOf(`mutation($s: String!) { createScope(input: { scope: $s }) { scope } }`, { s: uniqueName("s") })).toBe("missingPermission");
    expect(await codeOf(`mutation { createToken(description: "wider") { secret } }`)).toBe("missingPermission");
    expect(await codeOf(`mutation($s: String!) { createPackage(scope: $s, name: "more") { name } }`, { s: target.scope })).toBe("missingPermission");
    expect(await codeOf(`mutation($s: String!) { deletePackage(scope: $s, name: "pkg") }`, { s: target.scope })).toBe("missingPermission");
    expect(await codeOf(`{ viewer { login email } }`)).toBe("missingPermission");
    // What the token's user alone may read stays hidden, as from a stranger.
    const user = await graphql(world.server.url, `query($l: String!) { user(login: $l) { login tokens { totalCount } } }`, { l: target.owner.login }, secret);
    expect(user.data?.user).toEqual({ login: target.owner.login, tokens: null });
  });

  it("is limited on the Atom API", async () => {
    const target = await newPackage();
    const { secret } = (await limitedTo(target.owner, [{ permission: "package/publish", scope: target.scope }])).body;
    const name = uniqueName("atom");
    makeRepository(gitBase, target.owner.login, name, [{ tag: "v1.0.0", files: { "package.json": atomPackageJson(name, "1.0.0") } }]);

    const created = await world.anonymous.post(`/atom/api/packages?repository=${target.owner.login}/${name}`, { headers: { authorization: secret } });
    expect([created.status, created.body]).toEqual([403, { message: expect.stringMatching(/permissions/) }]);
    // Published with the full token, the package is still out of the limited token's reach.
    expect((await world.anonymous.post(`/atom/api/packages?repository=${target.owner.login}/${name}`, { headers: { authorization: target.owner.token } })).status).toBe(201);
    expect((await world.anonymous.delete(`/atom/api/packages/${name}`, { headers: { authorization: secret } })).status).toBe(403);
    expect((await world.anonymous.post(`/atom/api/packages/${name}/star`, { headers: { authorization: secret } })).status).toBe(403);
    expect((await world.anonymous.get(`/atom/api/packages/${name}`)).status).toBe(200);
  });

  it("refuses permissions that are not exactly one, or not one of upstream's shapes", async () => {
    const alice = await world.user();
    const scope = uniqueName("s");
    const bad: unknown[] = [
      [],
      [
        { permission: "package/publish", scope },
        { permission: "package/publish", scope: `${scope}x` },
      ],
      [{ permission: "scope/admin", scope }],
      [{ permission: "package/publish" }],
      [{ permission: "package/publish", scope: "Not A Scope" }],
      // A version without the tarball's hash would be wider than it reads.
      [{ permission: "package/publish", scope, package: "pkg", version: "1.0.0" }],
      [{ permission: "package/publish", scope, version: "1.0.0" }],
      [{ permission: "package/publish", scope, package: "pkg", version: "not-semver", tarballHash: "sha256-00" }],
    ];
    for (const permissions of bad) {
      const res = await limitedTo(alice, permissions);
      expect([JSON.stringify(permissions), res.status, res.body.code]).toEqual([JSON.stringify(permissions), 400, "malformedRequest"]);
    }
    // null (or none) is a token without limits.
    expect((await limitedTo(alice, null)).body.token.permissions).toBeNull();
  });
});

describe("a device token", () => {
  function pkce() {
    const verifier = randomBytes(32).toString("hex");
    return { verifier, challenge: createHash("sha256").update(verifier).digest("base64") };
  }

  /** The device flow, approved by `user`, for the given permissions; returns the device token. */
  async function deviceToken(user: TestUser, permissions: unknown[]): Promise<string> {
    const { verifier, challenge } = pkce();
    const started = await world.anonymous.post("/api/authorizations", { body: { challenge, permissions } });
    expect(started.status).toBe(200);
    expect((await user.api.post(`/api/authorizations/approve/${started.body.code}`)).status).toBe(204);
    const exchanged = await world.anonymous.post("/api/authorizations/exchange", { body: { exchangeToken: started.body.exchangeToken, verifier } });
    expect(exchanged.status).toBe(200);
    return exchanged.body.token;
  }

  const hashOf = (bytes: Buffer) => `sha256-${createHash("sha256").update(bytes).digest("hex")}`;

  it("publishes only the tarball whose hash was approved", async () => {
    const target = await newPackage();
    const approved = await packed(target, "1.0.0");
    const other = await packed(target, "1.0.0", { "evil.ts": "export const evil = true;\n" });
    const token = await deviceToken(target.owner, [
      { permission: "package/publish", scope: target.scope, package: target.name, version: "1.0.0", tarballHash: hashOf(approved) },
    ]);

    expect(await publishWith(token, target, "1.0.0", other)).toEqual({ status: 403, code: "missingPermission" });
    expect(await publishWith(token, target, "1.0.0", approved)).toEqual({ status: 200, code: "success" });
    const files = await world.anonymous.get(`/@${target.scope}/${target.name}/1.0.0_meta.json`);
    expect(Object.keys(files.body.manifest)).not.toContain("/evil.ts");
  });

  it("publishes each approved version of a workspace, each with its own tarball", async () => {
    const first = await newPackage();
    const second = { ...first, name: "second" };
    expect((await first.owner.api.post(`/api/scopes/${first.scope}/packages`, { body: { package: second.name } })).status).toBe(200);
    const [a, b] = [await packed(first, "1.0.0"), await packed(second, "2.0.0")];
    const token = await deviceToken(first.owner, [
      { permission: "package/publish", scope: first.scope, package: first.name, version: "1.0.0", tarballHash: hashOf(a) },
      { permission: "package/publish", scope: second.scope, package: second.name, version: "2.0.0", tarballHash: hashOf(b) },
    ]);
    // Each tarball goes only to the version it was approved for.
    expect(await publishWith(token, second, "2.0.0", a)).toEqual({ status: 403, code: "missingPermission" });
    expect(await publishWith(token, first, "1.1.0", a)).toEqual({ status: 403, code: "missingPermission" });
    expect(await publishWith(token, first, "1.0.0", a)).toEqual({ status: 200, code: "success" });
    expect(await publishWith(token, second, "2.0.0", b)).toEqual({ status: 200, code: "success" });
  });

  it("refuses a device flow asking for malformed permissions", async () => {
    const { challenge } = pkce();
    const res = await world.anonymous.post("/api/authorizations", {
      body: { challenge, permissions: [{ permission: "package/publish", scope: "acme", package: "tools", version: "1.0.0" }] },
    });
    expect([res.status, res.body.code]).toEqual([400, "malformedRequest"]);
  });
});
