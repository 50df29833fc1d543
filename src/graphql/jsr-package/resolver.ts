import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import * as packages from "../../services/jsr/packages";
import { latestOf } from "../../services/jsr/versions";
import { connectionOver, listComplexity, PageArgs, type Connection } from "../infra/connection";
import type { GraphQLContext } from "../infra/context";
import { JsrVersionConnection, JsrVersionType } from "../jsr-version/type";
import { ScopeType } from "../scope/type";
import { scopeNamed } from "../scope/scope-named";
import { runtimeCompatOf, UpdatePackageInput } from "./inputs";
import { JsrPackageConnection, JsrPackageType, jsrPackageNode } from "./type";

@Resolver(() => JsrPackageType)
export class JsrPackageResolver {
  @FieldResolver(() => ScopeType)
  scope(@Root() pkg: JsrPackageType, @Ctx() ctx: GraphQLContext): ScopeType | Promise<ScopeType> {
    return scopeNamed(ctx, pkg.scope);
  }

  @FieldResolver(() => JsrVersionConnection, { complexity: listComplexity, description: "Newest first." })
  async versions(@Root() pkg: JsrPackageType, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: GraphQLContext): Promise<Connection<unknown>> {
    return connectionOver(await ctx.loaders.versionsByPackage.load(`${pkg.scope}/${pkg.name}`), page);
  }

  @FieldResolver(() => JsrVersionType, { nullable: true, description: "The highest version that is neither yanked nor a prerelease." })
  async latestVersion(@Root() pkg: JsrPackageType, @Ctx() ctx: GraphQLContext): Promise<JsrVersionType | null> {
    return latestOf(await ctx.loaders.versionsByPackage.load(`${pkg.scope}/${pkg.name}`)) ?? null;
  }

  @FieldResolver(() => JsrPackageConnection, { complexity: listComplexity, description: "The packages with a version that imports this one." })
  async dependents(@Root() pkg: JsrPackageType, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: GraphQLContext): Promise<Connection<unknown>> {
    const names = await ctx.loaders.dependentsByPackage.load(`@${pkg.scope}/${pkg.name}`);
    const packages = await Promise.all(names.map((n) => ctx.loaders.jsrPackageByName.load(`${n.scope}/${n.name}`)));
    return connectionOver(packages.flatMap((p) => (p ? [jsrPackageNode(p)] : [])), page);
  }
  @Mutation(() => JsrPackageType, { description: "Creates a jsr package in a scope the caller is a member of." })
  async createPackage(
    @Arg("scope", () => String) scope: string,
    @Arg("name", () => String) name: string,
    @Arg("createScope", () => Boolean, { defaultValue: false, description: "Makes the scope first, with the caller as its admin, when it does not exist (and the caller may make scopes)." })
    createScope: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<JsrPackageType> {
    return jsrPackageNode(await packages.createPackage(ctx, scope, name, { createScope }));
  }

  @Mutation(() => JsrPackageType, { description: "Scope admins: changes a package's settings." })
  async updatePackage(
    @Arg("scope", () => String) scope: string,
    @Arg("name", () => String) name: string,
    @Arg("input", () => UpdatePackageInput) input: UpdatePackageInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<JsrPackageType> {
    return jsrPackageNode(await packages.updatePackage(ctx, scope, name, { ...input, runtimeCompat: runtimeCompatOf(input.runtimeCompat) }));
  }

  @Mutation(() => Boolean, { description: "Scope admins: deletes a package that has no versions." })
  async deletePackage(@Arg("scope", () => String) scope: string, @Arg("name", () => String) name: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await packages.deletePackage(ctx, scope, name);
    return true;
  }
}
