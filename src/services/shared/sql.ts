// Small SQL helpers the services share.
import { Prisma } from "../../generated/prisma/client";
import type { Tx } from "../../storage/database";

/** Takes a row lock until the transaction ends, serialising writers that decide on that row. */
export async function lockRow(tx: Tx, table: "users" | "scopes", column: "id" | "scope", value: string): Promise<void> {
  const cast = column === "id" ? Prisma.sql`::uuid` : Prisma.empty;
  await tx.$queryRaw`SELECT 1 FROM ${Prisma.raw(`"${table}"`)} WHERE ${Prisma.raw(`"${column}"`)} = ${value}${cast} FOR UPDATE`;
}

/** PostgreSQL's unique_violation, however the adapter wraps it. */
export function isUniqueViolation(err: unknown): boolean {
  if (err instanceof Prisma.PrismaClientKnownRequestError) return err.code === "P2002";
  return (err as { code?: string } | null)?.code === "23505";
}

/** PostgreSQL's foreign_key_violation (a row refers to one that is gone), however the adapter wraps it. */
export function isForeignKeyViolation(err: unknown): boolean {
  if (err instanceof Prisma.PrismaClientKnownRequestError) return err.code === "P2003";
  return (err as { code?: string } | null)?.code === "23503";
}

/** An ILIKE pattern for text containing `text` literally (its % _ and \\ escaped), or null for no text. */
export function containsPattern(text: string | undefined): string | null {
  const trimmed = text?.trim();
  return trimmed ? `%${trimmed.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
}

/**
 * Serialises, until the transaction ends, whoever decides on this user-or-scope
 * name: logins and scope names are one namespace, kept in two tables.
 */
export async function lockOwnerName(tx: Tx, name: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${`owner-name:${name}`}))`;
}
