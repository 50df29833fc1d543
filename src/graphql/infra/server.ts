// GraphQL at /graphql: Apollo Server, with Apollo Sandbox as the landing page for browsers.
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type Request, type RequestHandler } from "express";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { WharfError } from "../../errors";
import { graphqlRequestContext } from "../../http/session-context";
import type { AppDeps } from "../../http/app";
import type { GraphQLContext } from "./context";
import { graphqlEdge, MAX_TOKENS } from "./edge";
import { queryLimits } from "./limits";
import { refusal } from "./refusal";
import { buildWharfSchema } from "../schema";
import { tuneResolvers } from "./plain-fields";
import { compiledExecutor } from "./compiled-executor";
import { queryTimeLimit } from "./time-limit";

export async function graphqlHandler(deps: AppDeps): Promise<{ handler: RequestHandler[]; stop(): Promise<void> }> {
  const schema = tuneResolvers(await buildWharfSchema());
  const server = new ApolloServer<GraphQLContext>({
    // Wharf's schema, with queries run compiled once they have run before (compiled-executor.ts).
    gateway: compiledExecutor(schema, deps.config.graphqlCompileAfter, deps.metrics),
    introspection: deps.config.graphqlIntrospection,
    // Wharf's own SIGTERM/SIGINT handling stops Apollo along with everything else.
    stopOnTerminationSignals: false,
    // Stack traces are for the log, not for clients.
    includeStacktraceInErrorResponses: false,
    // edge.ts checks the text of every document; automatic persisted queries would let one run by its hash alone.
    persistedQueries: false,
    // Sessions ride on a cookie: Apollo refuses requests a cross-site form or simple fetch could send (no JSON
    // content type, no preflight header), so another site cannot make a signed-in browser run a mutation.
    csrfPrevention: true,
    // edge.ts refuses longer documents with a catalogue code first; the parser holds to it as well.
    parseOptions: { maxTokens: MAX_TOKENS },
    plugins: [
      // Wharf sets no cache hints; Apollo's default cache-control plugin wrapped every field resolver to look for
      // them (x1.24-1.30 on 100-package pages without it).
      ApolloServerPluginCacheControlDisabled(),
      queryLimits(schema),
      queryTimeLimit(deps.config.graphqlTimeoutMs, deps.log),
      deps.config.graphqlIntrospection
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true })
        : ApolloServerPluginLandingPageDisabled(),
    ],
    formatError: (formatted, error) => formatError(formatted, error, deps),
  });
  await server.start();
  const apollo = expressMiddleware(server, {
    context: async ({ req, res }): Promise<GraphQLContext> => {
      try {
        const context = await graphqlRequestContext(deps, req, res);
        return { ...context, client: clientOf(req, context.actor?.id), timedOut: false, whenDone: (fn) => (res.locals.whenDone as Array<() => void>).push(fn) };
      } catch (err) {
        if (err instanceof WharfError) throw refusal(err.code, err.message);
        throw err;
      }
    },
  });
  // What the request set to run when it is done runs once Apollo has answered, whatever happened.
  const graphql: RequestHandler = async (req, res, next) => {
    const whenDone: Array<() => void> = (res.locals.whenDone = []);
    try {
      await apollo(req, res, next);
    } finally {
      for (const fn of whenDone) fn();
    }
  };
  // Requests are small: a document is at most MAX_DOCUMENT_LENGTH characters (edge.ts), and inputs are short texts.
  return { handler: [express.json({ limit: "256kb" }), graphqlEdge, graphql], stop: () => server.stop() };
}

/** Who a request counts against: its token's user, else its address (req.ip: the remote address, unless Express is told to trust a proxy). */
function clientOf(req: Request, userId: string | undefined): string {
  return userId ? `user:${userId}` : `address:${req.ip ?? req.socket.remoteAddress ?? "unknown"}`;
}

// Errors from the catalogue carry their code; anything unexpected is logged and hidden.
function formatError(formatted: GraphQLFormattedError, error: unknown, deps: AppDeps): GraphQLFormattedError {
  const original = (error as GraphQLError)?.originalError;
  if (original instanceof WharfError) {
    return { ...formatted, message: original.message, extensions: { code: original.code, status: original.status } };
  }
  if (original && !(original instanceof GraphQLError) && formatted.extensions?.code === "INTERNAL_SERVER_ERROR") {
    deps.log.error("graphql resolver failed", { error: String(original.stack ?? original) });
    return { message: "Internal Server Error", path: formatted.path, extensions: { code: "internalServerError", status: 500 } };
  }
  return formatted;
}
