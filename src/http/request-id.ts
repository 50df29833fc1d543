// Every request gets an id: the caller's X-Request-Id when it is sane (a load balancer's, a client's), otherwise a
// new one. It is sent back on the response and carried by the request's log line and by the errors logged while it
// is served (http/request-log.ts reads it back from the response), so that a request can be found among many
// processes' logs. Not through AsyncLocalStorage: on Node 20 it slows every promise of every request (the registry
// files' throughput fell from 0.84 to 0.34 of bare node in the bench).
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

const SANE_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

export function requestIdFor(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && SANE_ID.test(given) ? given : randomUUID();
}

/** Runs the handler with the request's id set on the response and in the log context. */
export function withRequestId(handler: (req: IncomingMessage, res: ServerResponse) => void): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const requestId = requestIdFor(req);
    res.setHeader("X-Request-Id", requestId);
    handler(req, res);
  };
}
