import { Field, ObjectType } from "type-graphql";

@ObjectType("EditorRelease", { description: "An editor release offered by /atom/api/updates." })
export class EditorReleaseType {
  @Field(() => String, { description: "The version." }) name!: string;
  @Field(() => String) notes!: string;
  @Field(() => String) url!: string;
  @Field(() => Date) pubDate!: Date;
}
