import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import * as members from "../../services/accounts/scope-members";
import type { GraphQLContext } from "../infra/context";
import { uuidArgument } from "../infra/ids";
import { ScopeMemberType } from "../scope-member/type";
import { ScopeType } from "../scope/type";
import { scopeNamed } from "../scope/scope-named";
import { ScopeInviteType } from "./type";

@Resolver(() => ScopeInviteType)
export class ScopeInviteResolver {
  @FieldResolver(() => ScopeType)
  scope(@Root() invite: ScopeInviteType, @Ctx() ctx: GraphQLContext): ScopeType | Promise<ScopeType> {
    return scopeNamed(ctx, invite.scope);
  }

  @Mutation(() => ScopeInviteType, { description: "Scope admins: invites a user, by login, to join." })
  inviteScopeMember(
    @Arg("scope", () => String) scope: string,
    @Arg("login", () => String) login: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ScopeInviteType> {
    return members.inviteMember(ctx, scope, { login });
  }

  @Mutation(() => ScopeMemberType, { description: "Accepts the caller's invite to a scope." })
  acceptScopeInvite(@Arg("scope", () => String) scope: string, @Ctx() ctx: GraphQLContext): Promise<ScopeMemberType> {
    return members.acceptInvite(ctx, scope);
  }

  @Mutation(() => Boolean, { description: "Declines the caller's invite to a scope." })
  async declineScopeInvite(@Arg("scope", () => String) scope: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await members.declineInvite(ctx, scope);
    return true;
  }

  @Mutation(() => Boolean, { description: "Scope admins: withdraws an invite." })
  async withdrawScopeInvite(
    @Arg("scope", () => String) scope: string,
    @Arg("userId", () => ID) userId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    await members.withdrawInvite(ctx, scope, uuidArgument("userId", userId));
    return true;
  }
}
