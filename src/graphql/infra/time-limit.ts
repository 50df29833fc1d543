// A time limit on running a query. Queries over the cost limit never start
// (limits.ts), so one that runs out of time was a fair request the server was
// too slow for (overloaded, a slow database): the answer is 503 queryTimeout
// with Retry-After, not a client error. Once the time is up no resolver
// starts any more; those already waiting on the database finish, then the
// answer goes out. Mutations are left to finish: answering a failure for a
// list of mutations of which some were done would be a lie.
import type { ApolloServerPlugin } from "@apollo/server";
import { ERRORS } from "../../errors";
import type { Logger } from "../../logger";
import type { GraphQLContext } from "./context";

/** Seconds a client whose query ran out of time is told to wait. */
const RETRY_AFTER_SECONDS = 5;

export function queryTimeLimit(milliseconds: number, log: Logger): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      let timer: NodeJS.Timeout | undefined;
      let timedOut = false;
      return {
        async executionDidStart({ operation, operationName, contextValue }) {
          if (operation.operation !== "query") return;
          timer = setTimeout(() => {
            timedOut = true;
            // Read by every resolver before it starts (plain-fields.ts): cheaper than a willResolveField hook, which
            // Apollo runs for every field, property reads included.
            contextValue.timedOut = true;
            log.warn("graphql query ran out of time", { operationName, milliseconds });
          }, milliseconds);
          return {
            // A query that finished in time is answered as it is, however late the response goes out.
            async executionDidEnd() {
              clearTimeout(timer);
            },
          };
        },
        async willSendResponse({ response }) {
          clearTimeout(timer);
          if (!timedOut) return;
          // One error for the whole query rather than one per field that did not start, and no partial data.
          const { message, status } = ERRORS.queryTimeout;
          response.body = { kind: "single", singleResult: { errors: [{ message, extensions: { code: "queryTimeout", status } }] } };
          response.http.status = status;
          response.http.headers.set("retry-after", String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
