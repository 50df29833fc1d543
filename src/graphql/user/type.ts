import { Field, ID, ObjectType } from "type-graphql";
import { ConnectionType } from "../infra/connection";

@ObjectType("User", { description: "A Wharf account." })
export class UserType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "The unique login; jsr's githubLogin." })
  login!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  avatarUrl!: string;

  @Field(() => Boolean)
  isStaff!: boolean;

  @Field(() => Boolean)
  isBlocked!: boolean;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

export const UserConnection = ConnectionType(UserType, "User");

@ObjectType()
export class CreateUserPayload {
  @Field(() => UserType)
  user!: UserType;

  @Field(() => String, { description: "A first token for the new user; shown this once." })
  token!: string;
}
