// Limits on what one operation may ask for, checked once Apollo has parsed
// and validated it and before any resolver runs; every refusal is a 4xx with
// a code from the catalogue. (edge.ts has already refused documents too long,
// too deep or too wide: shape.ts.)
//  - its variables, which must fit their types;
//  - its cost (cost.ts), at most MAX_COMPLEXITY;
//  - what its client already has running (client-budget.ts).
import type { ApolloServerPlugin } from "@apollo/server";
import { getVariableValues, GraphQLError, type DocumentNode, type GraphQLSchema } from "graphql";
import { fieldExtensionsEstimator, getComplexity, simpleEstimator, type ComplexityEstimator } from "graphql-query-complexity";
import { ERRORS } from "../../errors";
import { ClientBudget } from "./client-budget";
import type { GraphQLContext } from "./context";
import { MUTATION_COST } from "./cost";
import { refusal } from "./refusal";
import { MAX_FIELDS } from "./shape";

export const MAX_COMPLEXITY = 20000;
/** What one client's queries may cost in all while they run: one of the dearest and some cheaper ones. */
export const CLIENT_BUDGET = 1.5 * MAX_COMPLEXITY;
/** Seconds a client refused for having too much running is told to wait. */
const RETRY_AFTER_SECONDS = 1;

/** Mutations cost MUTATION_COST unless they declare their own. */
const mutationEstimator =
  (schema: GraphQLSchema): ComplexityEstimator =>
  ({ type, field, childComplexity }) =>
    type === schema.getMutationType() && field.extensions?.complexity === undefined ? MUTATION_COST + childComplexity : undefined;

/** Every root query field runs something: it must say what (cost.ts), or Wharf does not start. */
function requireRootCosts(schema: GraphQLSchema): void {
  const free = Object.values(schema.getQueryType()?.getFields() ?? {}).filter((field) => field.extensions?.complexity === undefined);
  if (free.length > 0) throw new Error(`GraphQL root fields without a cost: ${free.map((f) => f.name).join(", ")}`);
}

/**
 * Refuses operations over the limits before they run, and claims each admitted one's cost from its client's
 * budget until its response is sent.
 */
export function queryLimits(schema: GraphQLSchema): ApolloServerPlugin<GraphQLContext> {
  requireRootCosts(schema);
  const estimators = [fieldExtensionsEstimator(), mutationEstimator(schema), simpleEstimator({ defaultComplexity: 1 })];
  const budget = new ClientBudget(CLIENT_BUDGET);
  /** The cost of each operation of the documents seen, when it runs without variables. */
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, contextValue }) {
          if (!operation) return; // Apollo answers that the operation is missing

          const variables = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 1 });
          if (variables.errors) throw refusal("malformedRequest", `Malformed request: ${variables.errors[0].message}`);

          // Without variables a document's cost is always the same; Apollo hands the same parsed document to every
          // request with the same text (its document store), so it is worked out once.
          const fixed = Object.keys(request.variables ?? {}).length === 0;
          const key = request.operationName ?? "";
          let cost = fixed ? costs.get(document)?.get(key) : undefined;
          if (cost === undefined) {
            try {
              cost = getComplexity({
                schema,
                query: document,
                operationName: request.operationName,
                variables: request.variables,
                estimators,
                // Its walk expands every spread again: it stops (and the query is refused) past this many selections.
                maxQueryNodes: 4 * MAX_FIELDS,
              });
            } catch (err) {
              if (err instanceof GraphQLError) throw refusal("queryTooComplex", `${ERRORS.queryTooComplex.message} ${err.message}`);
              throw err;
            }
            if (fixed) costs.set(document, (costs.get(document) ?? new Map<string, number>()).set(key, cost));
          }
          if (cost > MAX_COMPLEXITY) throw refusal("queryTooComplex", `${ERRORS.queryTooComplex.message} Its cost is ${cost}; the limit is ${MAX_COMPLEXITY}.`);

          const giveBack = budget.claim(contextValue.client, cost);
          if (!giveBack) {
            throw refusal("tooManyQueries", undefined, { "retry-after": String(RETRY_AFTER_SECONDS) });
          }
          contextValue.whenDone(giveBack);
        },
      };
    },
  };
}
