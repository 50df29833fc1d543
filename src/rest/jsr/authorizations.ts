// jsr: /api/authorizations, the device flow of `deno publish`.
import * as authorizations from "../../services/accounts/authorizations";
import { userUsage } from "../../services/accounts/users";
import { storedPermissions } from "../../services/shared/permissions";
import { noContent, ok, type Operations } from "../operation";
import { presentFullUser } from "./present";

// The flow's answers change with every poll: never cache them.
const NO_STORE = { "Cache-Control": "no-store" };

export const authorizationOperations: Operations = {
  async createAuthorization({ ctx, body }) {
    const { authorization, exchangeToken, verificationUrl } = await authorizations.startAuthorization(ctx, body);
    return ok(
      {
        verificationUrl,
        code: authorization.code,
        exchangeToken,
        pollInterval: authorizations.POLL_INTERVAL,
        expiresAt: authorization.expiresAt.toISOString(),
      },
      NO_STORE,
    );
  },

  async getAuthorizationDetails({ ctx, params }) {
    const authorization = await authorizations.getPendingAuthorization(ctx, params.code);
    return ok(
      { code: authorization.code, permissions: storedPermissions(authorization.permissions), expiresAt: authorization.expiresAt.toISOString() },
      NO_STORE,
    );
  },

  async approveAuthorization({ ctx, params }) {
    await authorizations.answerAuthorization(ctx, params.code, true);
    return noContent();
  },

  async denyAuthorization({ ctx, params }) {
    await authorizations.answerAuthorization(ctx, params.code, false);
    return noContent();
  },

  async exchangeAuthorizationCode({ ctx, body }) {
    const { secret, user } = await authorizations.exchangeAuthorization(ctx, body);
    return ok({ token: secret, user: presentFullUser(user, await userUsage(ctx.db, user.id)) }, NO_STORE);
  },
};
