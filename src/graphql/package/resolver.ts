import { Arg, Args, Ctx, Query, Resolver } from "type-graphql";
import { WharfError } from "../../errors";
import * as packages from "../../services/jsr/packages";
import { listJsrPackages } from "../../services/jsr/package-listing";
import { listAtomPackages, searchAtomPackages, type AtomSort } from "../../services/atom/package-listing";
import { getAtomPackage, summarize } from "../../services/atom/packages";
import { listAllPackages } from "../../services/catalog/package-directory";
import { atomPackageNode } from "../atom-package/type";
import { jsrPackageNode } from "../jsr-package/type";
import { loadPackageNodes } from "./nodes";
import { connectionOf, listComplexity, PageArgs, windowOf, type Connection } from "../infra/connection";
import { LIST_QUERY_COST, LOOKUP_COST, SEARCH_COST } from "../infra/cost";
import type { GraphQLContext } from "../infra/context";
import { orNull } from "../infra/not-found";
import { OrderDirection, PackageFilter, PackageOrder, PackageOrderBy } from "./inputs";
import { Ecosystem, PackageConnection, PackageInterface } from "./type";

/** Atom's REST sort for a GraphQL order. */
const ATOM_SORTS: Record<PackageOrderBy, AtomSort | "name"> = {
  [PackageOrderBy.CREATED_AT]: "created_at",
  [PackageOrderBy.UPDATED_AT]: "updated_at",
  [PackageOrderBy.NAME]: "name",
  [PackageOrderBy.DOWNLOADS]: "downloads",
  [PackageOrderBy.STARS]: "stars",
};

@Resolver(() => PackageInterface)
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
}
