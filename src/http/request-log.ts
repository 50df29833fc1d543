// One structured log line per request. Only the path is logged, never the
// query string or headers, so a token can never reach the log.
import type { ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import type { RequestHandler } from "express";
import type { Logger } from "../logger";
import { requestIdOf } from "./request-id";
import { pathOf } from "./url-path";

/** When a request began, for logRequest: a plain number of milliseconds, no BigInt to allocate on the hot paths. */
export const requestStarted = (): number => performance.now();

export function logRequest(log: Logger, method: string, path: string, res: ServerResponse, started: number): void {
  const ms = performance.now() - started;
  log.request({ method, path, status: res.statusCode, ms: Math.round(ms * 10) / 10, requestId: requestIdOf(res) });
}

export function requestLog(log: Logger): RequestHandler {
  return (req, res, next) => {
    const started = requestStarted();
    res.once("finish", () => logRequest(log, req.method, pathOf(req.originalUrl), res, started));
    next();
  };
}
