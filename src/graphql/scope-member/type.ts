import { Field, ObjectType } from "type-graphql";
import { ConnectionType } from "../infra/connection";
import { UserType } from "../user/type";

@ObjectType("ScopeMember", { description: "A user's membership of a scope." })
export class ScopeMemberType {
  @Field(() => UserType)
  user!: UserType;

  @Field(() => Boolean)
  isAdmin!: boolean;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  // Resolved by ScopeMemberResolver.
  scope!: string;
}

export const ScopeMemberConnection = ConnectionType(ScopeMemberType, "ScopeMember");
