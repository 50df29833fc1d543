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

/** Which face a path belongs to: Atom under /atom/, GraphQL at /graphql, jsr everywhere else. */
export function faceOf(urlPath: string): "jsr" | "atom" | "graphql" {
  if (urlPath.startsWith("/atom/")) return "atom";
  if (urlPath.startsWith("/graphql")) return "graphql";
  return "jsr";
}

/** Each face answers errors in its own shape. */
export function dialectOf(urlPath: string): Dialect {
  return { jsr: JSR, atom: ATOM, graphql: GRAPHQL }[faceOf(urlPath)];
}

/** The status and JSON body an error is answered with on `urlPath`. */
export function errorReply(urlPath: string, err: WharfError): { status: number; body: unknown } {
  return { status: err.status, body: dialectOf(urlPath).errorBody(err) };
}
