// Which dialect a path's errors are answered in, and the answer: every face that
// answers errors (the REST adapter, the app's own handlers, the registry files)
// renders them here.
import { atomErrorBody } from "./atom";
import type { WharfError } from "./catalogue";
import { graphqlErrorBody } from "./graphql";
import { jsrErrorBody } from "./jsr";

export interface Dialect {
  errorBody(err: WharfError): unknown;
}

const JSR: Dialect = { errorBody: jsrErrorBody };
const ATOM: Dialect = { errorBody: atomErrorBody };
const GRAPHQL: Dialect = { errorBody: graphqlErrorBody };

/** Each face answers errors in its own shape: Atom under /atom/, GraphQL at /graphql, jsr everywhere else. */
export function dialectOf(urlPath: string): Dialect {
  if (urlPath.startsWith("/atom/")) return ATOM;
  if (urlPath.startsWith("/graphql")) return GRAPHQL;
  return JSR;
}

/** The status and JSON body an error is answered with on `urlPath`. */
export function errorReply(urlPath: string, err: WharfError): { status: number; body: unknown } {
  return { status: err.status, body: dialectOf(urlPath).errorBody(err) };
}
