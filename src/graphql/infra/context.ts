import type { SessionControl } from "../../http/session-context";
import type { ServiceContext } from "../../services/shared/context";

/** A GraphQL request's context: the services' context, and what the limits need to know of the request. */
export interface GraphQLContext extends ServiceContext {
  /** Whose budget the request's cost is claimed from (client-budget.ts): the token's user, else the remote address. */
  client: string;
  /** Runs `fn` once the response has been sent (or the request failed): limits.ts gives the claimed budget back then. */
  whenDone(fn: () => void): void;
  /** Set once the query's time is up (time-limit.ts): resolvers that may load something no longer start (plain-fields.ts). */
  timedOut: boolean;
  /** The request's session cookie, for signing in and out (graphql/session). */
  session: SessionControl;
}
