import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { User } from "../../generated/prisma/client";
import { atomPackagesOwnedBy } from "../../services/atom/packages";
import { starredBy } from "../../services/atom/stars";
import { listUserInvites } from "../../services/accounts/scope-members";
import { canSeePrivateUserFields, requireUser } from "../../services/shared/policies";
import { listUserScopes } from "../../services/accounts/scopes";
import * as tokens from "../../services/accounts/tokens";
import { createUser, getUserByLogin, setUserBlocked } from "../../services/accounts/users";
import { connectionOver, listComplexity, PageArgs, type Connection } from "../infra/connection";
import type { GraphQLContext } from "../infra/context";
import { LOOKUP_COST, plus, STATEMENT_COST } from "../infra/cost";
import { ScopeConnection } from "../scope/type";
import { ScopeInviteType } from "../scope-invite/type";
import { TokenConnection } from "../token/type";
import { CreateUserInput } from "./inputs";
import { CreateUserPayload, UserType } from "./type";
import { AtomPackageConnection, atomPackageNode } from "../atom-package/type";
import { orNull } from "../infra/not-found";

@Resolver(() => UserType)
export class UserResolver {
  @Query(() => UserType, { nullable: true, complexity: 1, description: "The user making the request, if any; a token limited to publishing may not ask." })
  viewer(@Ctx() ctx: GraphQLContext): UserType | null {
    return ctx.actor ? requireUser(ctx) : null;
  }

  @Query(() => UserType, { nullable: true, complexity: LOOKUP_COST })
  user(@Arg("login", () => String) login: string, @Ctx() ctx: GraphQLContext): Promise<UserType | null> {
    return orNull(getUserByLogin(ctx.db, login));
  }

  @FieldResolver(() => String, { nullable: true, description: "Shown only to the user themself and to staff." })
  email(@Root() user: User, @Ctx() ctx: GraphQLContext): string | null {
    return canSeePrivateUserFields(ctx, user) ? user.email : null;
  }

  @FieldResolver(() => ScopeConnection, { complexity: listComplexity, description: "The scopes the user is a member of." })
  async scopes(@Root() user: User, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: GraphQLContext): Promise<Connection<unknown>> {
    return connectionOver(await listUserScopes(ctx, user.id), page);
  }

  @FieldResolver(() => TokenConnection, { nullable: true, complexity: listComplexity, description: "The user's tokens; only they and staff may see them." })
  async tokens(@Root() user: User, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: GraphQLContext): Promise<Connection<unknown>> {
    return connectionOver(await tokens.listUserTokens(ctx, user.id), page);
  }

  @FieldResolver(() => [ScopeInviteType], { nullable: true, description: "Invites the user has received; only they and staff may see them." })
  invites(@Root() user: User, @Ctx() ctx: GraphQLContext): Promise<ScopeInviteType[]> {
    return listUserInvites(ctx, user.id);
  }

  @FieldResolver(() => AtomPackageConnection, { complexity: plus(STATEMENT_COST, listComplexity), description: "The Atom packages the user owns, by name." })
  async atomPackages(@Root() user: User, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: GraphQLContext): Promise<Connection<unknown>> {
    return connectionOver((await atomPackagesOwnedBy(ctx.db, user.id)).map(atomPackageNode), page);
  }

  @FieldResolver(() => AtomPackageConnection, {
    complexity: plus(STATEMENT_COST, listComplexity),
    description: "The Atom packages the user starred, most recent first.",
  })
  async starredPackages(@Root() user: User, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: GraphQLContext): Promise<Connection<unknown>> {
    return connectionOver((await starredBy(ctx.db, user.id)).map(atomPackageNode), page);
  }

  @Mutation(() => CreateUserPayload, { description: "Staff only: adds a user and gives them a first token." })
  async createUser(@Arg("input", () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: GraphQLContext): Promise<CreateUserPayload> {
    const { user, secret } = await createUser(ctx, input);
    return { user, token: secret };
  }

  @Mutation(() => UserType, { description: "Staff only: blocks or unblocks a user; a blocked user's tokens stop working." })
  setUserBlocked(
    @Arg("login", () => String) login: string,
    @Arg("isBlocked", () => Boolean) isBlocked: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<UserType> {
    return setUserBlocked(ctx, login, isBlocked);
  }


}
