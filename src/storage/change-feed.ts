// Package changes crossing processes: several Wharfs on one PostgreSQL each keep a copy of registry files (the
// meta.json cache), and a publish through one must be visible through all at once, not after a TTL.
//
// Each change this process makes (services call packageChanged) is sent with pg_notify; each process LISTENs on
// one connection of its own and replays the changes the others made as local packageChanged events, which the
// caches already follow. Each notification carries its sender, so a process ignores its own, and a replayed change
// is not sent again.
import { randomUUID } from "node:crypto";
import { Client } from "pg";
import type { Logger } from "../logger";
import { onPackageChanged, packageChanged } from "../services/jsr/package-events";
import type { Db } from "./database";

const CHANNEL = "wharf_package_changed";
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
        packageChanged(change.scope, change.name);
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
  const stopSending = onPackageChanged((scope, name) => {
    if (replaying || stopped) return;
    const payload = JSON.stringify({ from: self, scope, name });
    db.$executeRaw`SELECT pg_notify(${CHANNEL}, ${payload})`.catch((err: Error) =>
      log.warn("could not tell other Wharfs about a package change", { scope, name, error: err.message }),
    );
  });

  return {
    async stop() {
      stopped = true;
      stopSending();
      await listener?.end().catch(() => undefined);
    },
  };
}

function parseChange(payload: string | undefined): { from: string; scope: string; name: string } | undefined {
  try {
    const change = JSON.parse(payload ?? "");
    return typeof change?.from === "string" && typeof change.scope === "string" && typeof change.name === "string" ? change : undefined;
  } catch {
    return undefined;
  }
}
