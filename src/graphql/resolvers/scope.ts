import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { getScope } from "../../services/scopes";
import { listMembers } from "../../services/scope-members";
import type { GraphQLContext } from "../context";
import { ScopeMemberType, ScopeType } from "../types/scope";
import { orNull } from "./not-found";

@Resolver(() => ScopeType)
export class ScopeResolver {
  @Query(() => ScopeType, { nullable: true })
  scope(@Arg("name", () => String) name: string, @Ctx() ctx: GraphQLContext): Promise<ScopeType | null> {
    return orNull(getScope(ctx.db, name));
  }

  @FieldResolver(() => [ScopeMemberType])
  members(@Root() scope: ScopeType, @Ctx() ctx: GraphQLContext): Promise<ScopeMemberType[]> {
    return listMembers(ctx, scope.scope);
  }
}
