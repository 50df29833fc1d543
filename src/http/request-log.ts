// One structured log line per request. Only the path is logged, never the
// query string or headers, so a token can never reach the log.
import type { RequestHandler } from "express";
import type { Logger } from "../logger";

export function requestLog(log: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.once("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const path = req.originalUrl.split("?")[0];
      log.info("request", { method: req.method, path, status: res.statusCode, ms: Math.round(ms * 10) / 10 });
    });
    next();
  };
}
