// What a browser shows of a version: its README as safe HTML, its exports, a
// file's text. Rendering is the services'; these resolvers only look up.
import { text } from "node:stream/consumers";
import path from "node:path";
import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { readFileSource } from "../../services/jsr/file-source";
import { ReadmeCache, renderReadme } from "../../services/jsr/readme-html";
import type { GraphQLContext } from "../infra/context";
import { STATEMENT_COST } from "../infra/cost";
import { JsrVersionType } from "./type";
import { JsrExportType, JsrFileSourceType } from "./content.type";

const versionKey = (v: JsrVersionType) => `${v.scope}/${v.name}/${v.version}`;

// Versions are immutable, so a README is rendered once per version and process.
const readmes = new ReadmeCache();

@Resolver(() => JsrVersionType)
export class JsrVersionContentResolver {
  @FieldResolver(() => String, {
    nullable: true,
    complexity: STATEMENT_COST,
    description: "The readme rendered to sanitized HTML; relative links and images point at the version's files.",
  })
  async readmeHtml(@Root() version: JsrVersionType, @Ctx() ctx: GraphQLContext): Promise<string | null> {
    if (!version.readme) return null;
    const key = versionKey(version);
    const file = (await ctx.loaders.filesByVersion.load(key)).find((f) => f.path === version.readme);
    const content = file && (await ctx.blobs.open(file.sha256));
    if (!content) return null;
    const markdown = await text(content);
    const folder = path.posix.dirname(version.readme);
    const files = `/@${version.scope}/${version.name}/${version.version}${folder === "/" ? "" : folder}/`;
    return readmes.get(key, () => renderReadme(markdown, { files }));
  }

  @FieldResolver(() => [JsrExportType], { description: 'The exports map, "." first.' })
  exports(@Root() version: JsrVersionType): JsrExportType[] {
    const map = ((version as unknown as { exports?: unknown }).exports ?? {}) as Record<string, unknown>;
    return Object.entries(map)
      .filter((entry): entry is [string, string] => typeof entry[1] === "string")
      .map(([name, file]) => ({ name, path: file }))
      .sort((a, b) => (a.name === "." ? -1 : b.name === "." ? 1 : a.name.localeCompare(b.name)));
  }

  @FieldResolver(() => JsrFileSourceType, { nullable: true, complexity: STATEMENT_COST, description: "A file's text; null if the version has no such file." })
  async source(@Root() version: JsrVersionType, @Arg("path", () => String) filePath: string, @Ctx() ctx: GraphQLContext): Promise<JsrFileSourceType | null> {
    const file = (await ctx.loaders.filesByVersion.load(versionKey(version))).find((f) => f.path === filePath);
    return file ? readFileSource(ctx.blobs, file) : null;
  }
}
