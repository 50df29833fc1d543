import { Ctx, Query, Resolver } from "type-graphql";
import { featuredJsrPackages, registryCounts } from "../../services/jsr/package-listing";
import { listAllPackages } from "../../storage/queries/package-directory";
import type { GraphQLContext } from "../infra/context";
import { STATS_COST } from "../infra/cost";
import { jsrPackageNode } from "../jsr-package/type";
import { loadPackageNodes } from "../package/nodes";
import { RegistryStatsType, STATS_SIZE } from "./type";

@Resolver(() => RegistryStatsType)
export class StatsResolver {
  @Query(() => RegistryStatsType, { complexity: STATS_COST })
  async stats(@Ctx() ctx: GraphQLContext): Promise<RegistryStatsType> {
    const [counts, featured, newest, updated] = await Promise.all([
      registryCounts(ctx),
      featuredJsrPackages(ctx, STATS_SIZE),
      listAllPackages(ctx.sql, undefined, { field: "createdAt", direction: "desc" }, { offset: 0, limit: STATS_SIZE }),
      listAllPackages(ctx.sql, undefined, { field: "updatedAt", direction: "desc" }, { offset: 0, limit: STATS_SIZE }),
    ]);
    return {
      userCount: counts.users,
      scopeCount: counts.scopes,
      packageCount: counts.jsrPackages + counts.atomPackages,
      jsrPackageCount: counts.jsrPackages,
      atomPackageCount: counts.atomPackages,
      newest: await loadPackageNodes(ctx, newest.items),
      updated: await loadPackageNodes(ctx, updated.items),
      featured: featured.map(jsrPackageNode),
    };
  }
}
