import { Field, Int, ObjectType } from "type-graphql";
import { PackageInterface } from "./package";

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

  @Field(() => [PackageInterface], { description: "The newest packages of either ecosystem." })
  newest!: PackageInterface[];

  @Field(() => [PackageInterface], { description: "The most recently updated packages of either ecosystem." })
  updated!: PackageInterface[];

  @Field(() => [PackageInterface], { description: "The jsr packages staff feature, most recently featured first." })
  featured!: PackageInterface[];
}
