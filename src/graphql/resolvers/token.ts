import { FieldResolver, Resolver, Root } from "type-graphql";
import type { Token } from "../../generated/prisma/client";
import { storedPermissions } from "../../services/shared/permissions";
import { TokenPermissionType, TokenType } from "../types/token";

@Resolver(() => TokenType)
export class TokenResolver {
  @FieldResolver(() => [TokenPermissionType], { nullable: true, description: "What the token is limited to; null: anything its user may do." })
  permissions(@Root() token: Token): TokenPermissionType[] | null {
    return storedPermissions(token.permissions);
  }
}
