import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { answerAuthorization, getPendingAuthorization } from "../../services/authorizations";
import { storedPermissions } from "../../services/permissions";
import type { GraphQLContext } from "../context";
import { LOOKUP_COST } from "../cost";
import { DeviceAuthorizationType } from "../types/authorization";
import { orNull } from "./not-found";

@Resolver()
export class AuthorizationResolver {
  @Query(() => DeviceAuthorizationType, {
    nullable: true,
    complexity: LOOKUP_COST,
    description: "A pending device authorization, by its code; null once answered or expired.",
  })
  async authorization(@Arg("code", () => String) code: string, @Ctx() ctx: GraphQLContext): Promise<DeviceAuthorizationType | null> {
    const authorization = await orNull(getPendingAuthorization(ctx, code));
    return authorization && { ...authorization, permissions: storedPermissions(authorization.permissions) };
  }

  @Mutation(() => Boolean, { description: "Approves a device authorization (the code `deno publish` shows)." })
  async approveAuthorization(@Arg("code", () => String) code: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await answerAuthorization(ctx, code, true);
    return true;
  }

  @Mutation(() => Boolean, { description: "Denies a device authorization." })
  async denyAuthorization(@Arg("code", () => String) code: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await answerAuthorization(ctx, code, false);
    return true;
  }
}
