// Verified tokens, kept a few seconds: a token lookup through Prisma cost 1.38 ms of CPU on every authenticated
// request. Forgotten whenever a token or user changes (credential-events.ts, also from other Wharfs through the
// change feed), so a revocation or a block holds from the next request. Bounded in bytes.
import type { Token, User } from "../../generated/prisma/client";
import { onCredentialsChanged } from "./credential-events";

const KEEP_MS = 5_000;
const MAX_BYTES = 4 * 1024 * 1024;

export type VerifiedToken = Token & { user: User };

interface Entry {
  token: VerifiedToken;
  until: number;
  bytes: number;
}

const entries = new Map<string, Entry>();
let bytes = 0;
// Bumped by every change: a lookup that began before a change must not store what it read.
let generation = 0;

onCredentialsChanged(() => {
  generation++;
  entries.clear();
  bytes = 0;
});

/** The token with this hash, if it was verified in the last few seconds and nothing changed since. */
export function cachedToken(hash: string): VerifiedToken | undefined {
  const entry = entries.get(hash);
  if (!entry) return undefined;
  if (entry.until > Date.now()) return entry.token;
  entries.delete(hash);
  bytes -= entry.bytes;
  return undefined;
}

/** The generation to hand back to keepToken once the lookup is done. */
export const tokenCacheGeneration = (): number => generation;

/** Keeps a token read from the database, unless a change came while it was read. */
export function keepToken(hash: string, token: VerifiedToken, readAt: number): void {
  if (readAt !== generation) return;
  const size = 2 * (hash.length + JSON.stringify(token, (_key, value) => (typeof value === "bigint" ? String(value) : value)).length);
  if (size > MAX_BYTES) return;
  // Over the bound: the oldest go first (a Map iterates in insertion order).
  for (const [key, entry] of entries) {
    if (bytes + size <= MAX_BYTES) break;
    entries.delete(key);
    bytes -= entry.bytes;
  }
  const known = entries.get(hash);
  if (known) bytes -= known.bytes;
  entries.set(hash, { token, until: Date.now() + KEEP_MS, bytes: size });
  bytes += size;
}

/** Forgets every token (notifications from other Wharfs may have been missed). */
export function forgetTokens(): void {
  generation++;
  entries.clear();
  bytes = 0;
}
