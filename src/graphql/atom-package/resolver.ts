import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import * as atom from "../../services/atom/packages";
import * as stars from "../../services/atom/stars";
import { atomDownloadHistory } from "../../services/atom/downloads";
import { featureAtomPackage } from "../../services/atom/featured";
import { viewerOf } from "../../services/shared/policies";
import { connectionOver, listComplexity, PageArgs, type Connection } from "../infra/connection";
import type { GraphQLContext } from "../infra/context";
import { plus, PUBLISH_COST, STATEMENT_COST } from "../infra/cost";
import {
  AtomPackageType,
  AtomVersionConnection,
  AtomVersionType,
  atomPackageNode,
  atomVersionNode,
  atomVersionReference,
  DownloadHistoryType,
} from "./type";
import { UserConnection } from "../user/type";

@Resolver(() => AtomPackageType)
export class AtomPackageResolver {
  @FieldResolver(() => AtomVersionType, { nullable: true, description: "The highest version that is not deleted." })
  latestVersion(@Root() pkg: AtomPackageType, @Ctx() ctx: GraphQLContext): AtomVersionType | null {
    // Its number came with the package; its row is loaded only if a field of it is asked for (version.resolver.ts).
    return pkg.latest ? atomVersionReference(pkg.name, pkg.latest, ctx.config.publicUrl) : null;
  }

  @FieldResolver(() => AtomVersionConnection, { complexity: listComplexity, description: "Newest first; deleted versions left out." })
  async versions(@Root() pkg: AtomPackageType, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: GraphQLContext): Promise<Connection<unknown>> {
    const versions = await ctx.loaders.atomVersionsByPackage.load(pkg.name);
    return connectionOver(versions.map((v) => atomVersionNode(v, ctx.config.publicUrl)), page);
  }

  @FieldResolver(() => Boolean, { description: "Whether the caller starred it; false for the anonymous." })
  viewerHasStarred(@Root() pkg: AtomPackageType, @Ctx() ctx: GraphQLContext): boolean | Promise<boolean> {
    const viewer = viewerOf(ctx);
    if (!viewer) return false;
    return ctx.loaders.atomStarByUser.loadNow(`${viewer.id}:${pkg.name}`);
  }

  @FieldResolver(() => Boolean, { description: "Whether the caller may publish, delete or delete versions of it (its owner, a member of its scope, or staff)." })
  viewerIsOwner(@Root() pkg: AtomPackageType, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return atom.canManageAtomPackage(ctx, pkg.name);
  }

  @FieldResolver(() => UserConnection, { complexity: plus(STATEMENT_COST, listComplexity), description: "Who starred it, earliest first." })
  async stargazers(@Root() pkg: AtomPackageType, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: GraphQLContext): Promise<Connection<unknown>> {
    return connectionOver(await stars.stargazers(ctx.db, pkg.name), page);
  }

  @FieldResolver(() => DownloadHistoryType, { complexity: STATEMENT_COST, description: "Downloads per UTC day from `from` to `to` (both included; by default the last 30 days)." })
  async downloads(
    @Root() pkg: AtomPackageType,
    @Arg("from", () => Date, { nullable: true }) from: Date | null,
    @Arg("to", () => Date, { nullable: true }) to: Date | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<DownloadHistoryType> {
    return atomDownloadHistory(ctx.db, pkg.name, { from, to });
  }

  @Mutation(() => AtomPackageType, { complexity: PUBLISH_COST, description: "Publishes an Atom package from the newest semver tag of owner/repo under the git base." })
  async createAtomPackage(@Arg("repository", () => String) repository: string, @Ctx() ctx: GraphQLContext): Promise<AtomPackageType> {
    return atomPackageNode(atom.summarize(await atom.createAtomPackage(ctx, repository)));
  }

  @Mutation(() => AtomVersionType, { complexity: PUBLISH_COST, description: "Owners: publishes the version at a tag; with rename, the package takes the name in its package.json." })
  async publishAtomVersion(
    @Arg("name", () => String) name: string,
    @Arg("tag", () => String) tag: string,
    @Arg("rename", () => Boolean, { defaultValue: false }) rename: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AtomVersionType> {
    return atomVersionNode(await atom.publishAtomVersion(ctx, name, tag, rename), ctx.config.publicUrl);
  }

  @Mutation(() => Boolean, { description: "Owners: deletes an Atom package and every version." })
  async deleteAtomPackage(@Arg("name", () => String) name: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await atom.deleteAtomPackage(ctx, name);
    return true;
  }

  @Mutation(() => Boolean, { description: "Owners: deletes a version; its number can never be published again." })
  async deleteAtomVersion(@Arg("name", () => String) name: string, @Arg("version", () => String) version: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await atom.deleteAtomVersion(ctx, name, version);
    return true;
  }

  @Mutation(() => AtomPackageType, { description: "Stars an Atom package for the caller." })
  async starAtomPackage(@Arg("name", () => String) name: string, @Ctx() ctx: GraphQLContext): Promise<AtomPackageType> {
    return atomPackageNode(await stars.starAtomPackage(ctx, name));
  }

  @Mutation(() => AtomPackageType, { description: "Staff: features an Atom package (a theme in /atom/api/themes/featured, others in /atom/api/packages/featured), or stops featuring it." })
  async featureAtomPackage(
    @Arg("name", () => String) name: string,
    @Arg("featured", () => Boolean, { defaultValue: true }) featured: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AtomPackageType> {
    return atomPackageNode(await featureAtomPackage(ctx, name, featured));
  }

  @Mutation(() => Boolean, { description: "Takes the caller's star off an Atom package." })
  async unstarAtomPackage(@Arg("name", () => String) name: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await stars.unstarAtomPackage(ctx, name);
    return true;
  }
}
