import { Field, Int, ObjectType } from "type-graphql";

@ObjectType("RegistryStats", { description: "How much the registry holds." })
export class RegistryStatsType {
  @Field(() => Int)
  userCount!: number;

  @Field(() => Int)
  scopeCount!: number;

  @Field(() => Int, { description: "Packages of every ecosystem." })
  packageCount!: number;
}
