// Counts the SQL statements each request runs, for the test that holds
// GraphQL to a bounded number whatever the page size. Off unless
// WHARF_COUNT_SQL is set: then every response carries X-Wharf-Sql-Statements.
import { AsyncLocalStorage } from "node:async_hooks";
import type { RequestHandler } from "express";

const current = new AsyncLocalStorage<{ statements: number }>();

export const STATEMENTS_HEADER = "X-Wharf-Sql-Statements";

/** Called for every statement the database client runs. */
export function countStatement(): void {
  const counter = current.getStore();
  if (counter) counter.statements++;
}

/** Runs each request in its own count, and reports it in a header when the response is written. */
export const countStatementsPerRequest: RequestHandler = (_req, res, next) => {
  const counter = { statements: 0 };
  const writeHead = res.writeHead;
  res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
    if (!res.headersSent) res.setHeader(STATEMENTS_HEADER, String(counter.statements));
    return writeHead.apply(this, args);
  } as typeof writeHead;
  current.run(counter, next);
};
