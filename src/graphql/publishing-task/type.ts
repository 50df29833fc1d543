import { Field, ObjectType } from "type-graphql";

@ObjectType("PublishingTask")
export class PublishingTaskType {
  @Field(() => String) id!: string;
  @Field(() => String, { description: "pending, processing, processed, success or failure." }) status!: string;
  @Field(() => String, { nullable: true }) errorCode!: string | null;
  @Field(() => String, { nullable: true }) errorMessage!: string | null;
  @Field(() => String) version!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
}
