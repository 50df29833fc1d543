// jsr: /api/scopes and /api/scopes/{scope}.
import { uniqueName, useWharf } from "./support/world";

const world = useWharf();

describe("creating a scope", () => {
  it("makes the creator its admin and shows the full scope to them", async () => {
    const alice = await world.user("alice");
    const scope = uniqueName("s");

    const created = await alice.api.post("/api/scopes", { body: { scope, description: "Alice's things" } });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      scope,
      description: "Alice's things",
      creator: { id: alice.id },
      quotas: { packageUsage: 0, packageLimit: 100 },
    });

    const members = await world.anonymous.get(`/api/scopes/${scope}/members`);
    expect(members.body).toEqual([expect.objectContaining({ scope, isAdmin: true, user: expect.objectContaining({ id: alice.id }) })]);

    const asAdmin = await alice.api.get(`/api/scopes/${scope}`);
    expect(asAdmin.body.quotas).toBeDefined();
    const asStranger = await world.anonymous.get(`/api/scopes/${scope}`);
    expect(asStranger.status).toBe(200);
    expect(asStranger.body).toEqual({ scope, description: "Alice's things", createdAt: expect.any(String), updatedAt: expect.any(String) });
  });

  it("needs a signed-in user", async () => {
    const res = await world.anonymous.post("/api/scopes", { body: { scope: uniqueName("s") } });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe("missingAuthentication");

    const bad = await world.anonymous.post("/api/scopes", { body: { scope: uniqueName("s") }, token: "wharf_not-a-token" });
    expect(bad.status).toBe(401);
    expect(bad.body.code).toBe("invalidBearerToken");
  });

  it.each([["a"], ["Upper"], ["-lead"], ["trail-"], ["dou--ble"], ["under_score"], ["x".repeat(21)]])(
    "refuses the name %j",
    async (scope) => {
      const alice = await world.user();
      const res = await alice.api.post("/api/scopes", { body: { scope } });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe("malformedRequest");
    },
  );

  it("refuses a taken name, and one that differs only by hyphens", async () => {
    const alice = await world.user();
    const bob = await world.user();
    const scope = uniqueName("s");
    expect((await alice.api.post("/api/scopes", { body: { scope } })).status).toBe(200);

    const again = await bob.api.post("/api/scopes", { body: { scope } });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ code: "scopeAlreadyExists", message: expect.any(String) });

    const similar = await bob.api.post("/api/scopes", { body: { scope: `${scope.slice(0, 3)}-${scope.slice(3)}` } });
    expect(similar.status).toBe(409);
    expect(similar.body.code).toBe("scopeAlreadyExists");
  });

  it("holds a user to their scope limit, and exempts staff", async () => {
    const alice = await world.user();
    for (let i = 0; i < 3; i++) expect((await alice.api.post("/api/scopes", { body: { scope: uniqueName("s") } })).status).toBe(200);
    const over = await alice.api.post("/api/scopes", { body: { scope: uniqueName("s") } });
    expect(over.status).toBe(400);
    expect(over.body.code).toBe("scopeLimitReached");

    const self = await alice.api.get("/api/user");
    expect(self.body).toMatchObject({ scopeUsage: 3, scopeLimit: 3 });

    const staff = await world.user("staff", { isStaff: true });
    for (let i = 0; i < 4; i++) expect((await staff.api.post("/api/scopes", { body: { scope: uniqueName("s") } })).status).toBe(200);
  });
});

describe("updating and deleting a scope", () => {
  it("lets only admins change it", async () => {
    const alice = await world.user();
    const bob = await world.user();
    const scope = uniqueName("s");
    await alice.api.post("/api/scopes", { body: { scope } });

    const denied = await bob.api.patch(`/api/scopes/${scope}`, { body: { description: "mine now" } });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe("actorNotScopeMember");

    const described = await alice.api.patch(`/api/scopes/${scope}`, { body: { description: "Updated" } });
    expect(described.status).toBe(200);
    expect(described.body.description).toBe("Updated");
    const ci = await alice.api.patch(`/api/scopes/${scope}`, { body: { requirePublishingFromCI: true } });
    expect(ci.body.requirePublishingFromCI).toBe(true);

    const missing = await alice.api.patch(`/api/scopes/${uniqueName("none")}`, { body: { description: "x" } });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe("scopeNotFound");
  });

  it("deletes an empty scope, for admins only", async () => {
    const alice = await world.user();
    const bob = await world.user();
    const scope = uniqueName("s");
    await alice.api.post("/api/scopes", { body: { scope } });

    expect((await bob.api.delete(`/api/scopes/${scope}`)).body.code).toBe("actorNotScopeMember");
    expect((await alice.api.delete(`/api/scopes/${scope}`)).status).toBe(204);
    const gone = await world.anonymous.get(`/api/scopes/${scope}`);
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe("scopeNotFound");

    // The name, and the creator's quota, are free again.
    expect((await bob.api.post("/api/scopes", { body: { scope } })).status).toBe(200);
  });

  it("keeps a scope that has packages", async () => {
    const alice = await world.user();
    const scope = uniqueName("s");
    await alice.api.post("/api/scopes", { body: { scope } });
    expect((await alice.api.post(`/api/scopes/${scope}/packages`, { body: { package: "tools" } })).status).toBe(200);

    const res = await alice.api.delete(`/api/scopes/${scope}`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("scopeNotEmpty");
    expect((await world.anonymous.get(`/api/scopes/${scope}`)).status).toBe(200);
  });
});

describe("listing packages", () => {
  it("costs the same number of statements for a page of 2 or 8 packages", async () => {
    const alice = await world.user("alice");
    const scope = uniqueName("s");
    expect((await alice.api.post("/api/scopes", { body: { scope } })).status).toBe(200);
    const marker = uniqueName("p");
    for (let i = 0; i < 8; i++) expect((await alice.api.post(`/api/scopes/${scope}/packages`, { body: { package: `${marker}-${i}` } })).status).toBe(200);
    const statements = async (path: string, count: number) => {
      const res = await world.anonymous.get(path);
      expect(res.body.items).toHaveLength(count);
      expect(res.body.items[0]).toMatchObject({ versionCount: 0, latestVersion: null, dependentCount: 0 });
      return Number(res.headers.get("x-wharf-sql-statements"));
    };
    expect(await statements(`/api/packages?query=${marker}&limit=8`, 8)).toBe(await statements(`/api/packages?query=${marker}&limit=2`, 2));
    // A scope's list has no page size: compare with a scope of one package.
    const small = uniqueName("s");
    expect((await alice.api.post("/api/scopes", { body: { scope: small } })).status).toBe(200);
    expect((await alice.api.post(`/api/scopes/${small}/packages`, { body: { package: "only" } })).status).toBe(200);
    expect(await statements(`/api/scopes/${scope}/packages`, 8)).toBe(await statements(`/api/scopes/${small}/packages`, 1));
  });
});
