// The scope a member, invite or package belongs to, through the request's loader: a scope is never deleted while
// it has any of them (the database's foreign keys), so it is always there. At once when a list loaded it ahead.
import type { GraphQLContext } from "../infra/context";
import type { ScopeType } from "./type";

export function scopeNamed(ctx: GraphQLContext, name: string): ScopeType | Promise<ScopeType> {
  return ctx.loaders.scopeByName.loadNow(name) as ScopeType | Promise<ScopeType>;
}
