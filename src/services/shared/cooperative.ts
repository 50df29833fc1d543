// Long work on the event loop (a publish of thousands of files) gives the loop
// back every few milliseconds, so that other requests (a health check) are
// answered meanwhile rather than after it.
import { setImmediate as nextTurn } from "node:timers/promises";

/** Work done between two yields, at most (roughly). */
const SLICE_MS = 10;

/** A function to await often during long work: it yields to the event loop once its slice is used up. */
export function cooperative(sliceMs = SLICE_MS): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await nextTurn();
    since = performance.now();
  };
}

/** Runs `work` on each batch of `items`, yielding to the event loop between batches. */
export async function inBatches<T>(items: T[], size: number, work: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) {
    await work(items.slice(i, i + size));
    await nextTurn();
  }
}
