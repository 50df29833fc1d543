// jsr: /api/scopes/{scope} and its members and invites.
import * as scopes from "../../services/accounts/scopes";
import * as members from "../../services/accounts/scope-members";
import { noContent, ok, okKept, type Operations } from "../operation";
import { presentFullScope, presentInvite, presentMember, presentScope } from "./present";

export const scopeOperations: Operations = {
  async createScope({ ctx, body }) {
    return ok(presentFullScope(await scopes.createScope(ctx, body)));
  },

  async getScope({ ctx, params }) {
    const view = await scopes.viewScope(ctx, params.scope);
    return "full" in view ? ok(presentFullScope(view.full)) : okKept(presentScope(view.scope), view.keep);
  },

  async updateScope({ ctx, params, body }) {
    return ok(presentFullScope(await scopes.updateScope(ctx, params.scope, body)));
  },

  async deleteScope({ ctx, params }) {
    await scopes.deleteScope(ctx, params.scope);
    return noContent();
  },

  async listScopeMembers({ ctx, params }) {
    return ok((await members.listMembers(ctx, params.scope)).map(presentMember));
  },

  // jsr's githubLogin is the Wharf login.
  async addScopeMember({ ctx, params, body }) {
    const target = "githubLogin" in body ? { login: body.githubLogin } : { id: body.id };
    return ok(presentInvite(await members.inviteMember(ctx, params.scope, target)));
  },

  async updateScopeMember({ ctx, params, body }) {
    return ok(presentMember(await members.updateMember(ctx, params.scope, params.userId, body.isAdmin)));
  },

  async removeScopeMember({ ctx, params }) {
    await members.removeMember(ctx, params.scope, params.userId);
    return noContent();
  },

  async listScopeInvites({ ctx, params }) {
    return ok((await members.listScopeInvites(ctx, params.scope)).map(presentInvite));
  },

  async deleteScopeInvite({ ctx, params }) {
    await members.withdrawInvite(ctx, params.scope, params.userId);
    return noContent();
  },
};
