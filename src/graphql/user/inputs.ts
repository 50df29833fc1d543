import { Field, InputType } from "type-graphql";

@InputType()
export class CreateUserInput {
  @Field(() => String)
  login!: string;

  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  isStaff?: boolean;

  @Field(() => String, { nullable: true, description: "A password to sign in with (8 to 1024 characters); without one, the user signs in with tokens only until one is set." })
  password?: string;
}
