// Bad input at the edge of every face: text PostgreSQL cannot store (NUL, lone
// surrogates, absurd nesting), bad percent-encoding, numbers out of range and
// loose bodies get a 4xx in the face's dialect, never a 500.
import fs from "node:fs";
import { gzipSync } from "node:zlib";
import { atomAs } from "./support/atom";
import { addRelease, atomPackageJson, makeGitBase, makeRepository } from "./support/git";
import { bodyOf, request } from "./support/client";
import { uploadTarball } from "./support/packages";
import { uniqueName, useWharf, type TestUser } from "./support/world";

const gitBase = makeGitBase();
const world = useWharf({ WHARF_GIT_BASE: gitBase });
afterAll(() => fs.rmSync(gitBase, { recursive: true, force: true }));

const malformed = { code: "malformedRequest", message: expect.any(String) };
const atomError = { message: expect.any(String) };

/** JSON text nested `depth` arrays deep. */
const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

async function ownScope(): Promise<{ owner: TestUser; scope: string }> {
  const owner = await world.user();
  const scope = uniqueName("s");
  expect((await owner.api.post("/api/scopes", { body: { scope } })).status).toBe(200);
  expect((await owner.api.post(`/api/scopes/${scope}/packages`, { body: { package: "pkg" } })).status).toBe(200);
  return { owner, scope };
}

describe("text PostgreSQL refuses", () => {
  it("is refused in registry paths", async () => {
    for (const path of ["/@s/p/1.0.0/mod.ts%00", "/@s/p/1.0.0/a%00b/mod.ts"]) {
      const res = await world.anonymous.get(path);
      expect([path, res.status, res.body]).toEqual([path, 400, malformed]);
    }
  });

  it("is refused in jsr path parameters, query strings and JSON bodies", async () => {
    const { owner, scope } = await ownScope();
    const cases: Array<[string, string, unknown?]> = [
      ["GET", "/api/packages?query=a%00"],
      ["GET", "/api/authorizations/details/a%00"],
      ["PATCH", `/api/scopes/${scope}`, '{"description": "a\\u0000b"}'],
      ["PATCH", `/api/scopes/${scope}`, '{"description": "a\\ud800b"}'],
      ["PATCH", `/api/scopes/${scope}`, '{"description": "a\\udc00"}'],
      ["POST", "/api/user/tokens", '{"description": "\\u0000"}'],
      ["POST", "/api/authorizations", '{"challenge": "a\\u0000"}'],
      ["PATCH", `/api/scopes/${scope}/packages/pkg`, '{"runtimeCompat": {"deno": true, "x\\u0000": 1}}'],
      ["PATCH", `/api/scopes/${scope}/packages/pkg`, `{"runtimeCompat": {"deno": true, "x": ${nested(5000)}}}`],
      ["PATCH", `/api/scopes/${scope}`, `{"description": "x", "x": ${nested(5000)}}`],
    ];
    for (const [method, path, body] of cases) {
      const res = await request(world.server.url, method, path, { token: owner.token, body });
      expect([method, path, res.status, res.body]).toEqual([method, path, 400, malformed]);
    }
    // Nothing of it was stored.
    expect((await owner.api.get(`/api/scopes/${scope}`)).body.description).toBe("");
    expect((await owner.api.get(`/api/scopes/${scope}/packages/pkg`)).body.runtimeCompat).toEqual({});
  });

  it("is refused in Atom paths and query strings, in Atom's shape", async () => {
    const user = await world.user();
    for (const path of ["/atom/api/packages/a%00", "/atom/api/packages/search?q=a%00", "/atom/api/packages/a/versions/1.0.0%00"]) {
      const res = await world.anonymous.get(path, { headers: atomAs(user) });
      expect([path, res.status, res.body]).toEqual([path, 400, atomError]);
    }
  });

  it.each([
    ["a NUL", '"description": "a\\u0000b"'],
    ["a lone surrogate", '"description": "a\\ud800b"'],
    ["a NUL in a key", '"keywords": {"k\\u0000": "v"}'],
    ["nesting 5,000 deep", `"config": ${nested(5000)}`],
  ])("is refused in an Atom package.json: %s", async (_, member) => {
    // The publisher's package.json as text, with the member added at its end.
    const withMember = (name: string, version: string) => atomPackageJson(name, version).replace(/}$/, `, ${member}}`);
    const user = await world.user("ppm");
    const name = uniqueName("atom");
    makeRepository(gitBase, user.login, name, [{ tag: "v1.0.0", files: { "package.json": withMember(name, "1.0.0") } }]);
    const created = await world.anonymous.post(`/atom/api/packages?repository=${user.login}/${name}`, { headers: atomAs(user) });
    expect([created.status, created.body]).toEqual([400, { message: expect.stringMatching(/package\.json/) }]);

    // And in a later version of a package that published fine.
    const good = uniqueName("atom");
    makeRepository(gitBase, user.login, good, [{ tag: "v1.0.0", files: { "package.json": atomPackageJson(good, "1.0.0") } }]);
    expect((await world.anonymous.post(`/atom/api/packages?repository=${user.login}/${good}`, { headers: atomAs(user) })).status).toBe(201);
    addRelease(gitBase, user.login, good, { tag: "v1.1.0", files: { "package.json": withMember(good, "1.1.0") } });
    const version = await world.anonymous.post(`/atom/api/packages/${good}/versions?tag=v1.1.0`, { headers: atomAs(user) });
    expect([version.status, version.body]).toEqual([400, { message: expect.stringMatching(/package\.json/) }]);
    expect(Object.keys((await world.anonymous.get(`/atom/api/packages/${good}`)).body.versions)).toEqual(["1.0.0"]);
  });
});

describe("out-of-range and malformed arguments", () => {
  it.each([
    ["/api/packages?page=99999999999999999999", malformed],
    ["/api/packages?page=1e300", malformed],
    ["/api/scopes/s/packages/p/dependents?page=99999999999999999999", malformed],
  ])("refuses %s", async (path, error) => {
    const res = await world.anonymous.get(path);
    expect([res.status, res.body]).toEqual([400, error]);
  });

  // The Atom face falls back where Pulsar does (issue #17): a page past the last is an empty page, never a 5xx.
  it.each([
    "/atom/api/packages?page=99999999999999999999",
    "/atom/api/packages/search?q=x&page=99999999999999999999",
  ])("answers %s with an empty page", async (path) => {
    const res = await world.anonymous.get(path);
    expect([res.status, res.body]).toEqual([200, []]);
  });

  it.each([
    ["/api/scopes/%ff", malformed],
    ["/api/scopes/%c0%ae", malformed],
    ["/api/scopes/%", malformed],
    ["/api/users/%ed%a0%80", malformed],
    ["/@s/p/1.0.0/%ff", malformed],
    ["/@s/p/1.0.0/%c0%ae%c0%ae/x.ts", malformed],
    ["/atom/api/packages/%ff", atomError],
    ["/atom/api/packages/x/versions/%c0%ae/tarball", atomError],
  ])("refuses the bad percent-encoding of %s", async (path, error) => {
    const res = await world.anonymous.get(path);
    expect([res.status, res.body]).toEqual([400, error]);
  });

  it("refuses a PATCH /api/scopes body that mixes a setting with a wrongly typed other one", async () => {
    const { owner, scope } = await ownScope();
    for (const body of [
      { description: "mixed", ghActionsVerifyActor: "yes" },
      { description: "mixed", requirePublishingFromCI: 1 },
      { ghActionsVerifyActor: true, description: 5 },
      { description: "mixed", unknown: true },
    ]) {
      const res = await owner.api.patch(`/api/scopes/${scope}`, { body });
      expect([body, res.status, res.body]).toEqual([body, 400, malformed]);
    }
    expect((await owner.api.get(`/api/scopes/${scope}`)).body).toMatchObject({ description: "", ghActionsVerifyActor: true });
  });

  it("refuses an upload sent as JSON instead of a tarball", async () => {
    const { owner, scope } = await ownScope();
    const res = await uploadTarball(world.server.url, owner.token, { scope, name: "pkg", version: "1.0.0" }, gzipSync('{"a": 1}'), {
      "content-type": "application/json",
    });
    expect([res.status, await bodyOf(res)]).toEqual([400, malformed]);
    expect((await owner.api.get(`/api/scopes/${scope}/packages/pkg/versions/1.0.0`)).status).toBe(404);
  });

  it("refuses the other one-of bodies' extra fields", async () => {
    const { owner, scope } = await ownScope();
    const cases: Array<[string, string, unknown]> = [
      ["PATCH", `/api/scopes/${scope}/packages/pkg`, { description: "d", isArchived: "yes" }],
      ["PATCH", `/api/scopes/${scope}/packages/pkg`, { isArchived: false, readmeSource: 5 }],
      ["POST", `/api/scopes/${scope}/members`, { githubLogin: owner.login, id: "not-a-uuid" }],
      ["POST", "/api/authorizations", { challenge: "c", permissions: [{ permission: "package/publish", scope, package: 5 }] }],
    ];
    for (const [method, path, body] of cases) {
      const res = await request(world.server.url, method, path, { token: owner.token, body });
      expect([method, path, res.status, res.body]).toEqual([method, path, 400, malformed]);
    }
    expect((await owner.api.get(`/api/scopes/${scope}/packages/pkg`)).body).toMatchObject({ description: "", isArchived: false });
  });
});

describe("found while fuzzing by hand", () => {
  it("refuses a date-time that RFC 3339 allows but a Date cannot hold (a leap second)", async () => {
    const user = await world.user();
    for (const expiresAt of ["2099-12-31T23:59:60Z", "9999-12-31T23:59:60+00:00"]) {
      const res = await user.api.post("/api/user/tokens", { body: { description: "leap", expiresAt } });
      expect([expiresAt, res.status, res.body]).toEqual([expiresAt, 400, malformed]);
    }
  });

  it("publishes an Atom package whose README holds a NUL byte, without it", async () => {
    const user = await world.user("ppm");
    const name = uniqueName("atom");
    makeRepository(gitBase, user.login, name, [{ tag: "v1.0.0", files: { "package.json": atomPackageJson(name, "1.0.0"), "README.md": "# a\u0000b\n" } }]);
    const created = await world.anonymous.post(`/atom/api/packages?repository=${user.login}/${name}`, { headers: atomAs(user) });
    expect([created.status, created.body.readme]).toEqual([201, "# a\uFFFDb\n"]);
  });

  it("keeps the Link header of an Atom search small, however long the query", async () => {
    // fetch itself refuses an answer whose headers pass 16 KiB, as apm's HTTP client does.
    const res = await world.anonymous.get(`/atom/api/packages/search?q=${"a_".repeat(5000)}&page=2`);
    expect(res.status).toBe(200);
    expect(res.headers.get("link")!.length).toBeLessThan(2000);
  });
});
