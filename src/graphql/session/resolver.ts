// Signing in and out of a browser session. The cookie is set and cleared here (a transport's part);
// checking passwords, throttling and sessions are services/accounts'.
import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { SignInThrottled } from "../../services/accounts/sign-in-throttle";
import { changeOwnPassword, signInWithPassword } from "../../services/accounts/sign-in";
import type { GraphQLContext } from "../infra/context";
import { refusal } from "../infra/refusal";
import { SignInOptionsType, SignInPayload } from "./type";

@Resolver()
export class SessionResolver {
  @Query(() => SignInOptionsType, { complexity: 1, description: "How people may sign in here." })
  signInOptions(@Ctx() ctx: GraphQLContext): SignInOptionsType {
    const sso = ctx.config.oidc;
    return { password: true, singleSignOn: sso ? { name: sso.name, startUrl: `${ctx.config.publicUrl}/auth/oidc/start` } : null };
  }

  @Mutation(() => SignInPayload, {
    description: "Signs in with a login and password, setting the session cookie. The tenth wrong password in 15 minutes, for a login or from an address, is refused with tooManySignInAttempts and Retry-After.",
  })
  async signIn(
    @Arg("login", () => String) login: string,
    @Arg("password", () => String) password: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SignInPayload> {
    try {
      const { user, session } = await signInWithPassword(ctx.db, { login, password, address: ctx.session.address });
      await ctx.session.begin(session);
      return { user, expiresAt: session.expiresAt };
    } catch (err) {
      if (err instanceof SignInThrottled) throw refusal(err.code, err.message, { "retry-after": String(err.retryAfterSeconds) });
      throw err;
    }
  }

  @Mutation(() => Boolean, { description: "Ends the request's session and clears its cookie; true even when there was none." })
  async signOut(@Ctx() ctx: GraphQLContext): Promise<boolean> {
    await ctx.session.end();
    return true;
  }

  @Mutation(() => Boolean, {
    description: "Changes the caller's password (giving the current one, if they have one); their other sessions end.",
  })
  async changePassword(
    @Arg("currentPassword", () => String, { nullable: true }) currentPassword: string | null,
    @Arg("newPassword", () => String) newPassword: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    try {
      await changeOwnPassword(ctx, { currentPassword, newPassword, keepSession: ctx.session.secret });
    } catch (err) {
      if (err instanceof SignInThrottled) throw refusal(err.code, err.message, { "retry-after": String(err.retryAfterSeconds) });
      throw err;
    }
    return true;
  }
}
