// Who works on a publishing task. One holder at a time, under a lease it
// renews while it works: the upload until its bytes are stored, then one
// worker, claimed with FOR UPDATE SKIP LOCKED. A holder that dies stops
// renewing, and any Wharf takes the task over once the lease has run out.
// Every write a holder makes is conditional on its lease token, and a
// finished task (success, failure) is never written again: two Wharfs can
// never both publish a task, nor move it backwards.
import { randomUUID } from "node:crypto";
import type { PublishingTask, PublishingTaskStatus } from "../../../generated/prisma/client";
import type { TaskFailureCode } from "../../../errors/publish";
import type { Logger } from "../../../logger";
import type { Db, Tx } from "../../../storage/database";
import { advanceHeldTask, dropLease, extendLease, leaseOldestFreeTask } from "../../../storage/queries/publishing-task-leases";

export const UNFINISHED: PublishingTaskStatus[] = ["pending", "processing", "processed"];

/** A task and the token of the lease its holder has on it. */
export type HeldTask = PublishingTask & { token: string };

/** The holder's lease was taken over (it ran out): whatever it was doing is abandoned. */
export class LeaseLost extends Error {
  constructor(id: string) {
    super(`the lease on publishing task ${id} was lost`);
  }
}

export function newLeaseToken(): string {
  return randomUUID();
}

/** Starts (or extends) a lease on a task the caller holds by its token, measured on the database's clock. */
export async function setLease(db: Db | Tx, task: { id: string; token: string }, leaseMs: number): Promise<boolean> {
  return extendLease(db, task, leaseMs);
}

/** Claims the oldest unfinished task nobody holds (or whose holder's lease ran out), or none. */
export async function claimTask(db: Db, leaseMs: number): Promise<HeldTask | undefined> {
  const token = newLeaseToken();
  const id = await leaseOldestFreeTask(db, token, leaseMs);
  if (id === undefined) return undefined;
  const task = await db.publishingTask.findUniqueOrThrow({ where: { id } });
  return { ...task, token };
}

/** Keeps renewing the lease until stopped; `lost` turns true once the task is no longer the holder's. */
export function holdLease(db: Db, task: { id: string; token: string }, leaseMs: number, log: Logger): { readonly lost: boolean; stop(): void } {
  let lost = false;
  let renewing = false;
  const timer = setInterval(() => {
    if (renewing) return;
    renewing = true;
    setLease(db, task, leaseMs)
      .then((held) => void (lost ||= !held))
      // The database may be away for a moment: the next renewal tries again, and the lease covers the gap.
      .catch((err) => log.warn("could not renew a publishing task's lease", { id: task.id, error: String(err?.message ?? err) }))
      .finally(() => (renewing = false));
  }, Math.max(50, Math.floor(leaseMs / 3)));
  return {
    get lost() {
      return lost;
    },
    stop: () => clearInterval(timer),
  };
}

/** Moves a held task forward to `status`; never backwards (a retry of a processed task stays processed). */
export async function advance(db: Db, task: HeldTask, status: "processing" | "processed"): Promise<void> {
  const earlier: PublishingTaskStatus[] = status === "processing" ? ["pending"] : ["pending", "processing"];
  if (!(await advanceHeldTask(db, task, earlier, status))) throw new LeaseLost(task.id);
}

/** Marks a held task successful, inside the transaction that commits its version (which must roll back if this throws). */
export async function succeed(tx: Tx, task: HeldTask): Promise<void> {
  const done = await tx.publishingTask.updateMany({
    where: { id: task.id, leaseToken: task.token, status: { in: UNFINISHED } },
    data: { status: "success", leaseToken: null, leaseExpiresAt: null },
  });
  if (done.count === 0) throw new LeaseLost(task.id);
}

/** Fails a held task for good; false when it was no longer the holder's. */
export async function fail(db: Db, task: { id: string; token: string }, code: TaskFailureCode, message: string): Promise<boolean> {
  const done = await db.publishingTask.updateMany({
    where: { id: task.id, leaseToken: task.token, status: { in: UNFINISHED } },
    // PostgreSQL refuses NUL in text; a message may quote what the package holds.
    data: { status: "failure", errorCode: code, errorMessage: message.replace(/\0/g, "\uFFFD"), leaseToken: null, leaseExpiresAt: null },
  });
  return done.count > 0;
}

/** Lets go of a held task to be tried again, by any Wharf, no sooner than `delayMs` from now. */
export async function release(db: Db, task: HeldTask, delayMs: number): Promise<void> {
  await dropLease(db, task, delayMs);
}

/**
 * With the embedded database, no other process can hold a lease: those left
 * by a run that crashed are void, and its tasks are taken at once.
 */
export async function voidLeases(db: Db): Promise<void> {
  await db.publishingTask.updateMany({ where: { status: { in: UNFINISHED }, leaseToken: { not: null } }, data: { leaseToken: null, leaseExpiresAt: null } });
}

/** A task ready for a worker (an upload just stored), so that workers need not wait for their next poll. */
export type TaskReadyListener = () => void;
const listeners = new Set<TaskReadyListener>();

export function taskReady(): void {
  for (const listener of listeners) listener();
}

export function onTaskReady(listener: TaskReadyListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
