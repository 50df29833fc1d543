import { Field, Int, ObjectType } from "type-graphql";

@ObjectType("JsrExport", { description: "One entry of a version's exports map." })
export class JsrExportType {
  @Field(() => String, { description: '"." for the package itself, else "./sub".' })
  name!: string;

  @Field(() => String, { description: 'The file it points at, e.g. "./mod.ts".' })
  path!: string;
}

@ObjectType("JsrFileSource", { description: "A published file's text, for reading in a browser." })
export class JsrFileSourceType {
  @Field(() => String, { description: 'Starts with "/".' })
  path!: string;

  @Field(() => Int)
  size!: number;

  @Field(() => String, { nullable: true, description: "The text; null for a binary file or one over 1 MiB." })
  text!: string | null;
}
