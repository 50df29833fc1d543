// One structured log line per request. Only the path is logged, never the
// query string or headers, so a token can never reach the log.
import type { RequestHandler } from "express";
import type { Logger } from "../logger";

export function logRequest(log: Logger, method: string, path: string, status: number, started: bigint): void {
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  log.info("request", { method, path, status, ms: Math.round(ms * 10) / 10 });
}

export function requestLog(log: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.once("finish", () => logRequest(log, req.method, req.originalUrl.split("?")[0], res.statusCode, started));
    next();
  };
}
