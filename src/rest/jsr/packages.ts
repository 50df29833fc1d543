// jsr: /api/scopes/{scope}/packages.
import * as packages from "../../services/packages";
import { ok, type Operations } from "../operation";
import { presentPackage } from "./present";

export const packageOperations: Operations = {
  async listScopePackages({ ctx, params }) {
    const items = (await packages.listScopePackages(ctx.db, params.scope)).map(presentPackage);
    return ok({ items, total: items.length });
  },

  async createPackage({ ctx, params, body }) {
    return ok(presentPackage(await packages.createPackage(ctx, params.scope, body.package)));
  },

  async getPackage({ ctx, params }) {
    return ok(presentPackage(await packages.getPackage(ctx.db, params.scope, params.package)));
  },
};
