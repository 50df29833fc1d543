// Verified tokens, kept a few seconds: a token lookup through Prisma cost 1.38 ms of CPU on every authenticated
// request. Forgotten whenever a token or user changes (credential-events.ts, also from other Wharfs through the
// change feed), so a revocation or a block holds from the next request. Bounded in bytes.
import type { Token, User } from "../../generated/prisma/client";
import { LRUCache } from "lru-cache";
import { onCredentialsChanged } from "./credential-events";

const KEEP_MS = 5_000;
const MAX_BYTES = 4 * 1024 * 1024;

export type VerifiedToken = Token & { user: User };

// Least recently used out first past the bound; each kept KEEP_MS at most.
const entries = new LRUCache<string, VerifiedToken>({ maxSize: MAX_BYTES, ttl: KEEP_MS });
// Bumped by every change: a lookup that began before a change must not store what it read.
let generation = 0;

onCredentialsChanged(() => forgetTokens());

/** The token with this hash, if it was verified in the last few seconds and nothing changed since. */
export function cachedToken(hash: string): VerifiedToken | undefined {
  return entries.get(hash);
}

/** The generation to hand back to keepToken once the lookup is done. */
export const tokenCacheGeneration = (): number => generation;

/** Keeps a token read from the database, unless a change came while it was read. */
export function keepToken(hash: string, token: VerifiedToken, readAt: number): void {
  if (readAt !== generation) return;
  const size = 2 * (hash.length + JSON.stringify(token, (_key, value) => (typeof value === "bigint" ? String(value) : value)).length);
  entries.set(hash, token, { size });
}

/** Forgets every token (notifications from other Wharfs may have been missed). */
export function forgetTokens(): void {
  generation++;
  entries.clear();
}
