import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import * as members from "../../services/accounts/scope-members";
import type { GraphQLContext } from "../infra/context";
import { uuidArgument } from "../infra/ids";
import { ScopeType } from "../scope/type";
import { scopeNamed } from "../scope/scope-named";
import { ScopeMemberType } from "./type";

@Resolver(() => ScopeMemberType)
export class ScopeMemberResolver {
  @FieldResolver(() => ScopeType)
  scope(@Root() member: ScopeMemberType, @Ctx() ctx: GraphQLContext): ScopeType | Promise<ScopeType> {
    return scopeNamed(ctx, member.scope);
  }

  @Mutation(() => ScopeMemberType, { description: "Scope admins: makes a member an admin, or not." })
  updateScopeMember(
    @Arg("scope", () => String) scope: string,
    @Arg("userId", () => ID) userId: string,
    @Arg("isAdmin", () => Boolean) isAdmin: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ScopeMemberType> {
    return members.updateMember(ctx, scope, uuidArgument("userId", userId), isAdmin);
  }

  @Mutation(() => Boolean, { description: "Scope admins remove a member; any member may remove themself." })
  async removeScopeMember(
    @Arg("scope", () => String) scope: string,
    @Arg("userId", () => ID) userId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    await members.removeMember(ctx, scope, uuidArgument("userId", userId));
    return true;
  }
}
