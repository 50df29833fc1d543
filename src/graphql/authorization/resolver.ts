import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { answerAuthorization } from "../../services/accounts/authorizations";
import type { GraphQLContext } from "../infra/context";

@Resolver()
export class AuthorizationResolver {
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
