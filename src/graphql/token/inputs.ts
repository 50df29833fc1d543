import { Field, InputType } from "type-graphql";

@InputType({ description: "A permission, in one of jsr's shapes: scope; scope and package; or scope, package, version and tarballHash." })
export class TokenPermissionInput {
  @Field(() => String)
  permission!: string;

  @Field(() => String)
  scope!: string;

  @Field(() => String, { nullable: true })
  package?: string;

  @Field(() => String, { nullable: true })
  version?: string;

  @Field(() => String, { nullable: true })
  tarballHash?: string;
}
