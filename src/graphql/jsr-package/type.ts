import { Field, ObjectType } from "type-graphql";
import { GraphQLJSON } from "graphql-scalars";
import type { Package } from "../../generated/prisma/client";
import { ConnectionType } from "../infra/connection";
import { Ecosystem, PackageInterface } from "../package/type";

@ObjectType("JsrPackage", { implements: PackageInterface, description: "A jsr package, @scope/name." })
export class JsrPackageType extends PackageInterface {
  @Field(() => String, { description: "@scope/name" })
  fullName!: string;

  @Field(() => Boolean)
  isArchived!: boolean;

  @Field(() => GraphQLJSON, { description: "Which runtimes the package says it works on." })
  runtimeCompat!: unknown;

  @Field(() => String, { nullable: true, description: "owner/name of the source repository." })
  githubRepository!: string | null;

  // Resolved by JsrPackageResolver.
  scope!: string;
}

export const JsrPackageConnection = ConnectionType(JsrPackageType, "JsrPackage");

/** A jsr package row as the GraphQL node, an instance of its class (see atomPackageNode). */
export function jsrPackageNode(pkg: Package): JsrPackageType {
  return Object.assign(new JsrPackageType(), {
    id: `jsr:@${pkg.scope}/${pkg.name}`,
    ecosystem: Ecosystem.JSR,
    name: pkg.name,
    description: pkg.description,
    createdAt: pkg.createdAt,
    updatedAt: pkg.updatedAt,
    fullName: `@${pkg.scope}/${pkg.name}`,
    isArchived: pkg.isArchived,
    runtimeCompat: pkg.runtimeCompat,
    githubRepository: pkg.githubRepository,
    scope: pkg.scope,
  });
}
