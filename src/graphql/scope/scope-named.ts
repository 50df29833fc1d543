// The scope a member, invite or package belongs to, through the request's loader: a scope is never deleted while
// it has any of them (the database's foreign keys), so it is always there.
import type { GraphQLContext } from "../infra/context";
import type { ScopeType } from "./type";

export async function scopeNamed(ctx: GraphQLContext, name: string): Promise<ScopeType> {
  return (await ctx.loaders.scopeByName.load(name))!;
}
