import { Field, ObjectType } from "type-graphql";
import { UserType } from "../user/type";

@ObjectType({ description: "A sign-in just made: the session cookie is set on the response." })
export class SignInPayload {
  @Field(() => UserType)
  user!: UserType;

  @Field(() => Date, { description: "When the session ends unless the user signs out first." })
  expiresAt!: Date;
}

@ObjectType({ description: "Single sign-on with an OpenID provider." })
export class SingleSignOnType {
  @Field(() => String, { description: 'What to call the provider: "Sign in with <name>".' })
  name!: string;

  @Field(() => String, { description: "Where a browser goes to sign in (add ?next=/path to come back there)." })
  startUrl!: string;
}

@ObjectType({ description: "The ways to sign in to this Wharf." })
export class SignInOptionsType {
  @Field(() => Boolean, { description: "Sign-in with a login and password (signIn)." })
  password!: boolean;

  @Field(() => SingleSignOnType, { nullable: true, description: "Single sign-on, when configured." })
  singleSignOn!: SingleSignOnType | null;
}
