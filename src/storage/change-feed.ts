// Package and credential changes crossing processes: several Wharfs on one PostgreSQL each keep a copy of registry
// files (the meta.json cache), of REST responses (http/response-cache.ts) and of verified tokens, and a publish or a
// revocation through one must hold through all at once, not after a TTL.
//
// Each change this process makes (services call packageChanged) is sent with pg_notify; each process LISTENs on
// one connection of its own and replays the changes the others made as local packageChanged events, which the
// caches already follow. Each notification carries its sender, so a process ignores its own, and a replayed change
// is not sent again.
//
// A publish announces itself inside its own transaction instead (announcePackageChange): PostgreSQL delivers the
// notification at the commit, before anyone can read the task's success, so no Wharf serves the old meta.json to a
// client that saw it. Such a notification names no sender, and every process, this one included, applies it.
import { randomUUID } from "node:crypto";
import { Client } from "pg";
import type { Logger } from "../logger";
import { onPackageChanged, packageChanged } from "../services/jsr/package-events";
import { credentialsChanged, onCredentialsChanged } from "../services/accounts/credential-events";
import { atomPackagesChanged, onAtomPackagesChanged } from "../services/atom/package-events";
import { onReadsChanged, readsChanged } from "../services/shared/kept-reads";
import type { Db, Tx } from "./database";

const CHANNEL = "wharf_package_changed";
// Atom package names (and kept reads' tags, which hold them) are at most about 230 characters.
const NAMES_PER_NOTIFICATION = 30;
const RECONNECT_DELAYS_MS = [100, 500, 1000, 2000, 5000];

export interface ChangeFeedOptions {
  /** Notifications may have been missed (the listening connection was lost): forget whatever may be stale. */
  onGap(): void;
}

export interface ChangeFeed {
  stop(): Promise<void>;
}

export async function startChangeFeed(url: string, db: Db, log: Logger, options: ChangeFeedOptions): Promise<ChangeFeed> {
  const self = randomUUID();
  let replaying = false;
  let stopped = false;
  let listener: Client | undefined;

  const listen = async (): Promise<void> => {
    const client = new Client({ connectionString: url });
    client.on("notification", (message) => {
      const change = parseChange(message.payload);
      if (!change || change.from === self) return;
      replaying = true;
      try {
        if ("scope" in change) packageChanged(change.scope, change.name);
        else if ("atom" in change) atomPackagesChanged(change.atom);
        else if ("reads" in change) readsChanged(change.reads);
        else credentialsChanged();
      } finally {
        replaying = false;
      }
    });
    client.on("error", (err) => log.warn("lost the connection that listens for package changes", { error: err.message }));
    client.on("end", () => {
      if (stopped || listener !== client) return;
      listener = undefined;
      void reconnect();
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    listener = client;
  };

  const reconnect = async (): Promise<void> => {
    for (let attempt = 0; !stopped; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)]));
      if (stopped) return;
      try {
        await listen();
        log.info("listening for package changes again");
        // What others changed while nobody listened is unknown: every cached copy may be stale.
        options.onGap();
        return;
      } catch (err) {
        log.warn("listening for package changes failed; trying again", { attempt: attempt + 1, error: (err as Error).message });
      }
    }
  };

  await listen();
  const send = (change: Record<string, string | string[]>) => {
    if (replaying || stopped) return;
    const payload = JSON.stringify({ from: self, ...change });
    db.$executeRaw`SELECT pg_notify(${CHANNEL}, ${payload})`.catch((err: Error) =>
      log.warn("could not tell other Wharfs about a change", { ...change, error: err.message }),
    );
  };
  const stopSendingPackages = onPackageChanged((scope, name) => send({ scope, name }));
  const stopSendingCredentials = onCredentialsChanged(() => send({ kind: "credentials" }));
  // A batch of download counts may name many packages, and a write may make many kept reads stale (a user's
  // stars, a scope): in notifications well under pg_notify's 8000 bytes.
  const sendInParts = (key: "atom" | "reads", items: string[]) => {
    for (let i = 0; i < items.length; i += NAMES_PER_NOTIFICATION) send({ [key]: items.slice(i, i + NAMES_PER_NOTIFICATION) });
  };
  const stopSendingAtom = onAtomPackagesChanged((names) => sendInParts("atom", names));
  const stopSendingReads = onReadsChanged((tags) => sendInParts("reads", tags));

  return {
    async stop() {
      stopped = true;
      stopSendingPackages();
      stopSendingCredentials();
      stopSendingAtom();
      stopSendingReads();
      await listener?.end().catch(() => undefined);
    },
  };
}

/** Tells every Wharf, this one included, that a package changed, when (and only if) `tx` commits. */
export async function announcePackageChange(tx: Tx, scope: string, name: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${CHANNEL}, ${JSON.stringify({ scope, name })})`;
}

// `from` is missing from a change announced inside a transaction: see announcePackageChange.
type Change =
  | { from?: string; scope: string; name: string }
  | { from: string; atom: string[] }
  | { from: string; reads: string[] }
  | { from: string; kind: "credentials" };

function parseChange(payload: string | undefined): Change | undefined {
  try {
    const change = JSON.parse(payload ?? "");
    if (typeof change !== "object" || change === null) return undefined;
    if (typeof change.scope === "string" && typeof change.name === "string") {
      return typeof change.from === "string" || change.from === undefined ? { from: change.from, scope: change.scope, name: change.name } : undefined;
    }
    if (typeof change.from !== "string") return undefined;
    if (change.kind === "credentials") return { from: change.from, kind: "credentials" };
    if (Array.isArray(change.atom)) return { from: change.from, atom: change.atom.filter((name: unknown) => typeof name === "string") };
    if (Array.isArray(change.reads)) return { from: change.from, reads: change.reads.filter((tag: unknown) => typeof tag === "string") };
    return undefined;
  } catch {
    return undefined;
  }
}
