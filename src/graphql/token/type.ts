import { Field, ID, InputType, ObjectType } from "type-graphql";
import { ConnectionType } from "../infra/connection";

@ObjectType("TokenPermission", {
  description: 'What a limited token may do (jsr\'s permissions): publish to a scope, to a package of it, or one version of that package, with the tarball\'s hash ("sha256-<hex>").',
})
// One class for both directions: a permission is given in the same shape it is read back in.
@InputType("TokenPermissionInput", { description: "A permission, in one of jsr's shapes: scope; scope and package; or scope, package, version and tarballHash." })
export class TokenPermissionType {
  @Field(() => String, { description: 'Always "package/publish".' })
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

@ObjectType("Token", { description: "A personal access token. The secret is never shown again after it is made." })
export class TokenType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  description!: string;

  @Field(() => String, { description: '"personal" or "device" (made by the device flow).' })
  kind!: string;

  @Field(() => Date, { nullable: true })
  expiresAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;
}

export const TokenConnection = ConnectionType(TokenType, "Token");

@ObjectType({ description: "A token just made, with its secret: shown this once." })
export class CreateTokenPayload {
  @Field(() => TokenType)
  token!: TokenType;

  @Field(() => String, { description: "The secret; Wharf keeps only its hash." })
  secret!: string;
}
