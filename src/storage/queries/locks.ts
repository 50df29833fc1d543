// Row and name locks: each serialises, until the transaction ends, the writers that decide on one row or name.
import { Prisma } from "../../generated/prisma/client";
import type { Tx } from "../database";

/** Takes a row lock until the transaction ends, serialising writers that decide on that row. */
export async function lockRow(tx: Tx, table: "users" | "scopes", column: "id" | "scope", value: string): Promise<void> {
  const cast = column === "id" ? Prisma.sql`::uuid` : Prisma.empty;
  await tx.$queryRaw`SELECT 1 FROM ${Prisma.raw(`"${table}"`)} WHERE ${Prisma.raw(`"${column}"`)} = ${value}${cast} FOR UPDATE`;
}

/**
 * Serialises, until the transaction ends, whoever decides on this user-or-scope
 * name: logins and scope names are one namespace, kept in two tables.
 */
export async function lockOwnerName(tx: Tx, name: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${`owner-name:${name}`}))`;
}

const PACKAGE_LOCK_MODES = { update: "FOR UPDATE", noKeyUpdate: "FOR NO KEY UPDATE", share: "FOR SHARE" } as const;

/** What publishing reads of a package's row while it holds the lock. */
interface LockedPackageRow {
  is_archived: boolean;
}

/**
 * Locks a package's row until the transaction ends, and reads what publishing needs of it (undefined: no such
 * package). Its deletion ("update") waits for the uploads ("share") and the version commits ("noKeyUpdate") under way,
 * and they for it: a version can never be added to a package being deleted.
 */
export async function lockPackage(tx: Tx, scope: string, name: string, mode: keyof typeof PACKAGE_LOCK_MODES): Promise<{ isArchived: boolean } | undefined> {
  const rows = await tx.$queryRaw<LockedPackageRow[]>`
    SELECT is_archived FROM packages WHERE scope = ${scope} AND name = ${name} ${Prisma.raw(PACKAGE_LOCK_MODES[mode])}`;
  return rows[0] && { isArchived: rows[0].is_archived };
}
