// Depth and complexity limits: abusive queries are refused before any of
// them executes, with a code from the error catalogue.
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type SelectionSetNode } from "graphql";
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from "graphql-query-complexity";
import { ERRORS } from "../errors";
import type { GraphQLContext } from "./context";

export const MAX_DEPTH = 12;
export const MAX_COMPLEXITY = 20000;

function refusal(code: "queryTooDeep" | "queryTooComplex", detail: string): GraphQLError {
  return new GraphQLError(`${ERRORS[code].message} ${detail}`, { extensions: { code, http: { status: ERRORS[code].status } } });
}

/** How many fields deep a selection goes, following fragments; introspection does not count. */
function depthOf(selections: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string> = new Set()): number {
  let deepest = 0;
  for (const selection of selections.selections) {
    let depth = 0;
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith("__")) continue;
      depth = 1 + (selection.selectionSet ? depthOf(selection.selectionSet, fragments, seen) : 0);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      depth = depthOf(selection.selectionSet, fragments, seen);
    } else {
      const fragment = fragments.get(selection.name.value);
      if (fragment && !seen.has(fragment.name.value)) depth = depthOf(fragment.selectionSet, fragments, new Set([...seen, fragment.name.value]));
    }
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

function operationDepth(document: DocumentNode, operationName: string | null | undefined): number {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operations.find((o) => !operationName || o.name?.value === operationName) ?? operations[0];
  return operation ? depthOf(operation.selectionSet, fragments) : 0;
}

/**
 * Refuses operations deeper than MAX_DEPTH fields, or whose estimated cost
 * exceeds MAX_COMPLEXITY (a list field costs its page size times what each
 * item costs, see `listComplexity`).
 */
export function queryLimits(schema: GraphQLSchema): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const depth = operationDepth(document, request.operationName);
          if (depth > MAX_DEPTH) throw refusal("queryTooDeep", `It is ${depth} fields deep; the limit is ${MAX_DEPTH}.`);
          const complexity = getComplexity({
            schema,
            query: document,
            operationName: request.operationName,
            variables: request.variables,
            estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
          if (complexity > MAX_COMPLEXITY) throw refusal("queryTooComplex", `Its cost is ${complexity}; the limit is ${MAX_COMPLEXITY}.`);
        },
      };
    },
  };
}
