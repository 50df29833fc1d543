import { Arg, Args, Ctx, Field, FieldResolver, InputType, Int, Query, registerEnumType, Resolver, Root } from "type-graphql";
import { WharfError } from "../../errors";
import { getPackage } from "../../services/packages";
import { listJsrPackages, registryCounts, type PackageOrderField } from "../../services/package-listing";
import { connectionOf, listComplexity, PageArgs, windowOf, type Connection } from "../connection";
import type { GraphQLContext } from "../context";
import { Ecosystem, JsrPackageType, jsrPackageNode, PackageConnection, PackageInterface } from "../types/package";
import { ScopeType } from "../types/scope";
import { RegistryStatsType } from "../types/stats";
import { orNull } from "./not-found";

enum PackageOrderBy {
  CREATED_AT = "createdAt",
  UPDATED_AT = "updatedAt",
  NAME = "name",
}
registerEnumType(PackageOrderBy, { name: "PackageOrderBy" });

enum OrderDirection {
  ASC = "asc",
  DESC = "desc",
}
registerEnumType(OrderDirection, { name: "OrderDirection" });

@InputType()
class PackageFilter {
  @Field(() => Ecosystem, { nullable: true, description: "Only this ecosystem's packages." })
  ecosystem?: Ecosystem;

  @Field(() => String, { nullable: true, description: "jsr: only this scope's packages." })
  scope?: string;

  @Field(() => String, { nullable: true, description: "Words the name or description contains." })
  query?: string;
}

@InputType()
class PackageOrder {
  @Field(() => PackageOrderBy)
  field!: PackageOrderBy;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.DESC })
  direction!: OrderDirection;
}

@Resolver(() => JsrPackageType)
export class PackageResolver {
  @Query(() => PackageInterface, { nullable: true, description: "One package; jsr packages are named by scope and name." })
  async package(
    @Arg("ecosystem", () => Ecosystem) ecosystem: Ecosystem,
    @Arg("name", () => String) name: string,
    @Arg("scope", () => String, { nullable: true }) scope: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PackageInterface | null> {
    if (ecosystem !== Ecosystem.JSR) return null;
    if (!scope) throw new WharfError("malformedRequest", "Malformed request: a jsr package is named by its scope and name.");
    const pkg = await orNull(getPackage(ctx.db, scope, name));
    return pkg && jsrPackageNode(pkg);
  }

  @Query(() => PackageConnection, { complexity: listComplexity, description: "Packages, filtered and ordered (newest first by default)." })
  async packages(
    @Arg("filter", () => PackageFilter, { nullable: true }) filter: PackageFilter | null,
    @Arg("orderBy", () => PackageOrder, { nullable: true }) orderBy: PackageOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Connection<PackageInterface>> {
    const window = windowOf(page);
    if (filter?.ecosystem && filter.ecosystem !== Ecosystem.JSR) return connectionOf([], window, 0);
    const order = { field: (orderBy?.field ?? PackageOrderBy.CREATED_AT) as PackageOrderField, direction: orderBy?.direction ?? OrderDirection.DESC };
    const { items, total } = await listJsrPackages(ctx, { scope: filter?.scope, query: filter?.query }, order, window);
    return connectionOf(items.map(jsrPackageNode), window, total);
  }

  @Query(() => RegistryStatsType)
  async stats(@Ctx() ctx: GraphQLContext): Promise<RegistryStatsType> {
    const counts = await registryCounts(ctx);
    return { userCount: counts.users, scopeCount: counts.scopes, packageCount: counts.jsrPackages };
  }

  @FieldResolver(() => ScopeType)
  async scope(@Root() pkg: JsrPackageType, @Ctx() ctx: GraphQLContext): Promise<ScopeType> {
    return (await ctx.loaders.scopeByName.load(pkg.scope))!;
  }
}
