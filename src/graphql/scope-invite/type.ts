import { Field, ObjectType } from "type-graphql";
import { UserType } from "../user/type";

@ObjectType("ScopeInvite", { description: "An invitation to join a scope, waiting for the invited user's answer." })
export class ScopeInviteType {
  @Field(() => UserType)
  targetUser!: UserType;

  @Field(() => UserType)
  requestingUser!: UserType;

  @Field(() => Date)
  createdAt!: Date;

  // Resolved by ScopeInviteResolver.
  scope!: string;
}
