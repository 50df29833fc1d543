import { Arg, Args, Ctx, Field, FieldResolver, InputType, Mutation, Query, registerEnumType, Resolver, Root } from "type-graphql";
import { WharfError } from "../../errors";
import * as packages from "../../services/packages";
import { setYanked } from "../../services/versions";
import { listJsrPackages, registryCounts, type PackageOrderField } from "../../services/package-listing";
import { connectionOf, listComplexity, PageArgs, windowOf, type Connection } from "../connection";
import type { GraphQLContext } from "../context";
import { Ecosystem, JsrPackageType, jsrPackageNode, PackageConnection, PackageInterface } from "../types/package";
import { ScopeType } from "../types/scope";
import { RegistryStatsType } from "../types/stats";
import { JsrVersionType } from "../types/version";
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

@InputType({ description: "The settings to change; those left out stay as they are." })
class UpdatePackageInput {
  @Field(() => String, { nullable: true })
  description?: string;

  @Field(() => Boolean, { nullable: true })
  isArchived?: boolean;

  @Field(() => Boolean, { nullable: true, description: "Staff only." })
  isFeatured?: boolean;
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
    const pkg = await orNull(packages.getPackage(ctx.db, scope, name));
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

  @Mutation(() => JsrPackageType, { description: "Creates a jsr package in a scope the caller is a member of." })
  async createPackage(
    @Arg("scope", () => String) scope: string,
    @Arg("name", () => String) name: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<JsrPackageType> {
    return jsrPackageNode(await packages.createPackage(ctx, scope, name));
  }

  @Mutation(() => JsrPackageType, { description: "Scope admins: changes a package's settings." })
  async updatePackage(
    @Arg("scope", () => String) scope: string,
    @Arg("name", () => String) name: string,
    @Arg("input", () => UpdatePackageInput) input: UpdatePackageInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<JsrPackageType> {
    return jsrPackageNode(await packages.updatePackage(ctx, scope, name, input));
  }

  @Mutation(() => Boolean, { description: "Scope admins: deletes a package that has no versions." })
  async deletePackage(@Arg("scope", () => String) scope: string, @Arg("name", () => String) name: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await packages.deletePackage(ctx, scope, name);
    return true;
  }

  @Mutation(() => JsrVersionType, { description: "Scope members: yanks (or unyanks) a version." })
  yankVersion(
    @Arg("scope", () => String) scope: string,
    @Arg("name", () => String) name: string,
    @Arg("version", () => String) version: string,
    @Arg("yanked", () => Boolean, { defaultValue: true }) yanked: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<JsrVersionType> {
    return setYanked(ctx, scope, name, version, yanked);
  }

  @FieldResolver(() => ScopeType)
  async scope(@Root() pkg: JsrPackageType, @Ctx() ctx: GraphQLContext): Promise<ScopeType> {
    return (await ctx.loaders.scopeByName.load(pkg.scope))!;
  }
}
