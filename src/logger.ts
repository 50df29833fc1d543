// Structured logs: one JSON object per line on stdout. A line written while a request is served carries the
// request's id (see http/request-id.ts).
import { AsyncLocalStorage } from "node:async_hooks";
import type { LogLevel } from "./config";

const context = new AsyncLocalStorage<Record<string, unknown>>();

/** Runs fn with these fields added to every line logged within it (and what it starts). */
export function withLogContext<T>(fields: Record<string, unknown>, fn: () => T): T {
  return context.run(fields, fn);
}

/** Runs fn outside any request's log context (background work a request merely woke up). */
export function withoutLogContext<T>(fn: () => T): T {
  return context.exit(fn);
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export function createLogger(level: LogLevel, out: NodeJS.WritableStream = process.stdout): Logger {
  const emit = (at: Exclude<LogLevel, "silent">) => (msg: string, fields: Record<string, unknown> = {}) => {
    if (RANK[at] < RANK[level]) return;
    out.write(JSON.stringify({ time: new Date().toISOString(), level: at, msg, ...context.getStore(), ...fields }) + "\n");
  };
  return { debug: emit("debug"), info: emit("info"), warn: emit("warn"), error: emit("error") };
}
