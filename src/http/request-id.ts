// Every request gets an id: the caller's X-Request-Id when it is sane (a load balancer's, a client's), otherwise a
// new one. It is sent back on the response and carried by the request's log line and by the errors logged while it
// is served, so that a request can be found among many processes' logs. Not through AsyncLocalStorage: on Node 20
// it slows every promise of every request (the registry files' throughput fell from 0.84 to 0.34 of bare node in the
// bench). The paths that answer ahead of Express write it among their own headers in one writeHead: a header set
// beforehand sends node's writeHead through setHeader for every other header too.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeader, ServerResponse } from "node:http";

const SANE_ID = /^[A-Za-z0-9._:@-]{1,128}$/;
// Kept on the response itself: a WeakMap's set and get cost a cached answer more than the UUID.
const ID = Symbol("requestId");
type WithId = ServerResponse & { [ID]?: string };

export function requestIdFor(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && SANE_ID.test(given) ? given : randomUUID();
}

/** The id the request was given, for its response's headers and the log lines written about it. */
export function requestIdOf(res: ServerResponse): string | undefined {
  return (res as WithId)[ID];
}

/** Runs the handler with the request's id noted (requestIdOf); the handler sends it. */
export function withRequestId(handler: (req: IncomingMessage, res: ServerResponse) => void): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    (res as WithId)[ID] = requestIdFor(req);
    handler(req, res);
  };
}

/** Sets the X-Request-Id header, for a response written by parts (Express). */
export function sendRequestId(res: ServerResponse): void {
  const id = (res as WithId)[ID];
  if (id !== undefined) res.setHeader("X-Request-Id", id);
}

/** A response's headers, names and values in turn, with its X-Request-Id first. */
export function withRequestIdHeader(res: ServerResponse, headers: readonly OutgoingHttpHeader[]): OutgoingHttpHeader[] {
  const id = (res as WithId)[ID];
  return id === undefined ? [...headers] : ["X-Request-Id", id, ...headers];
}
