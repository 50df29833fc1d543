// Reads whose whole responses may be kept in memory and given again to any anonymous caller (http/response-cache.ts),
// and what each depends on, named by tags: a write that changes what a read shows makes its tags stale, in this
// process and, through storage/change-feed.ts, in the others. The rules (what a read shows, which write changes it)
// are here; the keeping is the transport's.
import { createSignal } from "./signal";
import { onAtomPackagesChanged } from "../atom/package-events";
import { onPackageChanged } from "../jsr/package-events";

/** How a read may be kept: until one of its tags is stale; onServe runs at every answer from memory. */
export interface Keep {
  tags: string[];
  /** A download is counted at each answer, whether from memory or not. */
  onServe?: () => void;
}

export const readTag = {
  /** An Atom package by a name it has or had (lower case): its reads, versions and stargazers, and its download count. */
  atomPackage: (name: string) => `atom:${name.toLowerCase()}`,
  /** An Atom package's tarballs: they change with its versions, not with its download count. */
  atomTarballs: (name: string) => `atom-tarballs:${name.toLowerCase()}`,
  /** Every page of Atom packages listed or searched: any Atom package's change or download count may show in one. */
  atomLists: "atom-lists",
  /** The list of packages a user starred (normalized login). */
  atomStarsOf: (login: string) => `atom-stars:${login}`,
  /** A jsr scope's public part. */
  jsrScope: (scope: string) => `jsr-scope:${scope}`,
  /** Every jsr package read: each counts the packages that depend on it, which a publish of any other changes. */
  jsrPackages: "jsr-packages",
};

const changed = createSignal<[tags: string[]]>();

/** Tags made stale by a write that the package events do not already tell (download counts, a star's user, a scope). */
export function readsChanged(tags: string[]): void {
  if (tags.length > 0) changed.emit(tags);
}

export const onReadsChanged = changed.on;

/** Every change that makes kept reads stale, as tags: readsChanged's, and the Atom and jsr package changes. */
export function onStaleReads(listener: (tags: string[]) => void): () => void {
  const stops = [
    onReadsChanged(listener),
    onAtomPackagesChanged((names) => listener([...names.map(readTag.atomPackage), ...names.map(readTag.atomTarballs), readTag.atomLists])),
    onPackageChanged(() => listener([readTag.jsrPackages])),
  ];
  return () => stops.forEach((stop) => stop());
}
