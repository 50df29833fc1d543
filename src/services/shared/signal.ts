// One kind of change told to whoever listens in this process (caches, the change feed): the events of
// jsr/package-events.ts, atom/package-events.ts, accounts/credential-events.ts and shared/kept-reads.ts.
import { EventEmitter } from "node:events";

export interface Signal<Args extends unknown[]> {
  emit(...args: Args): void;
  /** Listens until the returned function is called. */
  on(listener: (...args: Args) => void): () => void;
}

export function createSignal<Args extends unknown[]>(): Signal<Args> {
  const events = new EventEmitter();
  return {
    emit: (...args) => void events.emit("changed", ...args),
    on(listener) {
      events.on("changed", listener as (...args: unknown[]) => void);
      return () => events.off("changed", listener as (...args: unknown[]) => void);
    },
  };
}
