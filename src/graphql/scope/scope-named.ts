// The scope a member, invite or package belongs to, through the request's loader: a scope is never deleted while
// it has any of them (the database's foreign keys), so it is always there. At once when a list loaded it ahead.
import type { GraphQLContext } from "../infra/context";
import type { ScopeType } from "./type";

export function scopeNamed(ctx: GraphQLContext, name: string): ScopeType | Promise<ScopeType> {
  const known = ctx.loaders.answered.scopes;
  if (known.has(name)) return known.get(name)!;
  return ctx.loaders.scopeByName.load(name).then((scope) => scope!);
}
