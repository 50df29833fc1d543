// A version's generated docs and symbol search, and a package's score. The services read and compute; these
// resolvers only look up and reshape.
import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { PackageVersion } from "../../generated/prisma/client";
import { WharfError } from "../../errors";
import { scorePercentage } from "../../services/jsr/docs/package-score";
import { docsError, docsPage, findVersionDocs, getPackageScore, searchIndex } from "../../services/jsr/docs/version-docs";
import type { GraphQLContext } from "../infra/context";
import { STATEMENT_COST } from "../infra/cost";
import { JsrPackageType } from "../jsr-package/type";
import { JsrVersionType } from "../jsr-version/type";
import { JsrDocSymbolType, JsrModuleDocsType, JsrPackageScoreType } from "./type";

const summary = (doc: string | undefined) => (doc ?? "").split(/\n\s*\n/)[0] ?? "";

@Resolver(() => JsrVersionType)
export class JsrVersionDocsResolver {
  @FieldResolver(() => JsrModuleDocsType, {
    nullable: true,
    complexity: STATEMENT_COST,
    description: 'The generated docs of one entrypoint ("." by default); null when the version has no docs (see docsError) or no such entrypoint.',
  })
  async docs(
    @Root() version: JsrVersionType,
    @Arg("entrypoint", () => String, { defaultValue: "." }) entrypoint: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<JsrModuleDocsType | null> {
    const found = await findVersionDocs(ctx, version as unknown as PackageVersion);
    if (!found) return null;
    try {
      const page = docsPage(found, { entrypoint });
      if (page.kind !== "file") return null;
      const { path, moduleDoc, symbols } = page.value;
      return {
        entrypoint,
        path,
        moduleDoc: moduleDoc?.doc ?? null,
        symbols: symbols.map((s) => ({
          name: s.name,
          kinds: [...new Set(s.declarations.map((d) => d.kind))],
          path,
          doc: summary(s.declarations.find((d) => d.jsDoc)?.jsDoc?.doc),
          declarations: s.declarations,
        })),
      };
    } catch (err) {
      if (err instanceof WharfError && err.code === "docsNotFound") return null;
      throw err;
    }
  }

  @FieldResolver(() => String, { nullable: true, complexity: STATEMENT_COST, description: "Why the version has no docs, if it has none." })
  docsError(@Root() version: JsrVersionType, @Ctx() ctx: GraphQLContext): Promise<string | null> {
    return docsError(ctx, version.scope, version.name, version.version);
  }

  @FieldResolver(() => [JsrDocSymbolType], { complexity: STATEMENT_COST, description: "The version's symbols whose name or summary holds the query (all for an empty one)." })
  async searchSymbols(@Root() version: JsrVersionType, @Arg("query", () => String) query: string, @Ctx() ctx: GraphQLContext): Promise<JsrDocSymbolType[]> {
    const found = await findVersionDocs(ctx, version as unknown as PackageVersion);
    if (!found) return [];
    const declarations = new Map(Object.entries(found.docs.nodes).flatMap(([path, node]) => (node.symbols ?? []).map((s) => [`${path}#${s.name}`, s.declarations] as const)));
    return searchIndex(found, query.slice(0, 200)).nodes.map((n) => ({ name: n.name, kinds: n.kind, path: n.file, doc: n.doc, declarations: declarations.get(`${n.file}#${n.name}`) ?? [] }));
  }
}

@Resolver(() => JsrPackageType)
export class JsrPackageScoreResolver {
  @FieldResolver(() => JsrPackageScoreType, { nullable: true, complexity: STATEMENT_COST, description: "jsr's score; null before a version with docs is published." })
  async score(@Root() pkg: JsrPackageType, @Ctx() ctx: GraphQLContext): Promise<JsrPackageScoreType | null> {
    try {
      const score = await getPackageScore(ctx, pkg.scope, pkg.name);
      return { ...score, percentage: scorePercentage(score) };
    } catch (err) {
      if (err instanceof WharfError && (err.code === "docsNotFound" || err.code === "packageVersionNotFound")) return null;
      throw err;
    }
  }
}
