import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { Token } from "../../generated/prisma/client";
import { storedPermissions } from "../../services/shared/permissions";
import * as tokens from "../../services/accounts/tokens";
import type { GraphQLContext } from "../infra/context";
import { uuidArgument } from "../infra/ids";
import { CreateTokenPayload, TokenPermissionType, TokenType } from "./type";

/** GraphQL gives absent optional fields as null; a permission's shape is told by the fields it has. */
function withoutNulls(input: TokenPermissionType): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined));
}

@Resolver(() => TokenType)
export class TokenResolver {
  @FieldResolver(() => [TokenPermissionType], { nullable: true, description: "What the token is limited to; null: anything its user may do." })
  permissions(@Root() token: Token): TokenPermissionType[] | null {
    return storedPermissions(token.permissions);
  }

  @Mutation(() => CreateTokenPayload, { description: "Makes a token for the caller; with permissions (exactly one), limited to them." })
  createToken(
    @Arg("description", () => String, { defaultValue: "" }) description: string,
    @Arg("expiresAt", () => Date, { nullable: true }) expiresAt: Date | null,
    @Arg("permissions", () => [TokenPermissionType], { nullable: true }) permissions: TokenPermissionType[] | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CreateTokenPayload> {
    return tokens.createOwnToken(ctx, { description, expiresAt, permissions: permissions?.map(withoutNulls) });
  }

  @Mutation(() => Boolean, { description: "Revokes one of the caller's tokens." })
  async revokeToken(@Arg("id", () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await tokens.revokeOwnToken(ctx, uuidArgument("id", id));
    return true;
  }
}
