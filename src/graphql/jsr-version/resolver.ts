import { text } from "node:stream/consumers";
import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from "type-graphql";
import { dependencyGraph, MAX_GRAPH_DEPTH } from "../../services/jsr/dependency-graph";
import { setYanked } from "../../services/jsr/versions";
import type { GraphQLContext } from "../infra/context";
import { STATEMENT_COST } from "../infra/cost";
import { PublishingTaskType } from "../publishing-task/type";
import { DependencyGraphType, DependencyType, JsrFileType, JsrVersionType } from "./type";

const versionKey = (v: JsrVersionType) => `${v.scope}/${v.name}/${v.version}`;

@Resolver(() => JsrVersionType)
export class JsrVersionResolver {
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
}
