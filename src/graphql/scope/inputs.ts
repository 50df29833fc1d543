import { Field, InputType, Int } from "type-graphql";

@InputType()
export class CreateScopeInput {
  @Field(() => String, { description: "The name, without the @: 2 to 20 of a-z, 0-9 and inner hyphens." })
  scope!: string;

  @Field(() => String, { nullable: true })
  description?: string;
}

@InputType({ description: "The settings to change; those left out stay as they are." })
export class UpdateScopeInput {
  @Field(() => String, { nullable: true })
  description?: string;

  @Field(() => Boolean, { nullable: true })
  requirePublishingFromCI?: boolean;
}

@InputType({ description: "A scope's limits (staff only); those left out stay as they are." })
export class ScopeLimitsInput {
  @Field(() => Int, { nullable: true }) packageLimit?: number;
  @Field(() => Int, { nullable: true }) newPackagePerWeekLimit?: number;
  @Field(() => Int, { nullable: true }) publishAttemptsPerWeekLimit?: number;
}
