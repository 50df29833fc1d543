// TypeScript's compiler, loaded at its first use rather than at start: it is 9 MB of JavaScript and about a second of
// CPU to load. Only publishing's worker thread (typescript-worker.ts) uses it; the main thread never loads it.
// Modules use `ts` as they would the import.
import type * as TS from "typescript";

let loaded: typeof TS | undefined;

export const ts: typeof TS = new Proxy({} as typeof TS, {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  get: (_, key) => (loaded ??= require("typescript") as typeof TS)[key as keyof typeof TS],
});
