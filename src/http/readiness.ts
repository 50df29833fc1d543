// GET /readyz: whether this process can serve now, as a load balancer asks. /healthz says the process lives and
// its database answers; /readyz also asks the blob store (an S3 bucket may be away while PostgreSQL is not).
import type { RequestHandler } from "express";
import type { Logger } from "../logger";
import type { BlobStore } from "../storage/blob-store";
import type { SqlReader } from "../storage/sql-reader";
import { ping } from "../storage/queries/ping";

// A check that does not answer within this is a failed one: a probe must not hang.
const CHECK_TIMEOUT_MS = 2000;

export function readiness(deps: { sql: SqlReader; blobs: BlobStore; log: Logger }): RequestHandler {
  return async (_req, res) => {
    const [database, blobs] = await Promise.all([
      answers(() => ping(deps.sql)),
      answers(() => deps.blobs.check()),
    ]);
    const ready = database === "ok" && blobs === "ok";
    if (!ready) deps.log.warn("not ready", { database, blobs });
    res.status(ready ? 200 : 503).json({ status: ready ? "ok" : "unavailable", checks: { database, blobs } });
  };
}

async function answers(check: () => Promise<unknown>): Promise<"ok" | "unavailable"> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"unavailable">((resolve) => (timer = setTimeout(() => resolve("unavailable"), CHECK_TIMEOUT_MS)));
  try {
    return await Promise.race([check().then(() => "ok" as const, () => "unavailable" as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
