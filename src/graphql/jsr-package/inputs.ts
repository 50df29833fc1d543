import { Field, InputType } from "type-graphql";

@InputType({ description: "The settings to change; those left out stay as they are." })
export class UpdatePackageInput {
  @Field(() => String, { nullable: true })
  description?: string;

  @Field(() => Boolean, { nullable: true })
  isArchived?: boolean;

  @Field(() => Boolean, { nullable: true, description: "Staff only." })
  isFeatured?: boolean;
}
