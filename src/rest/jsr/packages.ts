// jsr: /api/packages and /api/scopes/{scope}/packages/{package}.
import type { Package } from "../../generated/prisma/client";
import { jsrStats, listJsrPackages } from "../../services/jsr/package-listing";
import * as packages from "../../services/jsr/packages";
import { listDependents } from "../../services/jsr/versions";
import type { Loaders } from "../../services/shared/loaders";
import { noContent, ok, okKept, type Operations } from "../operation";
import { presentDependent, presentPackage } from "./present";
import { packageDownloads } from "../../services/jsr/downloads";
import { registryMetrics } from "../../services/jsr/registry-metrics";

const presentAll = (loaders: Loaders, items: Package[]) => Promise.all(items.map(async (p) => presentPackage(p, await packages.summarize(loaders, p))));

/** jsr pages count from 1. */
function pageOf(query: Record<string, unknown>): { offset: number; limit: number } {
  const limit = Number(query.limit ?? 20);
  return { offset: (Number(query.page ?? 1) - 1) * limit, limit };
}

export const packageOperations: Operations = {
  async listPackages({ ctx, query }) {
    const { items, total } = await listJsrPackages(ctx, { query: query.query as string | undefined }, { field: "updatedAt", direction: "desc" }, pageOf(query));
    return ok({ items: await presentAll(ctx.loaders, items), total });
  },

  async listScopePackages({ ctx, params }) {
    const items = await packages.listScopePackages(ctx.db, params.scope);
    return ok({ items: await presentAll(ctx.loaders, items), total: items.length });
  },

  async createPackage({ ctx, params, body }) {
    const pkg = await packages.createPackage(ctx, params.scope, body.package);
    return ok(presentPackage(pkg, await packages.summarize(ctx.loaders, pkg)));
  },

  async getPackage({ ctx, params }) {
    const { pkg, summary, keep } = await packages.readPackage(ctx.sql, params.scope, params.package);
    return okKept(presentPackage(pkg, summary), keep);
  },

  async updatePackage({ ctx, params, body }) {
    const pkg = await packages.updatePackage(ctx, params.scope, params.package, body);
    return ok(presentPackage(pkg, await packages.summarize(ctx.loaders, pkg)));
  },

  async deletePackage({ ctx, params }) {
    await packages.deletePackage(ctx, params.scope, params.package);
    return noContent();
  },

  async getStats({ ctx }) {
    const { newest, updated, featured } = await jsrStats(ctx);
    const brief = (p: Package) => ({ scope: p.scope, name: p.name });
    return ok({
      newest: newest.map(brief),
      updated: updated.map((v) => ({ scope: v.scope, package: v.name, version: v.version })),
      featured: featured.map(brief),
    });
  },

  async getMetrics({ ctx }) {
    return ok(await registryMetrics(ctx));
  },

  async getPackageDownloads({ ctx, params }) {
    return ok(await packageDownloads(ctx, params.scope, params.package));
  },

  async listPackageDependents({ ctx, params, query }) {
    const { items, total } = await listDependents(ctx.db, params.scope, params.package, pageOf(query));
    return ok({ items: items.map(presentDependent), total });
  },
};
