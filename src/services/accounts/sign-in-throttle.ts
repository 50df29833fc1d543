// Wrong passwords are counted per login and per address, in PostgreSQL so that
// every Wharf on one database counts together. The MAX_FAILURES-th wrong
// password within WINDOW_MS is answered tooManySignInAttempts, and so is every
// attempt after it (a right password too) until the oldest of those failures
// leaves the window: Retry-After says when.
//
// An attempt is written down before its password is checked, and taken back
// when it is right or refused: attempts made at once all count, so no burst of
// parallel guesses gets past the limit.
import { WharfError } from "../../errors";
import type { Db } from "../../storage/database";

export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60 * 1000;

/** tooManySignInAttempts, with the seconds until an attempt will be counted again. */
export class SignInThrottled extends WharfError {
  constructor(readonly retryAfterSeconds: number) {
    super("tooManySignInAttempts");
  }
}

/** What a throttled sign-in counts against: the login tried and the address it came from. */
export function throttleKeys(login: string, address: string): string[] {
  return [`login:${login.slice(0, 100)}`, `address:${address}`];
}

/**
 * Each key's failures within the window (at most MAX_FAILURES + 1 are looked at), and, once it has
 * MAX_FAILURES, when the MAX_FAILURES-th most recent leaves the window and lets the key through again.
 */
async function standing(db: Db, keys: string[], since: Date): Promise<Array<{ count: number; freedAt?: Date }>> {
  return Promise.all(
    keys.map(async (key) => {
      const recent = await db.signInFailure.findMany({
        where: { key, createdAt: { gt: since } },
        orderBy: { createdAt: "desc" },
        select: { createdAt: true },
        take: MAX_FAILURES + 1,
      });
      const limiting = recent[MAX_FAILURES - 1]?.createdAt;
      return { count: recent.length, freedAt: limiting && new Date(limiting.getTime() + WINDOW_MS) };
    }),
  );
}

function throttled(standings: Array<{ freedAt?: Date }>, now: number): SignInThrottled {
  const latest = Math.max(...standings.map((s) => s.freedAt?.getTime() ?? now));
  return new SignInThrottled(Math.max(1, Math.ceil((latest - now) / 1000)));
}

/**
 * Runs `check` (which gives what the credentials sign in, or undefined when they are wrong) unless a key
 * already has MAX_FAILURES failures in the window. Throws invalidCredentials for wrong credentials, and
 * SignInThrottled for the wrong ones that reach the limit and for every attempt past it.
 */
export async function throttledSignIn<T>(db: Db, keys: string[], check: () => Promise<T | undefined>): Promise<T> {
  const now = Date.now();
  const since = new Date(now - WINDOW_MS);
  // Failures that left the window count no more; deleting them here keeps the table to one window's worth.
  await db.signInFailure.deleteMany({ where: { createdAt: { lte: since } } });
  const attempts = await db.$transaction(keys.map((key) => db.signInFailure.create({ data: { key, createdAt: new Date(now) }, select: { id: true } })));
  const takeBack = () => db.signInFailure.deleteMany({ where: { id: { in: attempts.map((a) => a.id) } } });

  // Counting this attempt, more than MAX_FAILURES: the limit was reached before it.
  if ((await standing(db, keys, since)).some((s) => s.count > MAX_FAILURES)) {
    await takeBack();
    throw throttled(await standing(db, keys, since), now);
  }
  let result: T | undefined;
  try {
    result = await check();
  } catch (err) {
    await takeBack();
    throw err;
  }
  if (result !== undefined) {
    await takeBack();
    return result;
  }
  // A wrong password: the attempt stays counted, and the one that reaches the limit is told so at once.
  const after = await standing(db, keys, since);
  if (after.some((s) => s.count >= MAX_FAILURES)) throw throttled(after, now);
  throw new WharfError("invalidCredentials");
}
