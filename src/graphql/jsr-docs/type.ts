import { Field, Float, Int, ObjectType } from "type-graphql";
import { GraphQLJSON } from "graphql-scalars";

@ObjectType("JsrDocSymbol", { description: "One exported symbol of a version's generated docs." })
export class JsrDocSymbolType {
  @Field(() => String)
  name!: string;

  @Field(() => [String], { description: 'Its declarations\' kinds: "function", "class", "interface", ...' })
  kinds!: string[];

  @Field(() => String, { description: 'The module it is exported from, e.g. "/mod.ts".' })
  path!: string;

  @Field(() => String, { description: "The first paragraph of its documentation; empty when it has none." })
  doc!: string;

  @Field(() => GraphQLJSON, { description: "Its declarations as deno doc --json describes them." })
  declarations!: unknown;
}

@ObjectType("JsrModuleDocs", { description: "The generated docs of one entrypoint of a version." })
export class JsrModuleDocsType {
  @Field(() => String, { description: '"." or "./sub"; the path for a module that is not an export.' })
  entrypoint!: string;

  @Field(() => String, { description: 'The module, e.g. "/mod.ts".' })
  path!: string;

  @Field(() => String, { nullable: true, description: "The module's own documentation (@module)." })
  moduleDoc!: string | null;

  @Field(() => [JsrDocSymbolType])
  symbols!: JsrDocSymbolType[];
}

@ObjectType("JsrPackageScore", { description: "jsr's package score, from the latest version's docs and README and the package's settings." })
export class JsrPackageScoreType {
  @Field(() => Int, { description: "Points, out of 17." })
  total!: number;

  @Field(() => Int, { description: "The total as jsr shows it: a percentage." })
  percentage!: number;

  @Field(() => Boolean)
  hasReadme!: boolean;

  @Field(() => Boolean)
  hasReadmeExamples!: boolean;

  @Field(() => Boolean)
  allEntrypointsDocs!: boolean;

  @Field(() => Float, { description: "0 to 1." })
  percentageDocumentedSymbols!: number;

  @Field(() => Boolean, { description: "No slow types: every exported function and variable declares its type." })
  allFastCheck!: boolean;

  @Field(() => Boolean, { description: "Always false here: provenance is not verified on this registry." })
  hasProvenance!: boolean;

  @Field(() => Boolean)
  hasDescription!: boolean;

  @Field(() => Boolean)
  atLeastOneRuntimeCompatible!: boolean;

  @Field(() => Boolean)
  multipleRuntimesCompatible!: boolean;
}
