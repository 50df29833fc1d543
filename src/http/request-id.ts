// Every request gets an id: the caller's X-Request-Id when it is sane (a load balancer's, a client's), otherwise a
// new one. It is sent back on the response and carried by every log line written while the request is served
// (through AsyncLocalStorage, see logger.ts), so that one request's lines can be found among many processes'.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { withLogContext } from "../logger";

const SANE_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && SANE_ID.test(given) ? given : randomUUID();
}

/** Runs the handler with the request's id set on the response and in the log context. */
export function withRequestId(handler: (req: IncomingMessage, res: ServerResponse) => void): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const requestId = requestIdOf(req);
    res.setHeader("X-Request-Id", requestId);
    withLogContext({ requestId }, () => handler(req, res));
  };
}
