// GraphQL at /graphql: Apollo Server, with Apollo Sandbox as the landing page for browsers.
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type RequestHandler } from "express";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { WharfError } from "../errors";
import { requestContext } from "../http/actor";
import type { AppDeps } from "../http/app";
import type { GraphQLContext } from "./context";
import { queryLimits } from "./limits";
import { buildWharfSchema } from "./schema";

export async function graphqlHandler(deps: AppDeps): Promise<{ handler: RequestHandler[]; stop(): Promise<void> }> {
  const schema = await buildWharfSchema();
  const server = new ApolloServer<GraphQLContext>({
    schema,
    introspection: deps.config.graphqlIntrospection,
    // Wharf's own SIGTERM/SIGINT handling stops Apollo along with everything else.
    stopOnTerminationSignals: false,
    // Stack traces are for the log, not for clients.
    includeStacktraceInErrorResponses: false,
    plugins: [
      queryLimits(schema),
      deps.config.graphqlIntrospection
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true })
        : ApolloServerPluginLandingPageDisabled(),
    ],
    formatError: (formatted, error) => formatError(formatted, error, deps),
  });
  await server.start();
  const middleware = expressMiddleware(server, {
    context: async ({ req }) => {
      try {
        return await requestContext(deps, req.headers);
      } catch (err) {
        if (err instanceof WharfError) throw asGraphQLError(err);
        throw err;
      }
    },
  });
  return { handler: [express.json({ limit: "1mb" }), middleware], stop: () => server.stop() };
}

function asGraphQLError(err: WharfError): GraphQLError {
  return new GraphQLError(err.message, { extensions: { code: err.code, http: { status: err.status } } });
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
