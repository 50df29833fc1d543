import { Arg, Args, Ctx, Query, Resolver } from "type-graphql";
import { searchPackages } from "../../services/catalog/package-search";
import { connectionOf, listComplexity, PageArgs, windowOf, type Connection } from "../infra/connection";
import type { GraphQLContext } from "../infra/context";
import { plus, SEARCH_COST } from "../infra/cost";
import { foundPackageNode } from "../package/nodes";
import { Ecosystem, PackageConnection, PackageInterface } from "../package/type";

@Resolver()
export class SearchResolver {
  @Query(() => PackageConnection, {
    complexity: plus(SEARCH_COST, listComplexity),
    description:
      "Packages matching a search, ranked as each ecosystem's REST search ranks them (Atom: relevance, typo-tolerant; jsr: recently updated first). " +
      "Without an ecosystem, both rankings are interleaved.",
  })
  async search(
    @Arg("query", () => String) query: string,
    @Arg("ecosystem", () => Ecosystem, { nullable: true }) ecosystem: Ecosystem | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Connection<PackageInterface>> {
    const window = windowOf(page);
    const { items, total } = await searchPackages(ctx, query, ecosystem ?? undefined, window);
    return connectionOf(items.map(foundPackageNode), window, total);
  }
}
