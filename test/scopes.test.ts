// jsr: /api/scopes and /api/scopes/{scope}.
import { uniqueName, useWharf } from "./support/world";

const world = useWharf();

const scopePath = (scope: string) => ({ params: { path: { scope } } });

describe("creating a scope", () => {
  it("makes the creator its admin and shows the full scope to them", async () => {
    const alice = await world.user("alice");
    const scope = uniqueName("s");

    const created = await alice.rest.POST("/api/scopes", { body: { scope, description: "Alice's things" } });
    expect(created.response.status).toBe(200);
    expect(created.data).toMatchObject({
      scope,
      description: "Alice's things",
      creator: { id: alice.id },
      quotas: { packageUsage: 0, packageLimit: 100 },
    });

    const members = await world.rest.GET("/api/scopes/{scope}/members", scopePath(scope));
    expect(members.data).toEqual([expect.objectContaining({ scope, isAdmin: true, user: expect.objectContaining({ id: alice.id }) })]);

    const asAdmin = await alice.rest.GET("/api/scopes/{scope}", scopePath(scope));
    expect(asAdmin.data).toHaveProperty("quotas");
    const asStranger = await world.rest.GET("/api/scopes/{scope}", scopePath(scope));
    expect(asStranger.response.status).toBe(200);
    expect(asStranger.data).toEqual({ scope, description: "Alice's things", createdAt: expect.any(String), updatedAt: expect.any(String) });
  });

  it("needs a signed-in user", async () => {
    const res = await world.rest.POST("/api/scopes", { body: { scope: uniqueName("s") } });
    expect(res.response.status).toBe(401);
    expect(res.error?.code).toBe("missingAuthentication");

    const bad = await world.restAs("wharf_not-a-token").POST("/api/scopes", { body: { scope: uniqueName("s") } });
    expect(bad.response.status).toBe(401);
    expect(bad.error?.code).toBe("invalidBearerToken");
  });

  it.each([["a"], ["Upper"], ["-lead"], ["trail-"], ["dou--ble"], ["under_score"], ["x".repeat(21)]])(
    "refuses the name %j",
    async (scope) => {
      const alice = await world.user();
      const res = await alice.rest.POST("/api/scopes", { body: { scope } });
      expect(res.response.status).toBe(400);
      expect(res.error?.code).toBe("malformedRequest");
    },
  );

  it("refuses a taken name, and one that differs only by hyphens", async () => {
    const alice = await world.user();
    const bob = await world.user();
    const scope = uniqueName("s");
    expect((await alice.rest.POST("/api/scopes", { body: { scope } })).response.status).toBe(200);

    const again = await bob.rest.POST("/api/scopes", { body: { scope } });
    expect(again.response.status).toBe(409);
    expect(again.error).toEqual({ code: "scopeAlreadyExists", message: expect.any(String) });

    const similar = await bob.rest.POST("/api/scopes", { body: { scope: `${scope.slice(0, 3)}-${scope.slice(3)}` } });
    expect(similar.response.status).toBe(409);
    expect(similar.error?.code).toBe("scopeAlreadyExists");
  });

  it("holds a user to their scope limit, and exempts staff", async () => {
    const alice = await world.user();
    for (let i = 0; i < 3; i++) expect((await alice.rest.POST("/api/scopes", { body: { scope: uniqueName("s") } })).response.status).toBe(200);
    const over = await alice.rest.POST("/api/scopes", { body: { scope: uniqueName("s") } });
    expect(over.response.status).toBe(400);
    expect(over.error?.code).toBe("scopeLimitReached");

    const self = await alice.rest.GET("/api/user");
    expect(self.data).toMatchObject({ scopeUsage: 3, scopeLimit: 3 });

    const staff = await world.user("staff", { isStaff: true });
    for (let i = 0; i < 4; i++) expect((await staff.rest.POST("/api/scopes", { body: { scope: uniqueName("s") } })).response.status).toBe(200);
  });
});

describe("updating and deleting a scope", () => {
  it("lets only admins change it", async () => {
    const alice = await world.user();
    const bob = await world.user();
    const scope = uniqueName("s");
    await alice.rest.POST("/api/scopes", { body: { scope } });
    // Anonymous reads are kept in memory: the update must show on the next one.
    expect((await world.rest.GET("/api/scopes/{scope}", scopePath(scope))).data?.description).toBe("");

    const denied = await bob.rest.PATCH("/api/scopes/{scope}", { ...scopePath(scope), body: { description: "mine now" } });
    expect(denied.response.status).toBe(403);
    expect(denied.error?.code).toBe("actorNotScopeMember");

    const described = await alice.rest.PATCH("/api/scopes/{scope}", { ...scopePath(scope), body: { description: "Updated" } });
    expect(described.response.status).toBe(200);
    expect(described.data?.description).toBe("Updated");
    expect((await world.rest.GET("/api/scopes/{scope}", scopePath(scope))).data?.description).toBe("Updated");
    const ci = await alice.rest.PATCH("/api/scopes/{scope}", { ...scopePath(scope), body: { requirePublishingFromCI: true } });
    expect(ci.data?.requirePublishingFromCI).toBe(true);

    const missing = await alice.rest.PATCH("/api/scopes/{scope}", { ...scopePath(uniqueName("none")), body: { description: "x" } });
    expect(missing.response.status).toBe(404);
    expect(missing.error?.code).toBe("scopeNotFound");
  });

  it("deletes an empty scope, for admins only", async () => {
    const alice = await world.user();
    const bob = await world.user();
    const scope = uniqueName("s");
    await alice.rest.POST("/api/scopes", { body: { scope } });

    expect((await bob.rest.DELETE("/api/scopes/{scope}", scopePath(scope))).error?.code).toBe("actorNotScopeMember");
    expect((await world.rest.GET("/api/scopes/{scope}", scopePath(scope))).response.status).toBe(200);
    expect((await alice.rest.DELETE("/api/scopes/{scope}", scopePath(scope))).response.status).toBe(204);
    const gone = await world.rest.GET("/api/scopes/{scope}", scopePath(scope));
    expect(gone.response.status).toBe(404);
    expect(gone.error?.code).toBe("scopeNotFound");

    // The name, and the creator's quota, are free again.
    expect((await bob.rest.POST("/api/scopes", { body: { scope } })).response.status).toBe(200);
  });

  it("keeps a scope that has packages", async () => {
    const alice = await world.user();
    const scope = uniqueName("s");
    await alice.rest.POST("/api/scopes", { body: { scope } });
    expect((await alice.rest.POST("/api/scopes/{scope}/packages", { ...scopePath(scope), body: { package: "tools" } })).response.status).toBe(200);

    const res = await alice.rest.DELETE("/api/scopes/{scope}", scopePath(scope));
    expect(res.response.status).toBe(409);
    expect(res.error?.code).toBe("scopeNotEmpty");
    expect((await world.rest.GET("/api/scopes/{scope}", scopePath(scope))).response.status).toBe(200);
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
