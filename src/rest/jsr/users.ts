// jsr: /api/user (the caller), /api/users/{id}, and the caller's tokens.
import * as members from "../../services/accounts/scope-members";
import { listUserScopes } from "../../services/accounts/scopes";
import * as tokens from "../../services/accounts/tokens";
import { getUserById, userUsage } from "../../services/accounts/users";
import { requireUser } from "../../services/shared/policies";
import { noContent, ok, type Operations } from "../operation";
import { listRecentlyPublishedBy } from "../../services/jsr/package-activity";
import { summarize } from "../../services/jsr/packages";
import { presentFullUser, presentInvite, presentMember, presentPackage, presentScope, presentToken, presentUser } from "./present";

export const userOperations: Operations = {
  async getSelfUser({ ctx }) {
    const user = requireUser(ctx);
    return ok(presentFullUser(user, await userUsage(ctx.db, user.id)));
  },

  async listSelfUserScopes({ ctx }) {
    const user = requireUser(ctx);
    return ok((await listUserScopes(ctx, user.id)).map(presentScope));
  },

  async getSelfUserScopeMember({ ctx, params }) {
    return ok(presentMember(await members.getOwnMembership(ctx, params.scope)));
  },

  async listSelfUserInvites({ ctx }) {
    return ok((await members.listOwnInvites(ctx)).map(presentInvite));
  },

  async acceptScopeInvite({ ctx, params }) {
    return ok(presentMember(await members.acceptInvite(ctx, params.scope)));
  },

  async declineScopeInvite({ ctx, params }) {
    await members.declineInvite(ctx, params.scope);
    return noContent();
  },

  async getUser({ ctx, params }) {
    return ok(presentUser(await getUserById(ctx.db, params.id)));
  },

  async listUserScopes({ ctx, params }) {
    const user = await getUserById(ctx.db, params.id);
    return ok((await listUserScopes(ctx, user.id)).map(presentScope));
  },

  async listUserPackages({ ctx, params }) {
    const user = await getUserById(ctx.db, params.id);
    const packages = await listRecentlyPublishedBy(ctx, user.id);
    return ok(await Promise.all(packages.map(async (p) => presentPackage(p, await summarize(ctx.loaders, p)))));
  },

  async listTokens({ ctx }) {
    return ok((await tokens.listOwnTokens(ctx)).map(presentToken));
  },

  async createToken({ ctx, body }) {
    const expiresAt = body.expiresAt ? new Date(body.expiresAt) : null;
    const { token, secret } = await tokens.createOwnToken(ctx, { description: body.description, expiresAt, permissions: body.permissions });
    return ok({ secret, token: presentToken(token) });
  },

  async deleteToken({ ctx, params }) {
    await tokens.revokeOwnToken(ctx, params.id);
    return noContent();
  },
};
