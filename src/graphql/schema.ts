import "reflect-metadata";
import { buildSchema } from "type-graphql";
import type { GraphQLSchema } from "graphql";
import { ScopeResolver } from "./resolvers/scope";
import { UserResolver } from "./resolvers/user";

export function buildWharfSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: [UserResolver, ScopeResolver], validate: false });
}
