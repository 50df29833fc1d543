import { Arg, Args, Ctx, Field, FieldResolver, InputType, Mutation, Query, registerEnumType, Resolver, Root } from "type-graphql";
import { WharfError } from "../../errors";
import * as packages from "../../services/jsr/packages";
import { setYanked } from "../../services/jsr/versions";
import { featuredJsrPackages, listJsrPackages, registryCounts } from "../../services/jsr/package-listing";
import { listAtomPackages, searchAtomPackages, type AtomSort } from "../../services/atom/package-listing";
import { getAtomPackage, summarize } from "../../services/atom/packages";
import { listAllPackages } from "../../services/catalog/package-directory";
import { atomPackageNode } from "../types/atom-package";
import { searchPackages } from "../../services/catalog/package-search";
import { foundPackageNode, loadPackageNodes } from "./package-nodes";
import { connectionOf, listComplexity, PageArgs, windowOf, type Connection } from "../connection";
import { LIST_QUERY_COST, LOOKUP_COST, plus, SEARCH_COST, STATS_COST } from "../cost";
import type { GraphQLContext } from "../context";
import { Ecosystem, JsrPackageType, jsrPackageNode, PackageConnection, PackageInterface } from "../types/package";
import { ScopeType } from "../types/scope";
import { RegistryStatsType, STATS_SIZE } from "../types/stats";
import { JsrVersionType } from "../types/version";
import { orNull } from "./not-found";

enum PackageOrderBy {
  CREATED_AT = "createdAt",
  UPDATED_AT = "updatedAt",
  NAME = "name",
  DOWNLOADS = "downloads",
  STARS = "stars",
}
registerEnumType(PackageOrderBy, {
  name: "PackageOrderBy",
  valuesConfig: { DOWNLOADS: { description: "Atom packages only." }, STARS: { description: "Atom packages only; most starred first." } },
});

/** Atom's REST sort for a GraphQL order. */
const ATOM_SORTS: Record<PackageOrderBy, AtomSort | "name"> = {
  [PackageOrderBy.CREATED_AT]: "created_at",
  [PackageOrderBy.UPDATED_AT]: "updated_at",
  [PackageOrderBy.NAME]: "name",
  [PackageOrderBy.DOWNLOADS]: "downloads",
  [PackageOrderBy.STARS]: "stars",
};

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
  @Query(() => PackageInterface, { nullable: true, complexity: LOOKUP_COST, description: "One package; jsr packages are named by scope and name." })
  async package(
    @Arg("ecosystem", () => Ecosystem) ecosystem: Ecosystem,
    @Arg("name", () => String) name: string,
    @Arg("scope", () => String, { nullable: true }) scope: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PackageInterface | null> {
    if (ecosystem === Ecosystem.ATOM) {
      const pkg = await orNull(getAtomPackage(ctx.db, name));
      return pkg && atomPackageNode(summarize(pkg));
    }
    if (!scope) throw new WharfError("malformedRequest", "Malformed request: a jsr package is named by its scope and name.");
    const pkg = await orNull(packages.getPackage(ctx.db, scope, name));
    return pkg && jsrPackageNode(pkg);
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
  ): Promise<Connection<PackageInterface>> {
    const window = windowOf(page);
    const field = orderBy?.field ?? PackageOrderBy.CREATED_AT;
    const direction = orderBy?.direction ?? OrderDirection.DESC;
    const ecosystem = filter?.ecosystem ?? (filter?.scope ? Ecosystem.JSR : undefined);
    if (ecosystem === Ecosystem.ATOM) {
      const request = { offset: window.offset, limit: window.limit, sort: ATOM_SORTS[field], direction };
      const { items, total } = filter?.query?.trim() ? await searchAtomPackages(ctx.sql, filter.query, request) : await listAtomPackages(ctx.sql, request);
      return connectionOf(items.map(atomPackageNode), window, total);
    }
    if (field === PackageOrderBy.DOWNLOADS || field === PackageOrderBy.STARS) {
      throw new WharfError("malformedRequest", "Malformed request: packages are ordered by downloads or stars only with filter: { ecosystem: ATOM }.");
    }
    if (ecosystem === Ecosystem.JSR) {
      const { items, total } = await listJsrPackages(ctx, { scope: filter?.scope, query: filter?.query }, { field, direction }, window);
      return connectionOf(items.map(jsrPackageNode), window, total);
    }
    const { items, total } = await listAllPackages(ctx.sql, filter?.query, { field, direction }, window);
    return connectionOf(await loadPackageNodes(ctx, items), window, total);
  }

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
    if (!query.trim()) throw new WharfError("malformedRequest", "Malformed request: query must not be empty.");
    const { items, total } = await searchPackages(ctx, query, ecosystem ?? undefined, window);
    return connectionOf(items.map(foundPackageNode), window, total);
  }

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
