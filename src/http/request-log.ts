// One structured log line per request. Only the path is logged, never the
// query string or headers, so a token can never reach the log.
import type { ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import type { Logger } from "../logger";
import { requestIdOf } from "./request-id";

export function logRequest(log: Logger, method: string, path: string, res: ServerResponse, started: bigint): void {
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  log.request({ method, path, status: res.statusCode, ms: Math.round(ms * 10) / 10, requestId: requestIdOf(res) });
}

export function requestLog(log: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.once("finish", () => logRequest(log, req.method, req.originalUrl.split("?")[0], res, started));
    next();
  };
}
