// PostgreSQL's constraint errors, recognised however the driver adapter wraps them.
import { Prisma } from "../generated/prisma/client";

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
