import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Scope } from "../../generated/prisma/client";
import { canActInScope, canAdministerScope } from "../../services/shared/policies";
import { listMembers, listScopeInvites } from "../../services/accounts/scope-members";
import * as scopes from "../../services/accounts/scopes";
import { connectionOver, listComplexity, PageArgs, type Connection } from "../infra/connection";
import type { GraphQLContext } from "../infra/context";
import { LOOKUP_COST, STATEMENT_COST } from "../infra/cost";
import { JsrPackageConnection, jsrPackageNode } from "../jsr-package/type";
import { ScopeInviteType } from "../scope-invite/type";
import { ScopeMemberConnection } from "../scope-member/type";
import { CreateScopeInput, ScopeLimitsInput, UpdateScopeInput } from "./inputs";
import { ScopeQuotasType, ScopeType } from "./type";
import { UserType } from "../user/type";
import { orNull } from "../infra/not-found";

@Resolver(() => ScopeType)
export class ScopeResolver {
  @Query(() => ScopeType, { nullable: true, complexity: LOOKUP_COST })
  scope(@Arg("name", () => String) name: string, @Ctx() ctx: GraphQLContext): Promise<ScopeType | null> {
    return orNull(scopes.getScope(ctx.db, name));
  }

  @FieldResolver(() => UserType)
  creator(@Root() scope: Scope, @Ctx() ctx: GraphQLContext): UserType | Promise<UserType> {
    // A scope's creator is never deleted while the scope is there (the database's foreign key).
    return ctx.loaders.userById.loadNow(scope.creatorId) as UserType | Promise<UserType>;
  }

  @FieldResolver(() => ScopeMemberConnection, { complexity: listComplexity })
  async members(@Root() scope: Scope, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: GraphQLContext): Promise<Connection<unknown>> {
    return connectionOver(await listMembers(ctx, scope.scope), page);
  }

  @FieldResolver(() => JsrPackageConnection, { complexity: listComplexity, description: "The scope's packages, by name." })
  async packages(@Root() scope: Scope, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: GraphQLContext): Promise<Connection<unknown>> {
    return connectionOver((await ctx.loaders.jsrPackagesByScope.load(scope.scope)).map(jsrPackageNode), page);
  }

  @FieldResolver(() => [ScopeInviteType], { nullable: true, description: "Pending invites; only the scope's admins may see them." })
  invites(@Root() scope: Scope, @Ctx() ctx: GraphQLContext): Promise<ScopeInviteType[]> {
    return listScopeInvites(ctx, scope.scope);
  }

  @FieldResolver(() => ScopeQuotasType, { nullable: true, complexity: 3 * STATEMENT_COST, description: "Only the scope's admins may see them." })
  async quotas(@Root() scope: Scope, @Ctx() ctx: GraphQLContext): Promise<ScopeQuotasType> {
    return scopes.viewScopeQuotas(ctx, scope);
  }

  @FieldResolver(() => Boolean, { description: "Whether the caller is a member (or staff): they may yank its versions and create packages in it." })
  viewerIsMember(@Root() scope: Scope, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return canActInScope(ctx, scope.scope);
  }

  @FieldResolver(() => Boolean)
  viewerIsAdmin(@Root() scope: Scope, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return canAdministerScope(ctx, scope.scope);
  }

  @Mutation(() => ScopeType, { description: "Creates a scope; the caller becomes its admin." })
  async createScope(@Arg("input", () => CreateScopeInput) input: CreateScopeInput, @Ctx() ctx: GraphQLContext): Promise<Scope> {
    return (await scopes.createScope(ctx, input)).scope;
  }

  @Mutation(() => ScopeType, { description: "Scope admins: changes a scope's settings." })
  async updateScope(
    @Arg("scope", () => String) scope: string,
    @Arg("input", () => UpdateScopeInput) input: UpdateScopeInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Scope> {
    return (await scopes.updateScope(ctx, scope, input)).scope;
  }

  @Mutation(() => ScopeType, { description: "Staff only: sets a scope's limits (its quotas)." })
  async setScopeLimits(
    @Arg("scope", () => String) scope: string,
    @Arg("input", () => ScopeLimitsInput) input: ScopeLimitsInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Scope> {
    return (await scopes.setScopeLimits(ctx, scope, { ...input })).scope;
  }

  @Mutation(() => Boolean, { description: "Scope admins: deletes a scope that has no packages." })
  async deleteScope(@Arg("scope", () => String) scope: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await scopes.deleteScope(ctx, scope);
    return true;
  }
}
