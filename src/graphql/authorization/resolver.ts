import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { answerAuthorization, getPendingAuthorization } from "../../services/accounts/authorizations";
import { storedPermissions } from "../../services/shared/permissions";
import type { GraphQLContext } from "../infra/context";
import { LOOKUP_COST } from "../infra/cost";
import { orNull } from "../infra/not-found";
import { DeviceAuthorizationType } from "./type";

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
