// Structured logs: one JSON object per line on stdout, written by pino without blocking. A synchronous write per
// request was 15-20% of the CPU of the registry path; pino's destination buffers and writes asynchronously, and
// flushes what is left when the process exits.
import pino from "pino";
import type { LogLevel } from "./config";

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  /** Writes out what is buffered (before process.exit). */
  flush(): void;
}

/** stdout (the default) is written asynchronously; any other stream (the CLI's stderr) as pino writes streams. */
export function createLogger(level: LogLevel, out: NodeJS.WritableStream = process.stdout): Logger {
  const destination = out === process.stdout ? pino.destination({ dest: 1, sync: false }) : out;
  const log = pino(
    {
      level,
      base: null,
      messageKey: "msg",
      // The line's shape stays what it was: "time" (ISO 8601) and "level" (its name) first.
      timestamp: () => `,"time":"${new Date().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination as pino.DestinationStream,
  );
  const emit = (at: "debug" | "info" | "warn" | "error") => (msg: string, fields?: Record<string, unknown>) => {
    if (fields) log[at](fields, msg);
    else log[at](msg);
  };
  return {
    debug: emit("debug"),
    info: emit("info"),
    warn: emit("warn"),
    error: emit("error"),
    flush: () => {
      if ("flushSync" in destination && typeof destination.flushSync === "function") destination.flushSync();
    },
  };
}
