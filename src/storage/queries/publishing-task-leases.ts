// The conditional writes of publishing-task leases (src/services/jsr/publishing/task-leases.ts): each changes a task
// only while the caller's lease token still holds it, measured on the database's clock. In SQL, as Prisma cannot
// express "now() + interval" or FOR UPDATE SKIP LOCKED.
import type { PublishingTaskStatus } from "../../generated/prisma/client";
import type { Db, Tx } from "../database";

export interface LeaseHolder {
  id: string;
  token: string;
}

interface ClaimedTaskRow {
  id: string;
}

/** Starts (or extends) the holder's lease; false when the task is no longer theirs or is finished. */
export async function extendLease(db: Db | Tx, task: LeaseHolder, leaseMs: number): Promise<boolean> {
  const updated = await db.$executeRaw`
    UPDATE publishing_tasks SET lease_expires_at = now() + ${leaseMs}::int * interval '1 millisecond'
    WHERE id = ${task.id}::uuid AND lease_token = ${task.token}::uuid AND status IN ('pending', 'processing', 'processed')`;
  return updated > 0;
}

/** Leases the oldest unfinished task nobody holds (or whose lease ran out) to `token`; its id, or none. */
export async function leaseOldestFreeTask(db: Db, token: string, leaseMs: number): Promise<string | undefined> {
  const claimed = await db.$queryRaw<ClaimedTaskRow[]>`
    UPDATE publishing_tasks
    SET lease_token = ${token}::uuid, lease_expires_at = now() + ${leaseMs}::int * interval '1 millisecond', attempts = attempts + 1
    WHERE id = (
      SELECT id FROM publishing_tasks
      WHERE status IN ('pending', 'processing', 'processed') AND (lease_expires_at IS NULL OR lease_expires_at < now())
      ORDER BY created_at
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id`;
  return claimed[0]?.id;
}

/** Moves a held task forward from one of `earlier` to `status` (else leaves it); false when it is no longer held. */
export async function advanceHeldTask(db: Db, task: LeaseHolder, earlier: PublishingTaskStatus[], status: PublishingTaskStatus): Promise<boolean> {
  const updated = await db.$executeRaw`
    UPDATE publishing_tasks SET status = CASE WHEN status = ANY(${earlier}::"PublishingTaskStatus"[]) THEN ${status}::"PublishingTaskStatus" ELSE status END, updated_at = now()
    WHERE id = ${task.id}::uuid AND lease_token = ${task.token}::uuid AND status IN ('pending', 'processing', 'processed')`;
  return updated > 0;
}

/** Drops the holder's lease, leaving the task free for anyone from `delayMs` on. */
export async function dropLease(db: Db, task: LeaseHolder, delayMs: number): Promise<void> {
  await db.$executeRaw`
    UPDATE publishing_tasks SET lease_token = NULL, lease_expires_at = now() + ${delayMs}::int * interval '1 millisecond'
    WHERE id = ${task.id}::uuid AND lease_token = ${task.token}::uuid AND status IN ('pending', 'processing', 'processed')`;
}
