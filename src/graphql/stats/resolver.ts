import { Ctx, Query, Resolver } from "type-graphql";
import { featuredJsrPackages, registryCounts } from "../../services/jsr/package-listing";
import { latestPackages } from "../../services/catalog/package-list";
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
      latestPackages(ctx, "createdAt", STATS_SIZE),
      latestPackages(ctx, "updatedAt", STATS_SIZE),
    ]);
    return {
      userCount: counts.users,
      scopeCount: counts.scopes,
      packageCount: counts.jsrPackages + counts.atomPackages,
      jsrPackageCount: counts.jsrPackages,
      atomPackageCount: counts.atomPackages,
      newest: await loadPackageNodes(ctx, newest),
      updated: await loadPackageNodes(ctx, updated),
      featured: featured.map(jsrPackageNode),
    };
  }
}
