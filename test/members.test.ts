// jsr: scope members and invites, from both sides.
import { uniqueName, useWharf, type TestUser } from "./support/world";

const world = useWharf();

const scopePath = (scope: string) => ({ params: { path: { scope } } });

async function scopeOf(admin: TestUser): Promise<string> {
  const scope = uniqueName("s");
  const res = await admin.rest.POST("/api/scopes", { body: { scope } });
  expect(res.response.status).toBe(200);
  return scope;
}

/** Invites and accepts, returning the new member. */
async function addMember(admin: TestUser, scope: string, prefix = "m"): Promise<TestUser> {
  const member = await world.user(prefix);
  expect((await admin.rest.POST("/api/scopes/{scope}/members", { ...scopePath(scope), body: { githubLogin: member.login } })).response.status).toBe(200);
  expect((await member.rest.POST("/api/user/invites/{scope}", scopePath(scope))).response.status).toBe(200);
  return member;
}

describe("inviting", () => {
  it("makes an invite that the target accepts", async () => {
    const alice = await world.user("alice");
    const bob = await world.user("bob");
    const scope = await scopeOf(alice);

    const invite = await alice.rest.POST("/api/scopes/{scope}/members", { ...scopePath(scope), body: { githubLogin: bob.login } });
    expect(invite.response.status).toBe(200);
    expect(invite.data).toMatchObject({ scope, targetUser: { id: bob.id }, requestingUser: { id: alice.id } });

    expect((await alice.rest.GET("/api/scopes/{scope}/invites", scopePath(scope))).data).toEqual([expect.objectContaining({ scope })]);
    expect((await bob.rest.GET("/api/user/invites")).data).toEqual([expect.objectContaining({ scope })]);
    expect((await bob.rest.GET("/api/user")).data?.inviteCount).toBe(1);
    // An invite is not a membership.
    expect((await bob.rest.GET("/api/user/member/{scope}", scopePath(scope))).response.status).toBe(404);

    const accepted = await bob.rest.POST("/api/user/invites/{scope}", scopePath(scope));
    expect(accepted.response.status).toBe(200);
    expect(accepted.data).toMatchObject({ scope, isAdmin: false, user: { id: bob.id } });

    expect((await bob.rest.GET("/api/user/member/{scope}", scopePath(scope))).data).toMatchObject({ scope, isAdmin: false });
    expect((await bob.rest.GET("/api/user/scopes")).data).toEqual([expect.objectContaining({ scope })]);
    expect((await bob.rest.GET("/api/user/invites")).data).toEqual([]);
    expect((await world.rest.GET("/api/scopes/{scope}/members", scopePath(scope))).data).toHaveLength(2);
  });

  it("also takes the user's id", async () => {
    const alice = await world.user();
    const bob = await world.user();
    const scope = await scopeOf(alice);
    const invite = await alice.rest.POST("/api/scopes/{scope}/members", { ...scopePath(scope), body: { id: bob.id } });
    expect(invite.data?.targetUser.id).toBe(bob.id);
  });

  it("refuses duplicates, members, strangers and non-admins", async () => {
    const alice = await world.user();
    const bob = await world.user();
    const scope = await scopeOf(alice);
    const member = await addMember(alice, scope);

    await alice.api.post(`/api/scopes/${scope}/members`, { body: { githubLogin: bob.login } });
    const twice = await alice.api.post(`/api/scopes/${scope}/members`, { body: { githubLogin: bob.login } });
    expect([twice.status, twice.body.code]).toEqual([400, "alreadyInvited"]);

    const already = await alice.api.post(`/api/scopes/${scope}/members`, { body: { githubLogin: member.login } });
    expect([already.status, already.body.code]).toEqual([400, "alreadyScopeMember"]);

    const nobody = await alice.api.post(`/api/scopes/${scope}/members`, { body: { githubLogin: uniqueName("nobody") } });
    expect([nobody.status, nobody.body.code]).toEqual([404, "userNotFound"]);

    const notAdmin = await member.api.post(`/api/scopes/${scope}/members`, { body: { githubLogin: bob.login } });
    expect([notAdmin.status, notAdmin.body.code]).toEqual([403, "actorNotScopeAdmin"]);
    expect((await member.api.get(`/api/scopes/${scope}/invites`)).status).toBe(403);
  });

  it("can be declined by the target or withdrawn by an admin", async () => {
    const alice = await world.user();
    const bob = await world.user();
    const carol = await world.user();
    const scope = await scopeOf(alice);
    await alice.api.post(`/api/scopes/${scope}/members`, { body: { githubLogin: bob.login } });
    await alice.api.post(`/api/scopes/${scope}/members`, { body: { githubLogin: carol.login } });

    expect((await bob.api.delete(`/api/user/invites/${scope}`)).status).toBe(204);
    expect((await alice.api.delete(`/api/scopes/${scope}/invites/${carol.id}`)).status).toBe(204);
    expect((await alice.api.get(`/api/scopes/${scope}/invites`)).body).toEqual([]);

    const gone = await bob.api.post(`/api/user/invites/${scope}`);
    expect([gone.status, gone.body.code]).toEqual([404, "scopeInviteNotFound"]);
    // As upstream: answering an invite that is not there again is no error.
    expect((await carol.api.delete(`/api/user/invites/${scope}`)).status).toBe(204);
    // Only admins withdraw invites; the invited user declines instead.
    await alice.api.post(`/api/scopes/${scope}/members`, { body: { githubLogin: bob.login } });
    const byTarget = await bob.api.delete(`/api/scopes/${scope}/invites/${bob.id}`);
    expect([byTarget.status, byTarget.body.code]).toEqual([403, "actorNotScopeMember"]);
  });
});

describe("managing members", () => {
  it("promotes and demotes, but never the last admin", async () => {
    const alice = await world.user();
    const scope = await scopeOf(alice);
    const bob = await addMember(alice, scope);

    const lastAdmin = await alice.api.patch(`/api/scopes/${scope}/members/${alice.id}`, { body: { isAdmin: false } });
    expect([lastAdmin.status, lastAdmin.body.code]).toEqual([400, "scopeMustHaveAdmin"]);

    const promoted = await alice.api.patch(`/api/scopes/${scope}/members/${bob.id}`, { body: { isAdmin: true } });
    expect(promoted.status).toBe(200);
    expect(promoted.body).toMatchObject({ isAdmin: true, user: { id: bob.id } });

    // With two admins, one may step down; then the other is the last.
    expect((await bob.api.patch(`/api/scopes/${scope}/members/${alice.id}`, { body: { isAdmin: false } })).status).toBe(200);
    const bobLast = await bob.api.patch(`/api/scopes/${scope}/members/${bob.id}`, { body: { isAdmin: false } });
    expect(bobLast.body.code).toBe("scopeMustHaveAdmin");

    // Alice is no longer an admin.
    expect((await alice.api.patch(`/api/scopes/${scope}/members/${bob.id}`, { body: { isAdmin: false } })).body.code).toBe(
      "actorNotScopeAdmin",
    );
  });

  it("removes members, but never the last admin", async () => {
    const alice = await world.user();
    const scope = await scopeOf(alice);
    const bob = await addMember(alice, scope);
    const carol = await addMember(alice, scope);

    const lastAdmin = await alice.api.delete(`/api/scopes/${scope}/members/${alice.id}`);
    expect([lastAdmin.status, lastAdmin.body.code]).toEqual([400, "scopeMustHaveAdmin"]);

    const byMember = await bob.api.delete(`/api/scopes/${scope}/members/${carol.id}`);
    expect([byMember.status, byMember.body.code]).toEqual([403, "actorNotScopeAdmin"]);
    const stranger = await world.user();
    const byStranger = await stranger.api.delete(`/api/scopes/${scope}/members/${carol.id}`);
    expect([byStranger.status, byStranger.body.code]).toEqual([403, "actorNotScopeMember"]);

    expect((await alice.api.delete(`/api/scopes/${scope}/members/${carol.id}`)).status).toBe(204);
    // A member may leave.
    expect((await bob.api.delete(`/api/scopes/${scope}/members/${bob.id}`)).status).toBe(204);
    expect((await world.anonymous.get(`/api/scopes/${scope}/members`)).body).toEqual([expect.objectContaining({ isAdmin: true })]);

    const notMember = await alice.api.delete(`/api/scopes/${scope}/members/${carol.id}`);
    expect([notMember.status, notMember.body.code]).toEqual([404, "scopeMemberNotFound"]);
    const badId = await alice.api.delete(`/api/scopes/${scope}/members/not-a-uuid`);
    expect([badId.status, badId.body.code]).toEqual([400, "malformedRequest"]);
  });

  it("never loses the last admin to two demotions at once", async () => {
    const alice = await world.user();
    const scope = await scopeOf(alice);
    const bob = await addMember(alice, scope);
    await alice.api.patch(`/api/scopes/${scope}/members/${bob.id}`, { body: { isAdmin: true } });

    const results = await Promise.all([
      alice.api.patch(`/api/scopes/${scope}/members/${bob.id}`, { body: { isAdmin: false } }),
      bob.api.patch(`/api/scopes/${scope}/members/${alice.id}`, { body: { isAdmin: false } }),
    ]);
    // One wins. The other is refused, whether it saw the first (no longer an admin: actorNotScopeAdmin)
    // or raced it to the lock (would leave none: scopeMustHaveAdmin).
    const [won, lost] = [...results].sort((x, y) => x.status - y.status);
    expect(won.status).toBe(200);
    expect([[400, "scopeMustHaveAdmin"], [403, "actorNotScopeAdmin"]]).toContainEqual([lost.status, lost.body.code]);
    const admins = (await world.anonymous.get(`/api/scopes/${scope}/members`)).body.filter((m: { isAdmin: boolean }) => m.isAdmin);
    expect(admins).toHaveLength(1);
  });
});

describe("users", () => {
  it("shows a user and their scopes by id", async () => {
    const alice = await world.user();
    const scope = await scopeOf(alice);
    const user = await world.anonymous.get(`/api/users/${alice.id}`);
    expect(user.body).toMatchObject({ id: alice.id, login: alice.login, name: `Test ${alice.login}` });
    expect(user.body).not.toHaveProperty("email");
    expect((await world.anonymous.get(`/api/users/${alice.id}/scopes`)).body).toEqual([expect.objectContaining({ scope })]);

    const missing = await world.anonymous.get("/api/users/00000000-0000-4000-8000-000000000000");
    expect([missing.status, missing.body.code]).toEqual([404, "userNotFound"]);
    expect((await world.anonymous.get("/api/users/00000000-0000-4000-8000-000000000000/scopes")).status).toBe(404);
  });

  it("shows the caller their full profile", async () => {
    const alice = await world.user();
    const self = await alice.api.get("/api/user");
    expect(self.body).toMatchObject({ id: alice.id, isStaff: false, isBlocked: false, scopeUsage: 0, scopeLimit: 3, inviteCount: 0 });
    expect((await world.anonymous.get("/api/user")).body.code).toBe("missingAuthentication");
  });
});
