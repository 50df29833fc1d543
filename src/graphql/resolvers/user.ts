import { Arg, Ctx, Field, InputType, Mutation, Query, Resolver } from "type-graphql";
import * as tokens from "../../services/tokens";
import { createUser, getUserByLogin } from "../../services/users";
import type { GraphQLContext } from "../context";
import { CreateTokenPayload, CreateUserPayload } from "../types/token";
import { UserType } from "../types/user";
import { orNull } from "./not-found";

@InputType()
class CreateUserInput {
  @Field(() => String)
  login!: string;

  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  isStaff?: boolean;
}

@Resolver(() => UserType)
export class UserResolver {
  @Query(() => UserType, { nullable: true, description: "The user making the request, if any." })
  viewer(@Ctx() ctx: GraphQLContext): UserType | null {
    return ctx.actor ?? null;
  }

  @Query(() => UserType, { nullable: true })
  user(@Arg("login", () => String) login: string, @Ctx() ctx: GraphQLContext): Promise<UserType | null> {
    return orNull(getUserByLogin(ctx.db, login));
  }

  @Mutation(() => CreateUserPayload, { description: "Staff only: adds a user and gives them a first token." })
  async createUser(@Arg("input", () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: GraphQLContext): Promise<CreateUserPayload> {
    const { user, secret } = await createUser(ctx, input);
    return { user, token: secret };
  }

  @Mutation(() => CreateTokenPayload, { description: "Makes a token for the caller." })
  createToken(
    @Arg("description", () => String, { defaultValue: "" }) description: string,
    @Arg("expiresAt", () => Date, { nullable: true }) expiresAt: Date | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CreateTokenPayload> {
    return tokens.createOwnToken(ctx, { description, expiresAt });
  }
}
