// Packages of both ecosystems in one list: which ones, in what order. The
// caller loads each package through its ecosystem's loader.
import { Prisma } from "../../generated/prisma/client";
import type { SqlReader } from "../sql-reader";
import type { PageRequest } from "./page";
import { containsPattern } from "./contains-pattern";

export type PackageRef = { ecosystem: "jsr"; scope: string; name: string } | { ecosystem: "atom"; name: string };
export type DirectoryOrderField = "createdAt" | "updatedAt" | "name";

const COLUMNS: Record<DirectoryOrderField, string> = { createdAt: "created_at", updatedAt: "updated_at", name: "name" };

/** A page of both ecosystems' packages whose name or description contains `query` (all when absent), and how many there are. */
export async function listAllPackages(
  sql: SqlReader,
  query: string | undefined,
  order: { field: DirectoryOrderField; direction: "asc" | "desc" },
  page: PageRequest,
): Promise<{ items: PackageRef[]; total: number }> {
  const pattern = containsPattern(query);
  const orderBy = Prisma.raw(`${COLUMNS[order.field]} ${order.direction === "asc" ? "ASC" : "DESC"}, ecosystem, scope, name`);
  const rows = await sql.rows<{ ecosystem: "jsr" | "atom"; scope: string; name: string; total: number }>(Prisma.sql`
    SELECT ecosystem, scope, name, count(*) OVER ()::int AS total FROM (
      SELECT 'jsr' AS ecosystem, scope, name, description, created_at, updated_at FROM packages
      UNION ALL
      SELECT 'atom', '', name, coalesce(metadata->>'description', ''), created_at, updated_at FROM atom_packages
    ) p
    WHERE ${pattern}::text IS NULL OR name ILIKE ${pattern} OR description ILIKE ${pattern}
    ORDER BY ${orderBy}
    LIMIT ${page.limit} OFFSET ${page.offset}`);
  const total = rows[0]?.total ?? (page.offset > 0 ? (await listAllPackages(sql, query, order, { offset: 0, limit: 1 })).total : 0);
  return {
    total,
    items: rows.map((row) => (row.ecosystem === "jsr" ? { ecosystem: "jsr", scope: row.scope, name: row.name } : { ecosystem: "atom", name: row.name })),
  };
}
