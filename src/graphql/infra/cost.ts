// What fields cost, for the complexity limit (limits.ts). The unit is a field
// read from memory or through a request's DataLoaders (which batch a list's
// reads into one statement); a field that runs SQL of its own costs
// STATEMENT_COST per statement, so aliases of it add up to what they would
// really do. Declared on the fields with `complexity:`; a number adds to what
// the field's selection costs.
import type { ComplexityEstimator } from "graphql-query-complexity";

/** One SQL statement a field runs by itself, each time it is asked for. */
export const STATEMENT_COST = 100;

/** A root lookup by key (one indexed statement). */
export const LOOKUP_COST = STATEMENT_COST;

/** A page of a list query: the page and the total count. */
export const LIST_QUERY_COST = 2 * STATEMENT_COST;

/** A search: both ecosystems, each ranked (Atom's trigram similarity is the dearest read Wharf does) and counted. */
export const SEARCH_COST = 20 * STATEMENT_COST;

/** The registry's counts and front page: about eight statements. */
export const STATS_COST = 8 * STATEMENT_COST;

/** Any mutation that does not declare more: a transaction of several statements. */
export const MUTATION_COST = 10 * STATEMENT_COST;

/** A mutation that reads a git repository and builds a tarball. */
export const PUBLISH_COST = 50 * STATEMENT_COST;

/** A field's own cost on top of what an estimator (e.g. a list's) says. */
export const plus =
  (cost: number, estimator: ComplexityEstimator): ComplexityEstimator =>
  (args) =>
    cost + Number(estimator(args));

/** A list of at most `size` items, each costing what its selection costs. */
export const fixedListComplexity =
  (size: number): ComplexityEstimator =>
  ({ childComplexity }) =>
    1 + size * childComplexity;
