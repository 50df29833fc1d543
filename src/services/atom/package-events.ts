// Tells those who keep copies of an Atom package's responses (http/atom-read-cache.ts) that it changed: published to,
// renamed, deleted, starred, featured, or downloaded (once a batch of counts is written). storage/change-feed.ts
// carries the change to the other Wharfs on the same database.
import { EventEmitter } from "node:events";

const events = new EventEmitter();

export function atomPackagesChanged(names: string[]): void {
  if (names.length > 0) events.emit("changed", names);
}

export function onAtomPackagesChanged(listener: (names: string[]) => void): () => void {
  events.on("changed", listener);
  return () => events.off("changed", listener);
}
