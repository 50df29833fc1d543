import { text } from "node:stream/consumers";
import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { dependencyGraph, MAX_GRAPH_DEPTH } from "../../services/jsr/dependency-graph";
import { getPublishingTask } from "../../services/jsr/publishing/publish";
import { latestOf } from "../../services/jsr/versions";
import { connectionOver, listComplexity, PageArgs, type Connection } from "../connection";
import type { GraphQLContext } from "../context";
import { LOOKUP_COST, STATEMENT_COST } from "../cost";
import { JsrPackageConnection, JsrPackageType, jsrPackageNode } from "../types/package";
import { DependencyGraphType, DependencyType, JsrFileType, JsrVersionConnection, JsrVersionType, PublishingTaskType } from "../types/version";
import { orNull } from "./not-found";

const versionKey = (v: JsrVersionType) => `${v.scope}/${v.name}/${v.version}`;

@Resolver(() => JsrPackageType)
export class JsrPackageVersionsResolver {
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
}

@Resolver(() => JsrVersionType)
export class JsrVersionResolver {
  @Query(() => PublishingTaskType, { nullable: true, complexity: LOOKUP_COST, description: "A publishing task, as `deno publish` polls it." })
  publishingTask(@Arg("id", () => String) id: string, @Ctx() ctx: GraphQLContext): Promise<PublishingTaskType | null> {
    return orNull(getPublishingTask(ctx.db, id));
  }

  @FieldResolver(() => [JsrFileType])
  async files(@Root() version: JsrVersionType, @Ctx() ctx: GraphQLContext): Promise<JsrFileType[]> {
    const files = await ctx.loaders.filesByVersion.load(versionKey(version));
    return files.map((f) => ({ path: f.path, size: f.size, checksum: `sha256-${f.sha256}` }));
  }

  @FieldResolver(() => [DependencyType], { description: "What this version imports from other packages." })
  async dependencies(@Root() version: JsrVersionType, @Ctx() ctx: GraphQLContext): Promise<DependencyType[]> {
    const rows = await ctx.loaders.dependenciesByVersion.load(versionKey(version));
    return rows.map((d) => ({ kind: d.kind, name: d.dependency, constraint: d.constraint, path: d.path }));
  }

  @FieldResolver(() => DependencyGraphType, {
    // Two batched reads per level.
    complexity: ({ args, childComplexity }) => 2 * Math.min(Math.max(Number(args.depth), 1), MAX_GRAPH_DEPTH) * STATEMENT_COST + childComplexity,
    description: `Transitive dependencies, to at most ${MAX_GRAPH_DEPTH} levels.`,
  })
  dependencyGraph(
    @Root() version: JsrVersionType,
    @Arg("depth", () => Int, { defaultValue: 3 }) depth: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<DependencyGraphType> {
    return dependencyGraph(ctx, version, depth);
  }

  @FieldResolver(() => String, { nullable: true, name: "readme", complexity: STATEMENT_COST, description: "The readme's text, if the version has one." })
  async readmeText(@Root() version: JsrVersionType, @Ctx() ctx: GraphQLContext): Promise<string | null> {
    if (!version.readme) return null;
    const file = (await ctx.loaders.filesByVersion.load(versionKey(version))).find((f) => f.path === version.readme);
    const content = file && (await ctx.blobs.open(file.sha256));
    return content ? text(content) : null;
  }

  @FieldResolver(() => PublishingTaskType, { nullable: true, name: "publishingTask", description: "The task that published this version." })
  async publishingTaskOf(@Root() version: JsrVersionType, @Ctx() ctx: GraphQLContext): Promise<PublishingTaskType | null> {
    return (await ctx.loaders.publishingTaskByVersion.load(versionKey(version))) ?? null;
  }
}
