import { Field, Int, ObjectType } from "type-graphql";
import { ConnectionType } from "../connection";
import { UserType } from "./user";

@ObjectType("Scope", { description: "A jsr scope: the @name packages are published under." })
export class ScopeType {
  @Field(() => String, { description: "The scope's name, without the @." })
  scope!: string;

  @Field(() => String)
  description!: string;

  @Field(() => Boolean, { description: "Whether every publish must come from CI." })
  requirePublishingFromCI!: boolean;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType("ScopeQuotas", { description: "What a scope may use and has used; shown to its admins." })
export class ScopeQuotasType {
  @Field(() => Int) packageUsage!: number;
  @Field(() => Int) packageLimit!: number;
  @Field(() => Int) newPackagePerWeekUsage!: number;
  @Field(() => Int) newPackagePerWeekLimit!: number;
  @Field(() => Int) publishAttemptsPerWeekUsage!: number;
  @Field(() => Int) publishAttemptsPerWeekLimit!: number;
}

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

export const ScopeConnection = ConnectionType(ScopeType, "Scope");
export const ScopeMemberConnection = ConnectionType(ScopeMemberType, "ScopeMember");
