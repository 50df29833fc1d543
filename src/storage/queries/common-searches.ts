// Which searches match many packages: where the next run of the same search starts looking (atom-package-pages.ts).
// A search ranks the most downloaded of a condition's matches. Few matches are cheapest taken through the
// condition's index and sorted; many are cheapest found by reading packages in the order of downloads until enough
// have met the condition (a word every package shares: 3 ms of PostgreSQL's time against 1). A prepared
// statement's plan cannot know which, so each run reports what it saw and the next run starts the cheaper way.
// Only a hint, per process: both ways find the same packages.
import { LRUCache } from "lru-cache";

/** For each of a search's conditions, whether it matched many packages when the search last ran. */
export interface SearchBreadth {
  /** Names containing the query. */
  named: boolean;
  /** Packages with the query's words. */
  worded: boolean;
}

const NARROW: SearchBreadth = { named: false, worded: false };
// Keys are what users typed: bounded in bytes, not entries.
const KEPT_BYTES = 1024 * 1024;
const broad = new LRUCache<string, SearchBreadth>({ maxSize: KEPT_BYTES, sizeCalculation: (_breadth, key) => 2 * key.length + 64 });

/** What the search keyed so saw when it last ran (narrow when unknown: the way that is never slow). */
export function lastBreadth(key: string): SearchBreadth {
  return broad.get(key) ?? NARROW;
}

/** Remembers what a run saw; only broad searches are kept. */
export function rememberBreadth(key: string, breadth: SearchBreadth): void {
  if (breadth.named || breadth.worded) broad.set(key, breadth);
  else broad.delete(key);
}
