import { Field, Int, ObjectType } from "type-graphql";
import { ConnectionType } from "../infra/connection";

@ObjectType("Scope", { description: "A jsr scope: the @name packages are published under." })
export class ScopeType {
  @Field(() => String, { description: "The scope's name, without the @." })
  scope!: string;

  @Field(() => String)
  description!: string;

  @Field(() => Boolean, { description: "Whether every publish must come from CI." })
  requirePublishingFromCI!: boolean;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType("ScopeQuotas", { description: "What a scope may use and has used; shown to its admins." })
export class ScopeQuotasType {
  @Field(() => Int) packageUsage!: number;
  @Field(() => Int) packageLimit!: number;
  @Field(() => Int) newPackagePerWeekUsage!: number;
  @Field(() => Int) newPackagePerWeekLimit!: number;
  @Field(() => Int) publishAttemptsPerWeekUsage!: number;
  @Field(() => Int) publishAttemptsPerWeekLimit!: number;
}

export const ScopeConnection = ConnectionType(ScopeType, "Scope");
