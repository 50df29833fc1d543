import { Field, ID, ObjectType } from "type-graphql";
import { ConnectionType } from "../connection";
import { UserType } from "./user";

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

@ObjectType()
export class CreateUserPayload {
  @Field(() => UserType)
  user!: UserType;

  @Field(() => String, { description: "A first token for the new user; shown this once." })
  token!: string;
}
