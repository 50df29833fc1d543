// The GraphQL dialect: errors[].extensions.code (and .status).
import type { WharfError } from "./catalogue";

/** For failures before GraphQL runs (e.g. a body that is not JSON); resolvers' errors go through Apollo. */
export function graphqlErrorBody(err: WharfError) {
  return { errors: [{ message: err.message, extensions: { code: err.code, status: err.status } }] };
}
