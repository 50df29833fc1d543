// Tells those who keep copies of an Atom package's responses (http/response-cache.ts, through shared/kept-reads.ts)
// that it changed: published to, renamed, deleted, starred or featured (a written batch of download counts is told
// as kept reads' tags, since it leaves the tarballs as they were). storage/change-feed.ts carries the change to the
// other Wharfs on the same database.
import { createSignal } from "../shared/signal";

const changed = createSignal<[names: string[]]>();

export function atomPackagesChanged(names: string[]): void {
  if (names.length > 0) changed.emit(names);
}

export const onAtomPackagesChanged = changed.on;
