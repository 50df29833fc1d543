import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, Info, Query, Resolver } from "type-graphql";
import { findPackage, listPackages } from "../../services/catalog/package-list";
import { atomPackageNode } from "../atom-package/type";
import { jsrPackageNode } from "../jsr-package/type";
import { foundPackageNode, loadPackageNodes } from "./nodes";
import { prefetchAtomPage, prefetchJsrPage } from "./prefetch";
import { connectionOf, listComplexity, PageArgs, windowOf, type Connection } from "../infra/connection";
import { LIST_QUERY_COST, LOOKUP_COST, SEARCH_COST } from "../infra/cost";
import type { GraphQLContext } from "../infra/context";
import { orNull } from "../infra/not-found";
import { OrderDirection, PackageFilter, PackageOrder, PackageOrderBy } from "./inputs";
import { Ecosystem, PackageConnection, PackageInterface } from "./type";

@Resolver(() => PackageInterface)
export class PackageResolver {
  @Query(() => PackageInterface, { nullable: true, complexity: LOOKUP_COST, description: "One package; jsr packages are named by scope and name." })
  async package(
    @Arg("ecosystem", () => Ecosystem) ecosystem: Ecosystem,
    @Arg("name", () => String) name: string,
    @Arg("scope", () => String, { nullable: true }) scope: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PackageInterface | null> {
    const found = await orNull(findPackage(ctx, ecosystem, name, scope));
    return found && foundPackageNode(found);
  }

  @Query(() => PackageConnection, {
    // Words to look for make it a search.
    complexity: (estimate) => (estimate.args.filter?.query ? SEARCH_COST : LIST_QUERY_COST) + Number(listComplexity(estimate)),
    description: "Packages, filtered and ordered (newest first by default).",
  })
  async packages(
    @Arg("filter", () => PackageFilter, { nullable: true }) filter: PackageFilter | null,
    @Arg("orderBy", () => PackageOrder, { nullable: true }) orderBy: PackageOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<PackageInterface>> {
    const window = windowOf(page);
    const order = { field: orderBy?.field ?? PackageOrderBy.CREATED_AT, direction: orderBy?.direction ?? OrderDirection.DESC };
    const list = await listPackages(ctx, { ecosystem: filter?.ecosystem, scope: filter?.scope, query: filter?.query }, order, window);
    if (list.ecosystem === "atom") {
      await prefetchAtomPage(ctx, info, list.items);
      return connectionOf(list.items.map(atomPackageNode), window, list.total);
    }
    if (list.ecosystem === "jsr") {
      await prefetchJsrPage(ctx, info, list.items);
      return connectionOf(list.items.map(jsrPackageNode), window, list.total);
    }
    return connectionOf(await loadPackageNodes(ctx, list.items), window, list.total);
  }
}
