// Structured logs: one JSON object per line on stdout, written by pino without blocking. A synchronous write per
// request was 15-20% of the CPU of the registry path; pino's destination buffers and writes asynchronously, and
// flushes what is left when the process exits. The line per answered request is the one written at the rate of
// requests: it is gathered and written in batches (a write per line, even buffered by pino,
// cost a fifth of a cached read's CPU).
import pino from "pino";
import type { LogLevel } from "./config";

/** What the line per answered request says. */
export interface RequestLine {
  method: string;
  path: string;
  status: number;
  ms: number;
  requestId: string | undefined;
}

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  /** The line of an answered request, at level info: `{"level":"info",...,"msg":"request"}` as info() writes it. */
  request(line: RequestLine): void;
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
  const requests = requestLines(destination as NodeJS.WritableStream);
  return {
    debug: emit("debug"),
    info: emit("info"),
    warn: emit("warn"),
    error: emit("error"),
    request: log.isLevelEnabled("info") ? requests.add : () => undefined,
    flush: () => {
      requests.writeOut();
      if ("flushSync" in destination && typeof destination.flushSync === "function") destination.flushSync();
    },
  };
}

// Request lines are written together at most this long after the first of them: each write to stdout is a round
// trip through libuv's thread pool, and at one write per turn of the event loop (a few lines each) those round trips
// cost a cached registry read about a tenth of its CPU. Sooner when this many wait.
const LINES_WAIT_MS = 10;
const LINES_AT_MOST = 1_000;

// What JSON.stringify would escape in a string: quotes, backslashes, control characters and (lone) surrogates.
const NEEDS_ESCAPING = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A string as a JSON string; JSON.stringify only when something needs escaping (a request line's three cost half its formatting). */
export function jsonString(text: string): string {
  return NEEDS_ESCAPING.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/** Request lines, gathered and written to `out` in batches. */
function requestLines(out: NodeJS.WritableStream): { add(line: RequestLine): void; writeOut(): void } {
  let pending: string[] = [];
  // Thousands of lines share a millisecond: its time is formatted once.
  let ms = 0;
  let time = "";
  const now = () => {
    const at = Date.now();
    if (at !== ms) [ms, time] = [at, new Date(at).toISOString()];
    return time;
  };
  const writeOut = () => {
    if (pending.length === 0) return;
    const text = pending.join("");
    pending = [];
    out.write(text);
  };
  return {
    add(line) {
      if (pending.length === 0) setTimeout(writeOut, LINES_WAIT_MS);
      else if (pending.length >= LINES_AT_MOST) writeOut();
      // The shape pino writes for info("request", fields).
      pending.push(
        `{"level":"info","time":"${now()}","method":${jsonString(line.method)},"path":${jsonString(line.path)},` +
          `"status":${line.status},"ms":${line.ms}${line.requestId === undefined ? "" : `,"requestId":${jsonString(line.requestId)}`},"msg":"request"}\n`,
      );
    },
    writeOut,
  };
}
