import { Field, ObjectType } from "type-graphql";
import { UserType } from "./user";

@ObjectType("Scope", { description: "A jsr scope: the @name packages are published under." })
export class ScopeType {
  @Field(() => String, { description: "The scope's name, without the @." })
  scope!: string;

  @Field(() => String)
  description!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType("ScopeMember", { description: "A user's membership of a scope." })
export class ScopeMemberType {
  @Field(() => UserType)
  user!: UserType;

  @Field(() => Boolean)
  isAdmin!: boolean;

  @Field(() => Date)
  createdAt!: Date;
}
