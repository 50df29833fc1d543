import { Field, Int, ObjectType } from "type-graphql";
import { fixedListComplexity } from "../infra/cost";
import { PackageInterface } from "../package/type";

/** How many packages each of stats' lists holds. */
export const STATS_SIZE = 10;

@ObjectType("RegistryStats", { description: "How much the registry holds, and its front page." })
export class RegistryStatsType {
  @Field(() => Int)
  userCount!: number;

  @Field(() => Int)
  scopeCount!: number;

  @Field(() => Int, { description: "Packages of every ecosystem." })
  packageCount!: number;

  @Field(() => Int)
  jsrPackageCount!: number;

  @Field(() => Int)
  atomPackageCount!: number;

  @Field(() => [PackageInterface], { complexity: fixedListComplexity(STATS_SIZE), description: "The newest packages of either ecosystem." })
  newest!: PackageInterface[];

  @Field(() => [PackageInterface], { complexity: fixedListComplexity(STATS_SIZE), description: "The most recently updated packages of either ecosystem." })
  updated!: PackageInterface[];

  @Field(() => [PackageInterface], { complexity: fixedListComplexity(STATS_SIZE), description: "The jsr packages staff feature, most recently featured first." })
  featured!: PackageInterface[];
}
