// How Apollo runs an operation. A query seen again runs compiled by graphql-jit: the document is turned once into
// plain JavaScript for this schema, which then runs without graphql-js's per-field work (argument values, the
// resolve info, completing each value by its type). A 100-node page used a quarter less CPU (the jsr page) and a
// sixth less (the Atom page). A document runs through graphql-js the first `compileAfter` times (1 by default):
// one-off documents (a person trying things in Apollo Sandbox, a client sending ever new ones) cost no compiling,
// and only documents in use are kept.
// Mutations always run through graphql-js, which runs their fields one after another as the spec says.
//
// Apollo takes a custom executor through its gateway interface: the schema is Wharf's own, and Apollo still parses,
// validates, runs the plugins (limits.ts, time-limit.ts) and formats errors as it does without one.
import type { ApolloServerOptionsWithGateway } from "@apollo/server";
import { execute, getVariableValues, GraphQLError, printSchema, type ExecutionResult, type GraphQLSchema } from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";
import { LRUCache } from "lru-cache";
import type { Metrics } from "../../http/metrics";
import type { GraphQLContext } from "./context";

type Gateway = NonNullable<ApolloServerOptionsWithGateway<GraphQLContext>["gateway"]>;
type Executor = NonNullable<Awaited<ReturnType<Gateway["load"]>>["executor"]>;

/** Operations kept compiled: the UI sends a few dozen documents; each compiled one holds its generated code. */
const COMPILED_OPERATIONS = 200;
/** Documents counted until they are compiled. */
const SEEN_OPERATIONS = 5_000;

/** An executor for Apollo that runs queries it has seen before compiled, each compiled once. */
export function compiledExecutor(schema: GraphQLSchema, compileAfter: number, metrics: Pick<Metrics, "graphqlOperation">): Gateway {
  // { failed }: graphql-jit could not compile it, and graphql-js runs it every time.
  const compiled = new LRUCache<string, CompiledQuery | { failed: true }>({ max: COMPILED_OPERATIONS });
  const runs = new LRUCache<string, number>({ max: SEEN_OPERATIONS });

  /** The operation compiled, once it has run `compileAfter` times, if graphql-jit can compile it. */
  function compiledFor(key: string, compile: () => CompiledQuery | ExecutionResult): CompiledQuery | undefined {
    const known = compiled.get(key);
    if (known) return "failed" in known ? undefined : known;
    const ran = runs.get(key) ?? 0;
    if (ran < compileAfter) {
      runs.set(key, ran + 1);
      return undefined;
    }
    runs.delete(key);
    const made = compiledOrNot(compile);
    compiled.set(key, made ?? { failed: true });
    return made;
  }

  const executor: Executor = async (request) => {
    const { document, operationName, operation, queryHash } = request;
    const variableValues = request.request.variables;
    const contextValue = request.context as GraphQLContext;
    const query =
      operation.operation === "query"
        ? compiledFor(`${queryHash}:${operationName ?? ""}`, () => compileQuery(schema, document, operationName ?? undefined))
        : undefined;
    metrics.graphqlOperation(query ? "compiled" : "graphql-js");
    if (!query) return execute({ schema, document, contextValue, variableValues, operationName });
    // Variables are checked as graphql-js checks them, for the same errors (Apollo answers them 400 BAD_USER_INPUT).
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variableValues ?? {});
    if (coerced.errors) return { errors: coerced.errors };
    const result = await query.query(undefined, contextValue, variableValues);
    return result.errors ? { ...result, errors: result.errors.map(asGraphqlJsError) } : result;
  };

  return {
    async load() {
      return { executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    async stop() {},
  };
}

/** What graphql-jit made of an operation, or undefined if it answered errors or threw instead. */
function compiledOrNot(compile: () => CompiledQuery | ExecutionResult): CompiledQuery | undefined {
  try {
    const made = compile();
    return isCompiledQuery(made) ? made : undefined;
  } catch {
    return undefined;
  }
}

/**
 * graphql-jit's errors are its own kind, without the extensions graphql-js always gives (Apollo read their code and
 * failed, answering an internal error for every error a resolver threw). Each becomes the error graphql-js would
 * have made of the same failure.
 */
function asGraphqlJsError(error: GraphQLError): GraphQLError {
  const converted = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions,
  });
  // graphql-js finds locations from the nodes, which graphql-jit keeps only as locations.
  (converted as { locations?: GraphQLError["locations"] }).locations = error.locations;
  return converted;
}
