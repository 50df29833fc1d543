// Password hashing: scrypt from node:crypto. The stored form carries its own
// parameters, "scrypt$N$r$p$<salt>$<key>" (salt and key in base64url), so that
// raising them later leaves existing hashes readable; a password checked
// against older parameters is hashed again with the current ones.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { WharfError } from "../../errors";

/**
 * N = 2^15, r = 8, p = 1: 32 MiB and about 0.1 s per hash on an idle core
 * (OWASP's minimum for scrypt is N = 2^17 with r = 8, p = 1; ours keeps a sign-in
 * affordable on a small shared machine, and the throttle bounds guessing).
 */
export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
export const MIN_PASSWORD_LENGTH = 8;
/** scrypt reads all of it: a cap keeps one request from costing more than any other. */
export const MAX_PASSWORD_LENGTH = 1024;

/**
 * scrypt runs on libuv's thread pool (4 threads), which file reads share: at most two hashes at once leave the
 * registry's files served during a burst of sign-ins, and bound the memory they take (2 x 32 MiB).
 */
const MAX_CONCURRENT_HASHES = 2;
let running = 0;
const queued: Array<() => void> = [];

async function scrypt(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  if (running >= MAX_CONCURRENT_HASHES) await new Promise<void>((resolve) => queued.push(resolve));
  else running++;
  // Node refuses to use more than 32 MiB unless told: scrypt needs 128 * N * r bytes, and a little more.
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
  try {
    return await new Promise<Buffer>((resolve, reject) =>
      scryptCallback(password.normalize("NFC"), salt, KEY_BYTES, options, (err, key) => (err ? reject(err) : resolve(key))),
    );
  } finally {
    // The slot passes straight to the next in line, if any.
    const next = queued.shift();
    if (next) next();
    else running--;
  }
}

/** Refuses passwords too short to resist guessing, or long enough to be a burden. */
export function checkPasswordAllowed(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) throw new WharfError("passwordNotAllowed");
}

export async function hashPassword(password: string): Promise<string> {
  checkPasswordAllowed(password);
  const salt = randomBytes(SALT_BYTES);
  const key = await scrypt(password, salt, SCRYPT_PARAMS);
  const { N, r, p } = SCRYPT_PARAMS;
  return ["scrypt", N, r, p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

interface ParsedHash {
  params: { N: number; r: number; p: number };
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string): ParsedHash | undefined {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return undefined;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (![N, r, p].every(Number.isSafeInteger)) return undefined;
  return { params: { N, r, p }, salt: Buffer.from(parts[4], "base64url"), key: Buffer.from(parts[5], "base64url") };
}

/** A hash of no password, for comparing against when there is no user: the answer takes as long either way. */
let decoy: Promise<string> | undefined;

export interface PasswordCheck {
  matches: boolean;
  /** The hash was made with other parameters than today's: store a fresh one. */
  outdated: boolean;
}

/** Whether `password` is the one `stored` was made from; with no stored hash, spends the same time and says no. */
export async function verifyPassword(password: string, stored: string | null): Promise<PasswordCheck> {
  const parsed = parseHash(stored ?? (await (decoy ??= hashPassword(randomBytes(12).toString("hex")))));
  if (!parsed || password.length > MAX_PASSWORD_LENGTH) return { matches: false, outdated: false };
  const key = await scrypt(password, parsed.salt, parsed.params);
  const matches = stored !== null && key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
  const { N, r, p } = SCRYPT_PARAMS;
  return { matches, outdated: parsed.params.N !== N || parsed.params.r !== r || parsed.params.p !== p };
}
