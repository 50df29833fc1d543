// Downloads counted in memory and written in batches: one row update per download made concurrent downloads of one
// package queue on its row lock. Generic over what is downloaded (Atom tarballs, jsr registry files): the writer
// decides which rows a batch adds to.
import type { Logger } from "../../logger";

/** What one download is counted under: the package, its version ("" where versions are not counted) and the UTC day. */
export interface DownloadKey {
  name: string;
  version: string;
  /** YYYY-MM-DD, UTC. */
  day: string;
}

export interface DownloadTally extends DownloadKey {
  count: number;
}

/** Adds a batch to the database, all of it or nothing (one transaction). */
export type DownloadWriter = (tallies: DownloadTally[]) => Promise<void>;

export interface DownloadCounterOptions {
  /** A batch is written at most this long after its first download. */
  flushMs?: number;
  /** ... or as soon as this many downloads wait. */
  flushAt?: number;
}

export interface DownloadCounter {
  /** Counts one download, today (UTC). Never waits: the count is written with the next batch. */
  count(name: string, version?: string): void;
  /** Resolves once every download counted so far is in the database (at once when none waits). */
  settled(): Promise<void>;
  /** Whether every download counted so far is in the database already: a reader need not wait. */
  isSettled(): boolean;
  /** Writes what is left and stops counting; call it once requests have stopped. */
  stop(): Promise<void>;
}

const keyOf = (key: DownloadKey) => JSON.stringify([key.name, key.version, key.day]);

export function createDownloadCounter(write: DownloadWriter, log: Logger, options: DownloadCounterOptions = {}): DownloadCounter {
  const flushMs = options.flushMs ?? 1_000;
  // Written at least every second anyway: a batch at every 1,000 cost a cached tarball download a fifth of its CPU at 40,000 a second.
  const flushAt = options.flushAt ?? 10_000;
  let pending = new Map<string, DownloadTally>();
  let waiting = 0;
  let timer: NodeJS.Timeout | undefined;
  // One batch at a time: each download is in exactly one batch, and batches never race on the same rows.
  let inFlight: Promise<void> | undefined;
  let stopped = false;

  const add = (tally: DownloadTally) => {
    const key = keyOf(tally);
    const known = pending.get(key);
    if (known) known.count += tally.count;
    else pending.set(key, { ...tally });
    waiting += tally.count;
  };

  const writeBatch = async (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const batch = [...pending.values()];
    pending = new Map();
    waiting = 0;
    try {
      await write(batch);
    } catch (err) {
      // Not written: the counts go back and the next batch takes them.
      for (const tally of batch) add(tally);
      log.error("download counts not written; retrying with the next batch", { error: String(err), downloads: batch.length });
      if (!stopped) schedule();
      throw err;
    }
  };

  /** Writes what waits now, after the batch being written. */
  const flush = (): Promise<void> => {
    const previous = inFlight ?? Promise.resolve();
    const next = previous.then(
      () => (waiting > 0 ? writeBatch() : undefined),
      () => (waiting > 0 ? writeBatch() : undefined),
    );
    const current = next.finally(() => {
      if (inFlight === current) inFlight = undefined;
    });
    inFlight = current;
    return current;
  };

  const schedule = () => {
    if (timer) return;
    timer = setTimeout(() => void flush().catch(() => undefined), flushMs);
    timer.unref();
  };

  return {
    count(name, version = "") {
      if (stopped) throw new Error("download counter stopped");
      add({ name, version, day: new Date().toISOString().slice(0, 10), count: 1 });
      if (waiting >= flushAt) void flush().catch(() => undefined);
      else schedule();
    },
    isSettled: () => waiting === 0 && !inFlight,
    async settled() {
      if (waiting === 0 && !inFlight) return;
      // A reader is not failed for a count it could not see: the error is logged, the counts kept for the next batch.
      await flush().catch(() => undefined);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await flush().catch(() => log.error("download counts lost at shutdown", { downloads: waiting }));
    },
  };
}
