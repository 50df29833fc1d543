import { Field, Int, ObjectType } from "type-graphql";
import { ConnectionType } from "../infra/connection";

@ObjectType("JsrVersion", { description: "A published version of a jsr package." })
export class JsrVersionType {
  @Field(() => String)
  version!: string;

  @Field(() => Boolean, { description: "Yanked versions stay downloadable but are never latest." })
  yanked!: boolean;

  @Field(() => Date)
  createdAt!: Date;

  // Resolved by JsrVersionResolver.
  scope!: string;
  name!: string;
  readme!: string | null;
}

@ObjectType("JsrFile")
export class JsrFileType {
  @Field(() => String, { description: 'Starts with "/".' })
  path!: string;

  @Field(() => Int)
  size!: number;

  @Field(() => String, { description: "sha256-<hex>" })
  checksum!: string;
}

@ObjectType("Dependency")
export class DependencyType {
  @Field(() => String, { description: '"jsr" or "npm".' })
  kind!: string;

  @Field(() => String, { description: '"@scope/name" (jsr) or the npm name.' })
  name!: string;

  @Field(() => String)
  constraint!: string;

  @Field(() => String, { description: 'The subpath imported; "" for the package itself.' })
  path!: string;
}

@ObjectType("DependencyGraphNode")
export class GraphNodeType {
  @Field(() => String)
  id!: string;

  @Field(() => String)
  kind!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: "The resolved jsr version; null for npm and unresolved constraints." })
  version!: string | null;

  @Field(() => Int)
  depth!: number;
}

@ObjectType("DependencyGraphEdge")
export class GraphEdgeType {
  @Field(() => String) from!: string;
  @Field(() => String) to!: string;
  @Field(() => String) constraint!: string;
  @Field(() => String) path!: string;
}

@ObjectType("DependencyGraph")
export class DependencyGraphType {
  @Field(() => [GraphNodeType])
  nodes!: GraphNodeType[];

  @Field(() => [GraphEdgeType])
  edges!: GraphEdgeType[];
}

export const JsrVersionConnection = ConnectionType(JsrVersionType, "JsrVersion");
